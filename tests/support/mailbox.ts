// A real SMTP server for tests (npm `smtp-server`) on a free loopback port: every mail it
// receives is parsed (mailparser) and handed to whoever waits for the next one.
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
}

export interface Mailbox {
  url: string;
  port: number;
  /** The next mail not yet taken (waits for it). */
  next(): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startMailbox(port = 0): Promise<Mailbox> {
  const arrived: ReceivedMail[] = [];
  const waiting: ((mail: ReceivedMail) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '',
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          };
          const waiter = waiting.shift();
          if (waiter) waiter(mail);
          else arrived.push(mail);
          done();
        })
        .catch((error: Error) => done(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    next: () => {
      const mail = arrived.shift();
      return mail ? Promise.resolve(mail) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The reset link in a mail's text. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+\/reset-password\/\S+/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[0];
}
