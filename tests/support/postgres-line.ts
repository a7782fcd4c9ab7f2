// A TCP relay on loopback between the app code and PostgreSQL that a test can cut, to play
// an outage: cut() drops every connection and refuses new ones, restore() listens again.
// swallowRepliesAfter(text) lets a statement reach PostgreSQL (so it commits) but drops
// the server's answers on that connection, as a network failing mid-request would.
import net from 'node:net';

export interface PostgresLine {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  swallowRepliesAfter(text: string | null): void;
  close(): Promise<void>;
}

export async function openPostgresLine(targetHost: string, targetPort: number): Promise<PostgresLine> {
  const sockets = new Set<net.Socket>();
  let swallowText: Buffer | null = null;

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    let swallowing = false;
    client.on('data', (chunk) => {
      if (swallowText && chunk.includes(swallowText)) swallowing = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!swallowing) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const port = await listen(0);

  return {
    port,
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
    },
    async restore() {
      swallowText = null;
      await listen(port);
    },
    swallowRepliesAfter(text) {
      swallowText = text === null ? null : Buffer.from(text);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
