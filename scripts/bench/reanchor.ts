// Benchmark: re-anchoring 10,000 annotations onto a revised version of the sample article.
//   npx tsx --conditions=react-server scripts/bench/reanchor.ts [--annotations 10000] [--no-db]
// 1. pure: reanchorAll (lib/anchoring) alone, cold and warm;
// 2. full path: POST-equivalent reviseDocument on a scratch database (DATABASE_URL's server,
//    else an embedded PostgreSQL): parse, new version, re-anchor, bulk UPDATE, in one transaction.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { assignAnchors, parseArticle, type ParsedBlock } from '@/lib/articles';
import {
  buildDocumentIndex,
  describeTarget,
  reanchorAll,
  type DocumentIndex,
  type Target,
} from '@/lib/anchoring';
import { splitDatabaseUrl, startEmbeddedDatabase, type RunningDatabase } from '../lib/embedded-db';
import { migrateDatabase, projectRoot } from '../lib/migrate';
import { seedDatabase } from '../lib/run';
import { createDatabase, dropDatabase } from '../lib/test-databases';

const args = process.argv.slice(2);
const COUNT = Number(args[args.indexOf('--annotations') + 1]) || 10_000;
const WITH_DB = !args.includes('--no-db');

const SAMPLE = readFileSync(path.join(projectRoot, 'lib/articles/fixtures/face-time.txt'), 'utf8');

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`bench edit: "${from}" not found`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** A realistic revision: typo fixes, inserted sentences, a deleted, a split and a merged paragraph, straightened quotes. */
function reviseSample(blocks: ParsedBlock[]): string {
  const text = (anchor: string) => blocks.find((b) => b.anchor === anchor)!.text;
  let t = SAMPLE;
  t = replaceOnce(t, 'the cancelation of several', 'the cancellation of several');
  t = replaceOnce(
    t,
    'is not accurate. Despite',
    'is not accurate. Both sides quietly kept some channels open. Despite',
  );
  t = replaceOnce(t, `${text('p-4')}  \n\n`, '');
  t = replaceOnce(t, 'against China. Now, as the bilateral', 'against China.\n\nNow, as the bilateral');
  t = replaceOnce(t, `${text('p-13')}  \n\n${text('p-14')}`, `${text('p-13')} ${text('p-14')}`);
  t = replaceOnce(t, text('p-17'), text('p-17').replace(/[“”]/g, '"').replace(/’/g, "'"));
  t = replaceOnce(
    t,
    text('p-21'),
    `In short, ${text('p-21').charAt(0).toLowerCase()}${text('p-21').slice(1)} That much is clear.`,
  );
  return t;
}

/** mulberry32: a seeded generator, so every run measures the same annotations. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Targets as readers make them: whole words, 2–40 of them, now and then across two blocks. */
function makeTargets(index: DocumentIndex, count: number): Target[] {
  const next = random(42);
  const blocks = index.blocks.map((b, i) => ({ ...b, i })).filter((b) => b.text.length > 40);
  const targets: Target[] = [];
  while (targets.length < count) {
    const block = blocks[Math.floor(next() * blocks.length)];
    const words = [...block.text.matchAll(/\S+/g)].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
    }));
    const first = Math.floor(next() * words.length);
    const across = next() < 0.05 && block.i + 1 < index.blocks.length;
    if (across) {
      const following = index.blocks[block.i + 1];
      const end = Math.min(following.text.length, 1 + Math.floor(next() * 80));
      targets.push(
        describeTarget(
          index,
          { block: block.anchor, offset: words[first].start },
          { block: following.anchor, offset: end },
        ),
      );
      continue;
    }
    const last = Math.min(words.length - 1, first + 1 + Math.floor(next() * 39));
    targets.push(
      describeTarget(
        index,
        { block: block.anchor, offset: words[first].start },
        { block: block.anchor, offset: words[last].end },
      ),
    );
  }
  return targets;
}

const ms = (t: number) => `${t.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const oldBlocks = parseArticle(SAMPLE, 'text').blocks;
const revisedText = reviseSample(oldBlocks);
const newBlocks = assignAnchors(
  oldBlocks,
  parseArticle(revisedText, 'text').blocks,
  oldBlocks.map((b) => b.anchor),
);
const oldIndex = buildDocumentIndex(oldBlocks);
const targets = makeTargets(oldIndex, COUNT);

console.log(
  `[bench] re-anchoring ${COUNT.toLocaleString('en')} annotations: sample article (${oldBlocks.length} blocks) → revision (${newBlocks.length} blocks)`,
);
const runs: number[] = [];
let results: ReturnType<typeof reanchorAll> = [];
for (let run = 0; run < 6; run++) {
  const started = performance.now();
  results = reanchorAll(oldBlocks, newBlocks, targets);
  runs.push(performance.now() - started);
}
const outcome = { ANCHORED: 0, REANCHORED: 0, ORPHANED: 0 } as Record<string, number>;
const strategies = new Map<string, number>();
for (const r of results) {
  outcome[r.status]++;
  strategies.set(r.strategy, (strategies.get(r.strategy) ?? 0) + 1);
}
console.log(
  `[bench] pure reanchorAll: cold ${ms(runs[0])}, warm median ${ms(median(runs.slice(1)))} (${((median(runs.slice(1)) * 1000) / COUNT).toFixed(1)} µs per annotation)`,
);
console.log(
  `[bench]   outcome: ${Object.entries(outcome)
    .map(([k, v]) => `${k.toLowerCase()} ${v}`)
    .join(', ')}`,
);
console.log(`[bench]   strategies: ${[...strategies].map(([k, v]) => `${k} ${v}`).join(', ')}`);

if (WITH_DB) await benchDatabasePath();

async function benchDatabasePath() {
  let embedded: RunningDatabase | null = null;
  let serverUrl: string;
  if (process.env.DATABASE_URL) serverUrl = splitDatabaseUrl(process.env.DATABASE_URL).serverUrl;
  else {
    embedded = await startEmbeddedDatabase({
      dataDir: path.join(os.tmpdir(), `marginalia-bench-${process.pid}`, 'pg'),
      port: Number(process.env.BENCH_PG_PORT ?? 54347),
      persistent: false,
    });
    serverUrl = embedded.serverUrl;
  }
  const name = `mg_bench_${process.pid}`;
  try {
    await createDatabase(serverUrl, name);
    await migrateDatabase(`${serverUrl}/${name}`);
    seedDatabase(`${serverUrl}/${name}`);
    process.env.DATABASE_URL = `${serverUrl}/${name}`;
    // The sample article is public: only an administrator may revise it.
    process.env.ADMIN_EMAILS = 'bench@example.org';
    const { db } = await import('@/lib/server/db');
    const { reviseDocument } = await import('@/lib/server/dal/versions');

    const reader = { id: 'bench-reader', name: 'Bench', email: 'bench@example.org' };
    await db.user.create({ data: reader });
    const doc = await db.document.update({
      where: { slug: 'face-time' },
      data: { createdById: reader.id },
      select: { id: true, currentVersionId: true },
    });
    const versionId = doc.currentVersionId!;
    const rows = targets.map((t) => ({
      documentId: doc.id,
      versionId,
      authorId: reader.id,
      startBlock: t.start.block,
      startIndex: oldIndex.indexByAnchor.get(t.start.block)!,
      startOffset: t.start.offset,
      endBlock: t.end.block,
      endIndex: oldIndex.indexByAnchor.get(t.end.block)!,
      endOffset: t.end.offset,
      exact: t.exact,
      prefix: t.prefix,
      suffix: t.suffix,
    }));
    for (let i = 0; i < rows.length; i += 2_000)
      await db.annotation.createMany({ data: rows.slice(i, i + 2_000) });

    const started = performance.now();
    const result = await reviseDocument(reader, 'face-time', { text: revisedText, format: 'text' });
    const elapsed = performance.now() - started;
    console.log(
      `[bench] full path reviseDocument (parse, version, re-anchor, bulk UPDATE of ${rows.length.toLocaleString('en')} rows): ${ms(elapsed)}`,
    );
    console.log(`[bench]   summary: ${JSON.stringify(result.summary)}`);
    const check = await db.annotation.groupBy({ by: ['status'], _count: { _all: true } });
    console.log(
      `[bench]   stored: ${check.map((c) => `${c.status.toLowerCase()} ${c._count._all}`).join(', ')}`,
    );
    await db.$disconnect();
    const { rawSql } = await import('@/lib/server/db');
    await rawSql().end();
  } finally {
    await dropDatabase(serverUrl, name).catch(() => undefined);
    await embedded?.stop();
  }
}
