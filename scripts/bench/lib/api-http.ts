// The API bench over HTTP: the POST from one client (with what the route costs refused
// before any query, refused by zod, and the session lookup alone), and from 32 clients
// through autocannon, on one app process or split over two.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { CONNECTIONS, SECONDS, SERIAL, fetchStatus, summarize, type Summary } from './api-timing';
import { SAMPLE_SLUG, type BenchScene } from './seed';

/** The same request without its target: zod refuses it (400) once the body is read. */
const invalidBody = (body: string) => JSON.stringify({ ...JSON.parse(body), target: undefined });

/** Rounds of warm-up before the serial figures: the server's code is compiled and optimized
 * over its first thousand-odd requests (p50 fell by a third over the first 3,000 POSTs), so
 * a figure taken in that time measures the warm-up. */
const SERIAL_WARM_UP_ROUNDS = 300;

export async function serialHttp(scene: BenchScene, bodies: string[]) {
  const reader = scene.readers[2];
  const url = `${scene.baseUrl}/api/v1/documents/${SAMPLE_SLUG}/annotations`;
  const headers = { 'content-type': 'application/json', origin: scene.baseUrl, cookie: reader.cookie };
  // Each round sends one request of every kind, so that the machine's drift and the
  // server's warming fall on all of them alike: the POST; the same POST asking for no
  // compression (ADR 0023 sends write answers with no-transform, so both are uncompressed);
  // the route refused before any query (no session: Next's floor for it); signed in, the
  // body read, parsed and refused by zod (400, no query: the POST minus this is its one
  // statement and the 201's answer); the session lookup alone (better-auth's endpoint).
  const kinds = {
    create: (i: number) =>
      fetchStatus(url, { method: 'POST', headers, body: bodies[i % bodies.length] }).then((s) => s === 201),
    identity: (i: number) =>
      fetchStatus(url, {
        method: 'POST',
        headers: { ...headers, 'accept-encoding': 'identity' },
        body: bodies[(i + 1) % bodies.length],
      }).then((s) => s === 201),
    unauthenticated: (i: number) =>
      fetchStatus(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: scene.baseUrl },
        body: bodies[i % bodies.length],
      }).then((s) => s === 401),
    invalid: (i: number) =>
      fetchStatus(url, { method: 'POST', headers, body: invalidBody(bodies[i % bodies.length]) }).then(
        (s) => s === 400,
      ),
    session: () =>
      fetchStatus(`${scene.baseUrl}/api/auth/get-session`, { headers: { cookie: reader.cookie } }).then(
        (s) => s === 200,
      ),
  };
  type Kind = keyof typeof kinds;
  const names = Object.keys(kinds) as Kind[];
  for (let i = 0; i < SERIAL_WARM_UP_ROUNDS; i++) for (const name of names) await kinds[name](i);
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Kind, number[]>;
  const failed = Object.fromEntries(names.map((n) => [n, 0])) as Record<Kind, number>;
  const started = performance.now();
  for (let i = 0; i < SERIAL; i++)
    for (const name of names) {
      const t0 = performance.now();
      const ok = await kinds[name](i);
      times[name].push(performance.now() - t0);
      if (!ok) failed[name]++;
    }
  const seconds = (performance.now() - started) / 1000 / names.length;
  const summary = (name: Kind) => summarize(times[name], seconds, failed[name]);
  const encoding =
    (await fetch(url, { method: 'POST', headers, body: bodies[bodies.length - 1] }).then(async (r) => {
      await r.arrayBuffer();
      return r.headers.get('content-encoding');
    })) ?? 'none';
  return {
    create: summary('create'),
    identity: summary('identity'),
    encoding,
    unauthenticated: summary('unauthenticated'),
    invalid: summary('invalid'),
    session: summary('session'),
  };
}

export async function concurrentHttp(
  scene: BenchScene,
  bodies: string[],
  opts: {
    signedIn: boolean;
    seconds: number;
    baseUrl?: string;
    connections?: number;
    offset?: number;
    /** signed in, with a body zod refuses (400 after the body is read, no query) */
    refusedByZod?: boolean;
  },
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
          request.body = opts.refusedByZod
            ? invalidBody(bodies[i % bodies.length])
            : bodies[i % bodies.length];
          return request;
        },
      },
    ],
  });
  // Signed out, every answer is a 401 (the route's floor); refused by zod, a 400; else a 201.
  const expected = opts.signedIn && !opts.refusedByZod ? result['2xx'] : result.non2xx;
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
