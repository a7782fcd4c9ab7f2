// Memory stays bounded whatever the body: a 100 MB upload to the anonymous sign-up and to
// a signed-in route answers 413 after reading at most the limit, and the process's resident
// memory grows by far less than the body.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { BASE, signUp, type TestUser } from '../support/api';

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = new Uint8Array(64 * 1024).fill(0x61);

/** 100 MB of 'a', produced chunk by chunk as it is read (never held whole). */
function hugeBody(): { stream: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= HUNDRED_MB) return controller.close();
      sent += CHUNK.byteLength;
      controller.enqueue(CHUNK);
    },
  });
  return { stream, sent: () => sent };
}

function post(path: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(new URL(path, BASE), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE, ...headers },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

let ada: TestUser;
beforeAll(async () => {
  ada = await signUp('Ada');
});

describe('a 100 MB body', () => {
  const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

  it('to the sign-up: 413, at most a few chunks read, RSS grows < 50 MB', async () => {
    const before = rssMb();
    const body = hugeBody();
    const res = await authPost(post('/api/auth/sign-up/email', body.stream));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.sent()).toBeLessThanOrEqual(4 * CHUNK.byteLength);
    const grown = rssMb() - before;
    console.info(
      `[memory] sign-up 100 MB body: read ${body.sent()} bytes, RSS ${before.toFixed(0)} → ${rssMb().toFixed(0)} MB`,
    );
    expect(grown).toBeLessThan(50);
  });

  it('to a signed-in JSON route: 413, RSS grows < 50 MB; a declared length is refused unread', async () => {
    const before = rssMb();
    const streamed = hugeBody();
    const res = await createGroup(post('/api/v1/groups', streamed.stream, { cookie: ada.cookie }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(413);
    expect(streamed.sent()).toBeLessThanOrEqual(256 * 1024 + 2 * CHUNK.byteLength);
    const declared = hugeBody();
    const res2 = await createGroup(
      post('/api/v1/groups', declared.stream, { cookie: ada.cookie, 'content-length': String(HUNDRED_MB) }),
      { params: Promise.resolve({}) },
    );
    expect(res2.status).toBe(413);
    expect(declared.sent()).toBeLessThanOrEqual(2 * CHUNK.byteLength);
    console.info(
      `[memory] signed-in 100 MB body: read ${streamed.sent()} bytes, RSS ${before.toFixed(0)} → ${rssMb().toFixed(0)} MB`,
    );
    expect(rssMb() - before).toBeLessThan(50);
  });
});
