// API bench: POST /api/v1/documents/face-time/annotations over HTTP against the app server,
// one client (sequential) and 32 concurrent clients (autocannon), beside the physical
// floor: a raw one-row INSERT INTO "annotations" … RETURNING "id" through pg, serial and
// from a pool of 32. A few cheaper requests show where the POST's time goes.
import autocannon from 'autocannon';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runBenchScript } from './lib/child-bench';
import { postJson } from './lib/http';
import type { RunningApp } from './lib/app-server';
import type { ProfileInput } from './lib/profile-post';
import { DEFAULT_TAGS, SAMPLE_SLUG, type BenchScene } from './lib/seed';
import { makeTargets } from './lib/targets';
import { median, ms, percentile, perSecond, type Row } from './lib/stats';

const SERIAL = 500;
const WARM_UP = 50;
const CONNECTIONS = 32;
const SECONDS = 10;
// Issue 12: the 1-client p50 within 2 ms of Next's own floor for the route (the same POST
// refused before any query), 32 clients at half the floor's throughput or more, p99 ≤ 100 ms.
const TARGETS = { overFloorMs: 2, floorShare: 0.5, throughput: 1000, p99: 100 };

interface Summary {
  p50: number;
  p99: number;
  perSecond: number;
  count: number;
  failures: number;
}

const summarize = (latencies: number[], seconds: number, failures = 0): Summary => ({
  p50: median(latencies),
  p99: percentile(latencies, 99),
  perSecond: latencies.length / seconds,
  count: latencies.length,
  failures,
});

/** Request bodies as the reader's client sends them: a valid selection, one or two tags,
 * shared with the group, half of them with a short note. */
function requestBodies(scene: BenchScene, count: number): string[] {
  const blocks = scene.index.blocks.map((b) => ({ anchor: b.anchor, text: b.text }));
  const { targets } = makeTargets(blocks, count, 1234);
  return targets.map((t, i) =>
    JSON.stringify({
      target: { start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix },
      tags: i % 5 === 0 ? ['claim', 'evidence'] : [['claim', 'evidence', 'framing'][i % 3]],
      groupId: scene.groupId,
      ...(i % 2 === 0
        ? {
            note: {
              type: 'doc',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: `A note from the API bench, ${i}.` }] },
              ],
            },
          }
        : {}),
    }),
  );
}

async function timeSerial(count: number, send: (i: number) => Promise<boolean>): Promise<Summary> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const ok = await send(i);
    latencies.push(performance.now() - t0);
    if (!ok) failures++;
  }
  return summarize(latencies, (performance.now() - started) / 1000, failures);
}

async function fetchStatus(url: string, init: RequestInit): Promise<number> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}

async function serialHttp(scene: BenchScene, bodies: string[]) {
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

async function concurrentHttp(
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
async function concurrentTwoProcesses(
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

const RAW_INSERT = `INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteText",
  "startBlock","startIndex","startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","updatedAt")
  VALUES (gen_random_uuid(), $1, $2, $3, 'GROUP', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now()) RETURNING "id"`;

/** Marks the raw rows, so that they can be removed before the HTTP load runs. */
const RAW_NOTE = 'raw insert (bench)';

function rawParams(scene: BenchScene, bodies: string[]) {
  return bodies.map((text, i) => {
    const body = JSON.parse(text);
    const t = body.target;
    return [
      scene.documentId,
      scene.versionId,
      scene.readers[i % scene.readers.length].id,
      scene.groupId,
      RAW_NOTE,
      t.start.block,
      scene.index.indexByAnchor.get(t.start.block),
      t.start.offset,
      t.end.block,
      scene.index.indexByAnchor.get(t.end.block),
      t.end.offset,
      t.exact,
      t.prefix,
      t.suffix,
    ];
  });
}

async function serialRaw(scene: BenchScene, params: unknown[][]): Promise<Summary> {
  const client = new pg.Client({ connectionString: scene.databaseUrl });
  await client.connect();
  try {
    const insert = (i: number) =>
      client
        .query({ name: 'bench-insert', text: RAW_INSERT, values: params[i % params.length] })
        .then((r) => r.rowCount === 1);
    await timeSerial(WARM_UP, insert);
    return await timeSerial(SERIAL, insert);
  } finally {
    await client.end();
  }
}

async function concurrentRaw(scene: BenchScene, params: unknown[][]): Promise<Summary> {
  const pool = new pg.Pool({ connectionString: scene.databaseUrl, max: CONNECTIONS });
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, () => pool.query('SELECT 1')));
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await pool.query({
            name: 'bench-insert',
            text: RAW_INSERT,
            values: params[next++ % params.length],
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return summarize(latencies, (performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}

/** The raw floor adds tens of thousands of rows in 10 s; without them the app's load
 * runs on the table the reader bench saw (10,000 rows and those the API made). */
async function removeRawRows(scene: BenchScene) {
  const client = new pg.Client({ connectionString: scene.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE "annotations" DISABLE TRIGGER "annotations_notify"');
    await client.query('DELETE FROM "annotations" WHERE "noteText" = $1 AND "documentId" = $2', [
      RAW_NOTE,
      scene.documentId,
    ]);
    await client.query('ALTER TABLE "annotations" ENABLE TRIGGER "annotations_notify"');
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE "annotations"');
  } finally {
    await client.end();
  }
}

export interface ApiResult {
  rows: Row[];
  lines: string[];
}

/** The session lookup and createAnnotation in-process, with PostgreSQL round trips counted. */
async function profilePost(scene: BenchScene, authSecret: string, bodies: string[]): Promise<string[]> {
  const reader = scene.readers[3];
  const sample = bodies.slice(0, 200);
  const input: ProfileInput = {
    reader: { id: reader.id, name: reader.name, email: reader.email },
    cookie: reader.cookie,
    bodies: sample,
    rows: sample.map((text) => {
      const body = JSON.parse(text);
      const t = body.target;
      return {
        documentId: scene.documentId,
        versionId: scene.versionId,
        authorId: reader.id,
        groupId: scene.groupId,
        noteText: body.note ? body.note.content[0].content[0].text : '',
        startBlock: t.start.block,
        startIndex: scene.index.indexByAnchor.get(t.start.block)!,
        startOffset: t.start.offset,
        endBlock: t.end.block,
        endIndex: scene.index.indexByAnchor.get(t.end.block)!,
        endOffset: t.end.offset,
        exact: t.exact,
        prefix: t.prefix,
        suffix: t.suffix,
        tagIds: (body.tags as (keyof typeof DEFAULT_TAGS)[]).map((slug) => DEFAULT_TAGS[slug]),
      };
    }),
  };
  // Too large for an environment variable: handed over in a file.
  const file = path.join(os.tmpdir(), `marginalia-bench-profile-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(input));
  try {
    const lines = await runBenchScript('lib/profile-post.ts', [], {
      DATABASE_URL: scene.databaseUrl,
      BETTER_AUTH_URL: scene.baseUrl,
      BETTER_AUTH_SECRET: authSecret,
      BENCH_PROFILE_FILE: file,
    });
    return lines.filter((l) => l.startsWith('[profile]'));
  } finally {
    rmSync(file, { force: true });
  }
}

export async function runApiBench(
  scene: BenchScene,
  opts: { authSecret: string; profile: boolean; startSecondApp?: () => Promise<RunningApp> },
): Promise<ApiResult> {
  const bodies = requestBodies(scene, 2_000);
  // Check one request by hand first, so that a broken route fails loudly, not as a rate.
  const probe = await postJson<{ annotation?: { id: string } }>(
    scene.baseUrl,
    `/api/v1/documents/${SAMPLE_SLUG}/annotations`,
    JSON.parse(bodies[0]),
    scene.readers[2].cookie,
  );
  if (probe.status !== 201)
    throw new Error(`POST annotations answered ${probe.status}: ${JSON.stringify(probe.json)}`);
  const params = rawParams(scene, bodies);

  const rawOne = await serialRaw(scene, params);
  const http = await serialHttp(scene, bodies);
  const rawMany = await concurrentRaw(scene, params);
  await removeRawRows(scene);
  const httpMany = await concurrentHttp(scene, bodies, { signedIn: true, seconds: SECONDS });
  const floorMany = await concurrentHttp(scene, bodies, { signedIn: false, seconds: 5 });
  // Scale-out: a second app process on the same database, the same 32 clients split over both.
  let twoMany: Summary | null = null;
  if (opts.startSecondApp) {
    const second = await opts.startSecondApp();
    try {
      await timeSerial(WARM_UP, (i) =>
        fetchStatus(`${second.baseUrl}/api/v1/documents/${SAMPLE_SLUG}/annotations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: second.baseUrl,
            cookie: scene.readers[i % scene.readers.length].cookie,
          },
          body: bodies[i % bodies.length],
        }).then((s) => s === 201),
      );
      twoMany = await concurrentTwoProcesses(scene, bodies, second.baseUrl);
    } finally {
      await second.stop();
    }
  }
  const profileLines = opts.profile ? await profilePost(scene, opts.authSecret, bodies) : [];
  const failures =
    http.create.failures +
    http.identity.failures +
    http.invalid.failures +
    httpMany.failures +
    floorMany.failures +
    http.unauthenticated.failures +
    http.session.failures +
    (twoMany?.failures ?? 0);
  if (failures > 0)
    console.warn(`[api] ${failures} requests did not answer as expected (see the server log)`);

  const lines = [
    `[api] serial POST: p50 ${ms(http.create.p50, 2)}, p99 ${ms(http.create.p99, 2)} (${SERIAL} requests); raw INSERT p50 ${ms(rawOne.p50, 2)}, p99 ${ms(rawOne.p99, 2)}`,
    `[api] for comparison: the same POST with Accept-Encoding: identity p50 ${ms(http.identity.p50, 2)} (with gzip allowed, the 201 came as ${http.encoding}); refused without a session p50 ${ms(http.unauthenticated.p50, 2)}; signed in but refused by zod (body read, no query) p50 ${ms(http.invalid.p50, 2)}; GET /api/auth/get-session p50 ${ms(http.session.p50, 2)}`,
    `[api] ${CONNECTIONS} clients × ${SECONDS} s: POST ${perSecond(httpMany.perSecond)} (p50 ${ms(httpMany.p50)}, p99 ${ms(httpMany.p99)}, ${httpMany.count} created, ${httpMany.failures} failed); raw INSERT ${perSecond(rawMany.perSecond)} (p50 ${ms(rawMany.p50, 2)}, p99 ${ms(rawMany.p99, 2)})`,
    `[api] ${CONNECTIONS} clients × 5 s, the same POST refused without a session (Next's floor for this route): ${perSecond(floorMany.perSecond)} (p99 ${ms(floorMany.p99)})`,
    ...(twoMany
      ? [
          `[api] ${CONNECTIONS} clients × ${SECONDS} s over two app processes: POST ${perSecond(twoMany.perSecond)} (p50 ${ms(twoMany.p50)}, p99 ${ms(twoMany.p99)}, ${twoMany.count} created, ${twoMany.failures} failed)`,
        ]
      : []),
  ];
  for (const line of lines) console.log(line);
  lines.push(...profileLines);
  const ratio = http.create.p50 / rawOne.p50;
  const overFloor = http.create.p50 - http.unauthenticated.p50;
  const floorShare = httpMany.perSecond / floorMany.perSecond;
  const share = httpMany.perSecond / rawMany.perSecond;
  return {
    lines,
    rows: [
      { measure: 'api: POST annotation, 1 client, p50', value: ms(http.create.p50, 2) },
      { measure: 'api: POST annotation, 1 client, p99', value: ms(http.create.p99, 2) },
      {
        measure: `  same POST with Accept-Encoding: identity, p50 (the 201's encoding: ${http.encoding})`,
        value: ms(http.identity.p50, 2),
      },
      {
        measure: '  for scale: POST refused without session, p50 (the floor)',
        value: ms(http.unauthenticated.p50, 2),
      },
      {
        measure: '  for scale: signed in, body read and refused by zod (400, no query), p50',
        value: ms(http.invalid.p50, 2),
      },
      {
        measure: 'api: 1-client p50 − the floor p50',
        value: ms(overFloor, 2),
        target: `≤ ${TARGETS.overFloorMs} ms`,
        met: overFloor <= TARGETS.overFloorMs,
      },
      {
        measure: 'raw: INSERT … RETURNING id, 1 client, p50 / p99',
        value: `${ms(rawOne.p50, 2)} / ${ms(rawOne.p99, 2)}`,
      },
      { measure: 'api: 1-client p50 ÷ raw INSERT p50', value: `${ratio.toFixed(1)}×` },
      { measure: '  for scale: GET /api/auth/get-session, p50', value: ms(http.session.p50, 2) },
      {
        measure: `api: POST annotation, ${CONNECTIONS} clients, throughput`,
        value: perSecond(httpMany.perSecond),
        target: `≥ ${TARGETS.throughput.toLocaleString('en')} /s`,
        met: httpMany.perSecond >= TARGETS.throughput,
      },
      {
        measure: `  for scale: POST refused without session, ${CONNECTIONS} clients (the floor)`,
        value: perSecond(floorMany.perSecond),
      },
      {
        measure: `  for scale: POST refused without session, ${CONNECTIONS} clients, p99 (the floor)`,
        value: ms(floorMany.p99),
      },
      {
        measure: `api: ${CONNECTIONS}-client throughput ÷ the floor's`,
        // A floor that answered nothing (an overloaded machine) gives no ratio.
        value: Number.isFinite(floorShare) ? `${(floorShare * 100).toFixed(0)} %` : 'n/a (the floor failed)',
        target: `≥ ${(TARGETS.floorShare * 100).toFixed(0)} %`,
        met: Number.isFinite(floorShare) && floorShare >= TARGETS.floorShare,
      },
      {
        measure: `api: POST annotation, ${CONNECTIONS} clients, p99`,
        value: ms(httpMany.p99),
        target: `≤ ${TARGETS.p99} ms`,
        met: httpMany.p99 <= TARGETS.p99,
      },
      { measure: `raw: INSERT, pool of ${CONNECTIONS}, throughput`, value: perSecond(rawMany.perSecond) },
      { measure: 'api ÷ raw throughput', value: `${(share * 100).toFixed(0)} %` },
      { measure: `raw: INSERT, pool of ${CONNECTIONS}, p99`, value: ms(rawMany.p99, 2) },
      ...(twoMany
        ? [
            {
              measure: `api: POST, ${CONNECTIONS} clients over two app processes, throughput`,
              value: perSecond(twoMany.perSecond),
            },
            {
              measure: '  two processes ÷ one',
              value: `${(twoMany.perSecond / httpMany.perSecond).toFixed(2)}×`,
            },
            {
              measure: `api: POST, ${CONNECTIONS} clients over two app processes, p99`,
              value: ms(twoMany.p99),
            },
          ]
        : []),
    ],
  };
}
