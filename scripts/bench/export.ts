// Benchmark: streamed exports of 100,000 annotations, and an import of 10,000.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<scratch db> \
//     npx tsx --conditions=react-server scripts/bench/export.ts [--annotations 100000] [--import 10000] [--keep]
// Add --expose-gc after tsx to also print the heap that survives a full GC every 25 batches
// (flat numbers = nothing accumulates while the export streams).
//
// Needs: DATABASE_URL pointing at a SCRATCH database that is already migrated (e.g.
// `DATABASE_URL=… npm run db:migrate`); the sample article is imported if it is missing.
// It adds two bench users, a group, N annotations (one INSERT … SELECT generate_series,
// every target valid on the sample article, half shared with the group, 20 % with a reply)
// and removes them at the end unless --keep is given.
// Each export runs through the DAL (prepareExport → ReadableStream) into a counting sink,
// not over HTTP; RSS is sampled every 20 ms to report the peak growth over the baseline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeTarget } from '@/lib/anchoring/document-text';
import { annotationFilterSchema } from '@/lib/annotations/schemas';
import { changeFeed } from '@/lib/server/change-feed';
import { db, rawSql } from '@/lib/server/db';
import { importAnnotations } from '@/lib/server/dal/annotation-import';
import { createDocument } from '@/lib/server/dal/documents';
import { noteForms } from '@/lib/export/note-forms';
import type { NoteDoc } from '@/lib/notes';
import { prepareExport, type ExportFormat } from '@/lib/server/dal/export';
import { getVersionIndex } from '@/lib/server/dal/version-index';
import { parseW3CImportText } from '@/lib/w3c/parse-import';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const COUNT = option('--annotations', 100_000);
const IMPORT_COUNT = option('--import', 10_000);
const KEEP = args.includes('--keep');
const root = path.resolve(import.meta.dirname, '../..');
const gc = (globalThis as { gc?: () => void }).gc;

if (!process.env.DATABASE_URL) {
  console.error(
    'Set DATABASE_URL to a scratch database that is already migrated (see the top of this file).',
  );
  process.exit(2);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function sampleDocument() {
  let doc = await db.document.findUnique({
    where: { slug: 'face-time' },
    select: { id: true, currentVersionId: true },
  });
  if (!doc) {
    const text = readFileSync(path.join(root, 'lib/articles/fixtures/face-time.txt'), 'utf8');
    await createDocument(null, { text, format: 'text', slug: 'face-time', audience: 'PUBLIC' });
    doc = await db.document.findUniqueOrThrow({
      where: { slug: 'face-time' },
      select: { id: true, currentVersionId: true },
    });
  }
  return { id: doc.id, versionId: doc.currentVersionId! };
}

/** Valid targets spread over the article: a few words at several places of every block. */
async function candidateTargets(versionId: string) {
  const { index } = await getVersionIndex(versionId);
  const targets = [];
  for (const [i, block] of index.blocks.entries()) {
    for (
      let start = 0;
      start + 12 < block.text.length;
      start += Math.max(20, Math.floor(block.text.length / 6))
    ) {
      const end = Math.min(block.text.length, start + 12 + ((start * 7) % 60));
      const t = describeTarget(
        index,
        { block: block.anchor, offset: start },
        { block: block.anchor, offset: end },
      );
      targets.push({
        startBlock: block.anchor,
        startIndex: i,
        startOffset: start,
        endBlock: block.anchor,
        endIndex: i,
        endOffset: end,
        exact: t.exact,
        prefix: t.prefix,
        suffix: t.suffix,
      });
    }
  }
  return { targets, index };
}

async function seed(documentId: string, versionId: string) {
  const stamp = Date.now();
  const owner = await db.user.create({
    data: { id: `bench-owner-${stamp}`, name: 'Bench Owner', email: `bench-owner-${stamp}@example.org` },
    select: { id: true, name: true, email: true },
  });
  const importer = await db.user.create({
    data: {
      id: `bench-importer-${stamp}`,
      name: 'Bench Importer',
      email: `bench-importer-${stamp}@example.org`,
    },
    select: { id: true, name: true, email: true },
  });
  const group = await db.group.create({
    data: { name: 'Bench seminar', createdById: owner.id },
    select: { id: true },
  });
  await db.membership.create({ data: { groupId: group.id, userId: owner.id, role: 'FACILITATOR' } });
  const { targets, index } = await candidateTargets(versionId);
  const tagIds = (
    await db.tag.findMany({ where: { groupId: null }, orderBy: { position: 'asc' }, select: { id: true } })
  ).map((t) => t.id);
  const note = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A bench note, with "quotes", commas and ' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        ],
      },
    ],
  };
  // The note's export forms, as the app's writers store them with it (docs/adr/0022).
  const forms = noteForms(note as NoteDoc, 'A bench note, with "quotes", commas and bold');
  const replyForms = noteForms(note as NoteDoc, 'A bench reply');
  const sql = rawSql();
  const started = performance.now();
  await sql.begin(async (tx) => {
    // The live-update triggers would queue one notification per row: not what is measured.
    await tx`ALTER TABLE "annotations" DISABLE TRIGGER "annotations_notify"`;
    await tx`ALTER TABLE "replies" DISABLE TRIGGER "replies_notify"`;
    await tx`
      INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteJson","noteText",
        "noteCsv","noteMarkdown","noteHtml","startBlock","startIndex","startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","status","createdAt","updatedAt")
      SELECT gen_random_uuid(), ${documentId}::uuid, ${versionId}::uuid, ${owner.id},
        (CASE WHEN g % 2 = 0 THEN 'GROUP' ELSE 'PRIVATE' END)::"Visibility", CASE WHEN g % 2 = 0 THEN ${group.id}::uuid END,
        ${JSON.stringify(note)}::text::jsonb, 'A bench note, with "quotes", commas and bold #' || g,
        ${forms.csv}::text, ${forms.markdown}::text, ${forms.html}::text,
        t->>'startBlock', (t->>'startIndex')::int, (t->>'startOffset')::int, t->>'endBlock', (t->>'endIndex')::int, (t->>'endOffset')::int,
        t->>'exact', t->>'prefix', t->>'suffix', 'ANCHORED', now() - make_interval(secs => g), now()
      FROM generate_series(1, ${COUNT}) AS g
      CROSS JOIN LATERAL (SELECT (${JSON.stringify(targets)}::text::jsonb) -> (g % ${targets.length})) AS x(t)`;
    await tx`
      INSERT INTO "annotation_tags" ("annotationId","tagId")
      SELECT "id", (${tagIds}::uuid[])[1 + (abs(hashtext("id"::text)) % 3)] FROM "annotations" WHERE "authorId" = ${owner.id}`;
    await tx`
      INSERT INTO "replies" ("id","annotationId","authorId","bodyJson","bodyText","bodyCsv","bodyMarkdown","bodyHtml","createdAt","updatedAt")
      SELECT gen_random_uuid(), "id", ${owner.id}, ${JSON.stringify(note)}::text::jsonb, 'A bench reply',
        ${replyForms.csv}::text, ${replyForms.markdown}::text, ${replyForms.html}::text, now(), now()
      FROM "annotations" WHERE "authorId" = ${owner.id} AND abs(hashtext("id"::text)) % 5 = 0`;
    await tx`ALTER TABLE "annotations" ENABLE TRIGGER "annotations_notify"`;
    await tx`ALTER TABLE "replies" ENABLE TRIGGER "replies_notify"`;
  });
  // As autovacuum would soon after a bulk insert: statistics, and the visibility map that
  // lets the per-row tag and reply lookups read only the index.
  await sql`VACUUM ANALYZE "annotations"`;
  await sql`VACUUM ANALYZE "annotation_tags"`;
  await sql`VACUUM ANALYZE "replies"`;
  console.log(
    `seeded ${COUNT.toLocaleString('en')} annotations (${targets.length} distinct targets) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { owner, importer, group, targets, index };
}

async function measure<T>(run: () => Promise<T>) {
  gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await run();
    sample();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      peakGrowth: peakRss - baseline.rss,
      heapGrowth: peakHeap - baseline.heapUsed,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The first export pays for compiling queries and growing the heap: do a short one first. */
async function warmUp(reader: { id: string; name: string; email: string }, documentId: string) {
  for (const format of ['csv', 'markdown', 'jsonld'] as const) {
    const prepared = await prepareExport(reader, documentId, {
      format,
      filter: annotationFilterSchema.parse({}),
      baseUrl: 'http://127.0.0.1:3000',
    });
    let n = 0;
    for await (const _chunk of prepared.chunks) if (++n >= 12) break;
  }
}

async function benchExport(
  reader: { id: string; name: string; email: string },
  documentId: string,
  format: ExportFormat,
) {
  const { result, seconds, peakGrowth, heapGrowth } = await measure(async () => {
    const prepared = await prepareExport(reader, documentId, {
      format,
      filter: annotationFilterSchema.parse({}),
      baseUrl: 'http://127.0.0.1:3000',
    });
    const stream = prepared.stream().getReader();
    let bytes = 0;
    let chunks = 0;
    const retained: number[] = [];
    for (;;) {
      const { value, done } = await stream.read();
      if (done) break;
      bytes += value.byteLength;
      // With --expose-gc: the heap that survives a full collection, every 25 batches. Flat
      // numbers mean nothing accumulates as the export proceeds.
      chunks++;
      if (gc && chunks % 25 === 0) {
        gc();
        retained.push(process.memoryUsage().heapUsed);
      }
    }
    return { bytes, chunks, total: prepared.total, retained };
  });
  console.log(
    `export ${format.padEnd(8)} ${result.total.toLocaleString('en')} annotations  ${seconds.toFixed(2).padStart(6)} s  ${mb(result.bytes).padStart(9)} in ${result.chunks} chunks  peak RSS +${mb(peakGrowth)}, heap +${mb(heapGrowth)}`,
  );
  if (result.retained.length > 0)
    console.log(`         heap after full GC every 25 batches: ${result.retained.map(mb).join(', ')}`);
}

/** W3C annotations as another tool would write them: quote, context and a position. */
function importFile(
  targets: Awaited<ReturnType<typeof seed>>['targets'],
  index: Awaited<ReturnType<typeof seed>>['index'],
  stamp: number,
) {
  const items = Array.from({ length: IMPORT_COUNT }, (_, i) => {
    const t = targets[i % targets.length];
    const start = index.starts[t.startIndex] + t.startOffset;
    return {
      id: `urn:bench:${stamp}:${i}`,
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: `Imported note ${i}`, purpose: 'commenting' },
        {
          type: 'TextualBody',
          value: ['claim', 'evidence', 'framing', 'Hot take'][i % 4],
          purpose: 'tagging',
        },
      ],
      target: {
        source: 'https://example.org/face-time',
        selector: [
          { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
          { type: 'TextPositionSelector', start, end: start + t.exact.length },
        ],
      },
    };
  });
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items });
}

async function main() {
  const { id: documentId, versionId } = await sampleDocument();
  const seeded = await seed(documentId, versionId);
  try {
    await warmUp(seeded.owner, documentId);
    for (const format of ['csv', 'markdown', 'jsonld', 'csv'] as const)
      await benchExport(seeded.owner, documentId, format);

    const file = importFile(seeded.targets, seeded.index, Date.now());
    const parse = await measure(async () => parseW3CImportText(file));
    console.log(
      `import   parse+validate ${IMPORT_COUNT.toLocaleString('en')} W3C annotations (${mb(file.length)})  ${parse.seconds.toFixed(2)} s`,
    );
    for (const label of ['first time', 'same file again'] as const) {
      const run = await measure(() =>
        importAnnotations(seeded.importer, documentId, file, { groupId: null, defaultTag: 'claim' }),
      );
      const r = run.result;
      console.log(
        `import   ${label.padEnd(15)} ${run.seconds.toFixed(2).padStart(6)} s  imported ${r.imported}, orphaned ${r.orphaned}, already ${r.alreadyImported}  peak RSS +${mb(run.peakGrowth)}, heap +${mb(run.heapGrowth)}`,
      );
    }
  } finally {
    if (!KEEP) {
      const sql = rawSql();
      await sql.begin(async (tx) => {
        await tx`ALTER TABLE "annotations" DISABLE TRIGGER "annotations_notify"`;
        await tx`ALTER TABLE "replies" DISABLE TRIGGER "replies_notify"`;
        await tx`DELETE FROM "groups" WHERE "id" = ${seeded.group.id}`;
        await tx`DELETE FROM "users" WHERE "id" IN (${seeded.owner.id}, ${seeded.importer.id})`;
        await tx`ALTER TABLE "annotations" ENABLE TRIGGER "annotations_notify"`;
        await tx`ALTER TABLE "replies" ENABLE TRIGGER "replies_notify"`;
      });
    }
  }
}

try {
  await main();
} finally {
  await db.$disconnect();
  await rawSql().end();
  // The caches' LISTEN connection (started by the first cached lookup) would keep the process alive.
  await changeFeed().close();
}
