// The API bench's physical floor: a raw one-row INSERT INTO "annotations" … RETURNING "id"
// through pg, serial and from a pool of 32, and the removal of its rows afterwards.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CONNECTIONS, SECONDS, SERIAL, WARM_UP, summarize, timeSerial, type Summary } from './api-timing';
import { type BenchScene } from './seed';

const RAW_INSERT = `INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteText",
  "startBlock","startIndex","startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","updatedAt")
  VALUES (gen_random_uuid(), $1, $2, $3, 'GROUP', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now()) RETURNING "id"`;

/** Marks the raw rows, so that they can be removed before the HTTP load runs. */
const RAW_NOTE = 'raw insert (bench)';

export function rawParams(scene: BenchScene, bodies: string[]) {
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

export async function serialRaw(scene: BenchScene, params: unknown[][]): Promise<Summary> {
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

export async function concurrentRaw(scene: BenchScene, params: unknown[][]): Promise<Summary> {
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
export async function removeRawRows(scene: BenchScene) {
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
