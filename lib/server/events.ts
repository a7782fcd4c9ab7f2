import 'server-only';
import type { Reader } from './session';
import { liveHub, unref, type LiveEvent } from './live-hub';

// The live stream (docs/design.md, "Interfaces"): Server-Sent Events of the changes on one
// document that a reader may see, fed by PostgreSQL NOTIFY through live-hub.ts, so
// that it works across any number of app servers. Events carry ids only; the client
// fetches details through the API, which checks authorization again.

export type { LiveEvent } from './live-hub';

const HEARTBEAT_MS = 15_000;
/** After this long a stream is closed; the browser reconnects, signed in again. */
const MAX_STREAM_MS = 30 * 60_000;
/** Chunks waiting for a client that stopped reading before it is cut off. */
const MAX_BACKLOG = 500;

function formatEvent(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform keeps compression from buffering the stream
  'cache-control': 'no-cache, no-store, no-transform',
  'x-accel-buffering': 'no',
};

/** A Server-Sent Events response with the changes on one document that this reader
 * may see. It is subscribed before this resolves; it ends when the request is aborted. */
export async function openEventStream(
  reader: Reader,
  documentId: string,
  signal: AbortSignal,
): Promise<Response> {
  const encoder = new TextEncoder();
  const timers: ReturnType<typeof setInterval>[] = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let unsubscribe: (() => void) | null = null;
  let closed = false;

  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    for (const t of timers) clearInterval(t);
    signal.removeEventListener('abort', close);
    try {
      controller.close();
    } catch {
      // already closed or cancelled by the client
    }
  };
  const write = (text: string) => {
    if (closed) return;
    // A client that stopped reading is cut off; it reconnects and resyncs.
    if ((controller.desiredSize ?? 0) < -MAX_BACKLOG) return close();
    controller.enqueue(encoder.encode(text));
  };

  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: close,
  });
  signal.addEventListener('abort', close, { once: true });
  if (signal.aborted) close();

  try {
    const off = await liveHub().subscribe(reader, documentId, (events) =>
      write(events.map(formatEvent).join('')),
    );
    if (closed) off();
    else unsubscribe = off;
  } catch (error) {
    close();
    throw error;
  }
  write(`retry: 3000\n: live updates for ${documentId}\n\n`);
  timers.push(unref(setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS)));
  timers.push(unref(setTimeout(close, MAX_STREAM_MS)));
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
