// Benchmark: the reader page's highlights payload (listHighlights, the successor of
// listAnnotations for the page) in-process, for a reader who sees exactly 10,000 annotations.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<scratch db> \
//     node --conditions=react-server --import tsx scripts/bench/highlights.ts [--annotations 10000] [--keep]
//
// Needs: DATABASE_URL pointing at a SCRATCH database that is already migrated; the sample
// article is imported if it is missing. Like the reader scene (docs/benchmarks.md): 30
// readers in one group, N annotations by random readers shared with the group, 1–2 tags
// each, 30 % with a note; plus as many annotations the reader does not see (another
// group's, and private ones), so that visibility has rows to exclude. Measured as the API
// section's profile measures: median of the runs after a warm-up, with the statements
// counted. Removes what it added at the end unless --keep is given.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { changeFeed } from '@/lib/server/change-feed';
import { db, rawSql, statementCount } from '@/lib/server/db';
import { listHighlights } from '@/lib/server/dal/annotation-highlights';
import { createDocument } from '@/lib/server/dal/documents';
import { getVersionIndex } from '@/lib/server/dal/version-index';
import { median } from './lib/stats';

const args = process.argv.slice(2);
const COUNT = args.includes('--annotations') ? Number(args[args.indexOf('--annotations') + 1]) : 10_000;
const KEEP = args.includes('--keep');
const READERS = 30;
const RUNS = 15;
const TARGET_MS = 100;

if (!process.env.DATABASE_URL) {
  console.error(
    'Set DATABASE_URL to a scratch database that is already migrated (see the top of this file).',
  );
  process.exit(2);
}

async function sampleDocument() {
  const find = () =>
    db.document.findUnique({ where: { slug: 'face-time' }, select: { id: true, currentVersionId: true } });
  if (!(await find())) {
    const root = path.resolve(import.meta.dirname, '../..');
    const text = readFileSync(path.join(root, 'lib/articles/fixtures/face-time.txt'), 'utf8');
    await createDocument(null, { text, format: 'text', slug: 'face-time', audience: 'PUBLIC' });
  }
  const doc = (await find())!;
  return { id: doc.id, versionId: doc.currentVersionId! };
}

async function seed(documentId: string, versionId: string) {
  const stamp = Date.now();
  const sql = rawSql();
  const { index } = await getVersionIndex(versionId);
  // Every block with its length: targets of 1–60 characters at seeded places (the payload
  // holds offsets only, so their text need not be words).
  const blocks = index.blocks.map((b, i) => ({ anchor: b.anchor, index: i, length: b.text.length }));
  const readerIds = Array.from({ length: READERS }, (_, i) => `bench-hl-${stamp}-${i}`);
  await sql`INSERT INTO "users" ("id","name","email","createdAt","updatedAt")
    SELECT id, 'Bench reader ' || n, id || '@example.org', now(), now()
    FROM unnest(${readerIds}::text[]) WITH ORDINALITY AS u(id, n)`;
  const [seminar, other] = await sql<{ id: string }[]>`
    INSERT INTO "groups" ("id","name","createdById") VALUES
      (gen_random_uuid(), 'Bench seminar', ${readerIds[0]}), (gen_random_uuid(), 'Other seminar', ${readerIds[1]})
    RETURNING "id"`;
  await sql`INSERT INTO "memberships" ("id","groupId","userId","role")
    SELECT gen_random_uuid(), ${seminar.id}::uuid, id, (CASE WHEN id = ${readerIds[0]} THEN 'FACILITATOR' ELSE 'MEMBER' END)::"Role"
    FROM unnest(${readerIds}::text[]) AS u(id)`;
  const tagIds = (
    await sql<{ id: string }[]>`SELECT "id" FROM "tags" WHERE "groupId" IS NULL ORDER BY "position"`
  ).map((t) => t.id);
  await sql.begin(async (tx) => {
    await tx`ALTER TABLE "annotations" DISABLE TRIGGER "annotations_notify"`;
    // g ≤ COUNT: the seminar's, which the reader sees; then as many they do not see.
    await tx`
      INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteJson","noteText",
        "startBlock","startIndex","startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","status","createdAt","updatedAt")
      SELECT gen_random_uuid(), ${documentId}::uuid, ${versionId}::uuid,
        CASE WHEN g <= ${COUNT} THEN (${readerIds}::text[])[1 + (g * 7919) % ${READERS}] ELSE ${readerIds[1]} END,
        (CASE WHEN g <= ${COUNT} OR g % 2 = 0 THEN 'GROUP' ELSE 'PRIVATE' END)::"Visibility",
        CASE WHEN g <= ${COUNT} THEN ${seminar.id}::uuid WHEN g % 2 = 0 THEN ${other.id}::uuid END,
        CASE WHEN g % 10 < 3 THEN '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"A note"}]}]}'::jsonb END,
        CASE WHEN g % 10 < 3 THEN 'A note' ELSE '' END,
        b->>'anchor', (b->>'index')::int, s.start, b->>'anchor', (b->>'index')::int, s.start + s.len,
        'x', '', '', 'ANCHORED', now() - make_interval(secs => g), now()
      FROM generate_series(1, ${COUNT * 2}) AS g
      CROSS JOIN LATERAL (SELECT (${JSON.stringify(blocks)}::text::jsonb) -> ((g * 31) % ${blocks.length})) AS x(b)
      CROSS JOIN LATERAL (SELECT least(1 + (g * 13) % 60, (b->>'length')::int) AS len) AS l
      CROSS JOIN LATERAL (SELECT ((g * 17) % greatest(1, (b->>'length')::int - l.len + 1)) AS start, l.len) AS s`;
    await tx`ALTER TABLE "annotations" ENABLE TRIGGER "annotations_notify"`;
  });
  const mine = sql`SELECT "id" FROM "annotations" WHERE "authorId" = ANY(${readerIds})`;
  await sql`INSERT INTO "annotation_tags" ("annotationId","tagId")
    SELECT "id", (${tagIds}::uuid[])[1 + abs(hashtext("id"::text)) % 3] FROM (${mine}) m`;
  await sql`INSERT INTO "annotation_tags" ("annotationId","tagId")
    SELECT "id", (${tagIds}::uuid[])[1 + (abs(hashtext("id"::text)) + 1) % 3] FROM (${mine}) m
    WHERE abs(hashtext("id"::text) / 3) % 10 = 0
    ON CONFLICT DO NOTHING`;
  await sql`VACUUM ANALYZE "annotations"`;
  await sql`VACUUM ANALYZE "annotation_tags"`;
  const reader = await db.user.findUniqueOrThrow({
    where: { id: readerIds[3] },
    select: { id: true, name: true, email: true },
  });
  return { reader, readerIds, groupIds: [seminar.id, other.id] };
}

async function main() {
  const { id: documentId, versionId } = await sampleDocument();
  const seeded = await seed(documentId, versionId);
  try {
    let rows = 0;
    const run = async () => {
      rows = (await listHighlights(seeded.reader, documentId)).highlights?.ids.length ?? 0;
    };
    for (let i = 0; i < 3; i++) await run(); // pools, caches, JIT
    const times: number[] = [];
    const statements: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = statementCount();
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
      statements.push(statementCount() - before);
    }
    const p50 = median(times);
    console.log(
      `highlights listHighlights, ${rows.toLocaleString('en')} visible annotations: ${p50.toFixed(1)} ms (median of ${RUNS}, min ${Math.min(...times).toFixed(1)} ms), ${median(statements)} statements; target ≤ ${TARGET_MS} ms ${p50 <= TARGET_MS ? 'met' : 'MISSED'}`,
    );
  } finally {
    if (!KEEP) {
      const sql = rawSql();
      await sql.begin(async (tx) => {
        await tx`ALTER TABLE "annotations" DISABLE TRIGGER "annotations_notify"`;
        await tx`DELETE FROM "groups" WHERE "id" = ANY(${seeded.groupIds}::uuid[])`;
        await tx`DELETE FROM "users" WHERE "id" = ANY(${seeded.readerIds})`;
        await tx`ALTER TABLE "annotations" ENABLE TRIGGER "annotations_notify"`;
      });
    }
  }
}

try {
  await main();
} finally {
  await db.$disconnect();
  await rawSql().end();
  await changeFeed().close();
}
