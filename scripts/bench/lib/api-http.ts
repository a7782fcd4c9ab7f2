// The API bench over HTTP: the POST from one client (with what the route costs refused
// before any query, refused by zod, and the session lookup alone), and from 32 clients
// through autocannon, on one app process or split over two.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import {
  CONNECTIONS,
  SECONDS,
  SERIAL,
  WARM_UP,
  fetchStatus,
  summarize,
  timeSerial,
  type Summary,
} from './api-timing';
import { SAMPLE_SLUG, type BenchScene } from './seed';

export async function serialHttp(scene: BenchScene, bodies: string[]) {
  const reader = scene.readers[2];
  const url = `${scene.baseUrl}/api/v1/documents/${SAMPLE_SLUG}/annotations`;
  const headers = { 'content-type': 'application/json', origin: scene.baseUrl, cookie: reader.cookie };
  const post = (i: number) =>
    fetchStatus(url, { method: 'POST', headers, body: bodies[i % bodies.length] }).then((s) => s === 201);
  await timeSerial(WARM_UP, post);
  // The same POST asking for no compression, interleaved request by request with the plain
  // one so that a busy machine's drift falls on both alike: what gzip of the ~1 KB answer
  // would cost (ADR 0023 sends write answers with no-transform, so both are uncompressed).
  const plain: number[] = [];
  const identityTimes: number[] = [];
  let failed = 0;
  const started = performance.now();
  for (let i = 0; i < 2 * SERIAL; i++) {
    const t0 = performance.now();
    const status = await fetchStatus(url, {
      method: 'POST',
      headers: i % 2 === 0 ? headers : { ...headers, 'accept-encoding': 'identity' },
      body: bodies[i % bodies.length],
    });
    (i % 2 === 0 ? plain : identityTimes).push(performance.now() - t0);
    if (status !== 201) failed++;
  }
  const seconds = (performance.now() - started) / 1000;
  const create = summarize(plain, seconds / 2, failed);
  const identity = summarize(identityTimes, seconds / 2);
  const encoding =
    (await fetch(url, { method: 'POST', headers, body: bodies[bodies.length - 1] }).then(async (r) => {
      await r.arrayBuffer();
      return r.headers.get('content-encoding');
    })) ?? 'none';
  // Where the time goes: the same route refused before any query (no session), and the
  // session lookup alone (better-auth's own endpoint).
  const unauthenticated = await timeSerial(200, (i) =>
    fetchStatus(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: scene.baseUrl },
      body: bodies[i % bodies.length],
    }).then((s) => s === 401),
  );
  // Between the two: signed in, the body read, parsed and refused by zod (400, no query):
  // the POST minus this is its one INSERT round trip and the 201's answer.
  const invalid = await timeSerial(200, (i) =>
    fetchStatus(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...JSON.parse(bodies[i % bodies.length]), target: undefined }),
    }).then((s) => s === 400),
  );
  const session = await timeSerial(200, () =>
    fetchStatus(`${scene.baseUrl}/api/auth/get-session`, { headers: { cookie: reader.cookie } }).then(
      (s) => s === 200,
    ),
  );
  return { create, identity, encoding, unauthenticated, invalid, session };
}

export async function concurrentHttp(
  scene: BenchScene,
  bodies: string[],
  opts: { signedIn: boolean; seconds: number; baseUrl?: string; connections?: number; offset?: number },
): Promise<Summary> {
  const baseUrl = opts.baseUrl ?? scene.baseUrl;
  let next = opts.offset ?? 0;
  const result = await autocannon({
    url: `${baseUrl}/api/v1/documents/${SAMPLE_SLUG}/annotations`,
    connections: opts.connections ?? CONNECTIONS,
    duration: opts.seconds,
    requests: [
      {
        method: 'POST',
        // Each request as another of the 30 readers, with another selection.
        setupRequest: (request) => {
          const i = next++;
          request.headers = {
            'content-type': 'application/json',
            origin: baseUrl,
            ...(opts.signedIn ? { cookie: scene.readers[i % scene.readers.length].cookie } : {}),
          };
          request.body = bodies[i % bodies.length];
          return request;
        },
      },
    ],
  });
  // Signed out, every answer is a 401 (the route's floor); signed in, every one a 201.
  const expected = opts.signedIn ? result['2xx'] : result.non2xx;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    perSecond: expected / result.duration,
    count: expected,
    failures: result.requests.total - expected + result.errors + result.timeouts,
  };
}

/** The same 32 clients split over two app processes on the one database (half each). */
export async function concurrentTwoProcesses(
  scene: BenchScene,
  bodies: string[],
  secondUrl: string,
): Promise<Summary> {
  const half = CONNECTIONS / 2;
  const [one, two] = await Promise.all([
    concurrentHttp(scene, bodies, { signedIn: true, seconds: SECONDS, connections: half }),
    concurrentHttp(scene, bodies, {
      signedIn: true,
      seconds: SECONDS,
      connections: half,
      baseUrl: secondUrl,
      offset: 1_000,
    }),
  ]);
  return {
    p50: Math.max(one.p50, two.p50),
    p99: Math.max(one.p99, two.p99),
    perSecond: one.perSecond + two.perSecond,
    count: one.count + two.count,
    failures: one.failures + two.failures,
  };
}
