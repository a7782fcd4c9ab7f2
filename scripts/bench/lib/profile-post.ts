// Where a POST /annotations spends its time, without HTTP or Next: the session lookup
// and createAnnotation called in-process, with every PostgreSQL round trip counted and
// timed (pg's Client.query is wrapped before Prisma's adapter loads); two cheaper ways
// to insert the same rows, for scale; and the reader page's listAnnotations.
// Run by the API section as `node --conditions=react-server --import tsx` with
// DATABASE_URL, BETTER_AUTH_SECRET/URL of the bench app, and BENCH_PROFILE_FILE (a ProfileInput as JSON).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { ListPosition } from '@/lib/annotations/list-cursor';
import { median } from './stats';

interface Trace {
  count: number;
  ms: number;
  statements: string[];
}
const trace: Trace = { count: 0, ms: 0, statements: [] };

type Query = (...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  const started = performance.now();
  const first = args[0] as string | { text?: string };
  const text = typeof first === 'string' ? first : (first?.text ?? '');
  const done = () => {
    trace.ms += performance.now() - started;
  };
  trace.count++;
  trace.statements.push(text.replace(/\s+/g, ' ').slice(0, 110));
  // pg.Pool#query passes a callback; Prisma's transactions await the promise.
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const callback = args[last] as (...a: unknown[]) => void;
    args[last] = (...a: unknown[]) => {
      done();
      callback(...a);
    };
    return original.apply(this, args);
  }
  const result = original.apply(this, args);
  return result && typeof (result as Promise<unknown>).then === 'function'
    ? (result as Promise<unknown>).finally(done)
    : result;
};

export interface ProfileInput {
  reader: { id: string; name: string; email: string };
  cookie: string;
  /** POST bodies, as sent over HTTP */
  bodies: string[];
  /** the same annotations as table rows (tag ids resolved), for the cheaper alternatives */
  rows: {
    documentId: string;
    versionId: string;
    authorId: string;
    groupId: string;
    noteText: string;
    startBlock: string;
    startIndex: number;
    startOffset: number;
    endBlock: string;
    endIndex: number;
    endOffset: number;
    exact: string;
    prefix: string;
    suffix: string;
    tagIds: string[];
  }[];
}

const input = JSON.parse(readFileSync(process.env.BENCH_PROFILE_FILE!, 'utf8')) as ProfileInput;
const { auth } = await import('@/lib/server/auth');
const { createAnnotation, listAnnotations, listAnnotationsPage } =
  await import('@/lib/server/dal/annotations');
const { listHighlights } = await import('@/lib/server/dal/annotation-highlights');
const { annotationFilterSchema, annotationListQuerySchema, createAnnotationSchema } =
  await import('@/lib/annotations/schemas');
const { db, rawSql, statementCount } = await import('@/lib/server/db');
const { sessionFromHeaders } = await import('@/lib/server/session-cache');
const { changeFeed } = await import('@/lib/server/change-feed');

async function profile(label: string, runs: number, fn: (i: number) => Promise<unknown>, warmUps = 30) {
  for (let i = 0; i < warmUps; i++) await fn(i); // pools, caches, JIT
  const total: number[] = [];
  const inDb: number[] = [];
  const queries: number[] = [];
  const runsStatements: string[][] = [];
  for (let i = 0; i < runs; i++) {
    trace.count = 0;
    trace.ms = 0;
    trace.statements = [];
    const statementsBefore = statementCount();
    const started = performance.now();
    await fn(i);
    total.push(performance.now() - started);
    inDb.push(trace.ms);
    // pg's own count misses postgres.js; db.ts counts both drivers.
    queries.push(Math.max(trace.count, statementCount() - statementsBefore));
    runsStatements.push(trace.statements);
  }
  const t = median(total);
  const d = median(inDb);
  const sample = runsStatements.find((list) => list.length === median(queries)) ?? [];
  console.log(
    `[profile] ${label}: ${t.toFixed(2)} ms (median of ${runs}), ${median(queries)} round trips (${d.toFixed(2)} ms of them through pg; postgres.js is not timed)`,
  );
  for (const statement of sample) console.log(`[profile]     ${statement}`);
}

// What the reader's page asks for before it renders anything (the rest of the page's
// time is rendering and serializing them).
let listed = 0;
await profile(
  "listAnnotations, the reader page's query",
  3,
  async () => {
    listed = (await listAnnotations(input.reader, 'face-time', annotationFilterSchema.parse({}))).length;
  },
  1,
);
console.log(`[profile]     (${listed.toLocaleString('en')} annotations listed)`);
// What one request of the list costs now that it is paged (ADR 0023): the first page at the
// default size, and one from the middle of the list (its cursor taken from the walk above).
const listQuery = annotationListQuerySchema.parse({});
let middle: ListPosition | undefined;
for (let page = 0, after: ListPosition | undefined; page < 10; page++) {
  const { next } = await listAnnotationsPage(input.reader, 'face-time', listQuery, {
    limit: listQuery.limit,
    after,
  });
  if (!next) break;
  after = middle = next;
}
for (const [label, after] of [
  ['first', undefined],
  ['a middle', middle],
] as const)
  await profile(`one page of the list (${listQuery.limit}), ${label} page`, 20, async () => {
    const { list } = await listAnnotationsPage(input.reader, 'face-time', listQuery, {
      limit: listQuery.limit,
      after,
    });
    listed = list.byteLength;
  });
await profile(
  "listHighlights, the reader page's compact highlights (its successor)",
  5,
  async () => {
    listed = (await listHighlights(input.reader, 'face-time')).highlights?.ids.length ?? 0;
  },
  1,
);
console.log(`[profile]     (${listed.toLocaleString('en')} highlights)`);
const headers = new Headers({ cookie: input.cookie });
await profile("better-auth's session lookup (auth.api.getSession, cookie cache)", 200, () =>
  auth.api.getSession({ headers }),
);
// The caches answer once the change feed's LISTEN is in place (docs/adr/0011).
changeFeed().ensure();
for (let i = 0; i < 500 && !changeFeed().live; i++) await new Promise((r) => setTimeout(r, 10));
await profile('session lookup on the request path (sessionFromHeaders, cached)', 200, () =>
  sessionFromHeaders(headers),
);
const bodies = input.bodies.map((b) => createAnnotationSchema.parse(JSON.parse(b)));
// 1,000 runs, as the one-statement alternative below: at 200 a loaded machine's drift made the
// two differ by up to 3 ms; over 2,000 they were 0.71 and 0.60 ms (docs/benchmarks.md).
await profile('createAnnotation (DAL, no HTTP)', 1_000, (i) =>
  createAnnotation(input.reader, 'face-time', bodies[i % bodies.length]),
);

// The POST's own steps in-process, as lib/server/api.ts's withReader runs them (that module
// needs Next's request scope, so its steps are repeated here): the body read from a web
// Request, JSON.parse, the text rule, zod, createAnnotation, and the 201's Response read back.
// The HTTP POST minus this is Next's and the socket's share, beside the refused POST (floor).
const { readCappedText } = await import('@/lib/http/read-body');
const { findHostileText } = await import('@/lib/http/hostile-text');
const origin = process.env.BETTER_AUTH_URL!;
const request = (i: number) =>
  new Request(`${origin}/api/v1/documents/face-time/annotations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie: input.cookie },
    body: input.bodies[i % input.bodies.length],
  });
await profile("the POST's steps: body read, parse, text rule, zod (no query)", 200, async (i) => {
  const value = JSON.parse(await readCappedText(request(i), 256 * 1024));
  if (findHostileText(value, '')) throw new Error('hostile text in a bench body');
  return createAnnotationSchema.parse(value);
});
const view = await createAnnotation(input.reader, 'face-time', bodies[0]);
await profile("the POST's steps: the 201's Response.json, read back", 200, () =>
  Response.json({ annotation: view }, { status: 201, headers: { 'cache-control': 'no-store' } }).text(),
);

// For scale, the insert alone two cheaper ways: Prisma without reading the row back, and
// one SQL statement (annotation and tags in a CTE, atomic without BEGIN/COMMIT).
const row = (i: number) => input.rows[i % input.rows.length];
await profile('alternative: Prisma create with select { id } only', 200, (i) => {
  const { tagIds, ...data } = row(i);
  return db.annotation.create({
    data: {
      ...data,
      visibility: 'GROUP',
      tags: { createMany: { data: tagIds.map((tagId) => ({ tagId })) } },
    },
    select: { id: true },
  });
});
await profile('alternative: one SQL statement through postgres.js', 1_000, (i) => {
  const r = row(i);
  return rawSql()`
    WITH a AS (
      INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteText","startBlock","startIndex","startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","updatedAt")
      VALUES (gen_random_uuid(), ${r.documentId}, ${r.versionId}, ${r.authorId}, 'GROUP', ${r.groupId}, ${r.noteText}, ${r.startBlock}, ${r.startIndex}, ${r.startOffset}, ${r.endBlock}, ${r.endIndex}, ${r.endOffset}, ${r.exact}, ${r.prefix}, ${r.suffix}, now())
      RETURNING "id")
    INSERT INTO "annotation_tags" ("annotationId","tagId") SELECT a."id", t::uuid FROM a, unnest(${r.tagIds}::text[]) AS t RETURNING "annotationId"`;
});
await changeFeed().close();
await db.$disconnect();
await rawSql().end();
