// `npm run bench [-- reader peer mixed api highlights export reanchor]`: the performance figures of
// docs/benchmarks.md, on a fresh machine as on a developer's.
// Uses DATABASE_URL's server when given, else an embedded PostgreSQL of its own; every
// section works in scratch databases cloned from a migrated, seeded template, all dropped
// at the end. The reader and API sections run the production build (scripts/serve.mjs, as
// `npm start` does, built into .next-bench when the sources changed) on a free loopback port.
import os from 'node:os';
import { runApiBench } from './api';
import { ensureBuild, startApp, type RunningApp } from './lib/app-server';
import { runBenchScript } from './lib/child-bench';
import { openBenchServer, type BenchServer } from './lib/scratch-db';
import { seedScene } from './lib/seed';
import { formatTable, type Row } from './lib/stats';
import { mixedSeconds, runMixedBench } from './mixed';
import { clickableFromReaderRows, floorRatioRow, peerRatioRow, runPeerBench } from './peer';
import { runReaderBench } from './reader';

const SECTIONS = ['reader', 'peer', 'mixed', 'api', 'highlights', 'export', 'reanchor'] as const;
type Section = (typeof SECTIONS)[number];

// Issue 12: exports of 100,000 annotations, and the highlights payload of 10,000.
const EXPORT_TARGETS = { seconds: 3, rssMb: 100 };
const HIGHLIGHTS_TARGET_MS = 100;

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`Unknown section: ${unknown.join(', ')}. Sections: ${SECTIONS.join(', ')} (default: all).`);
  process.exit(2);
}
const want = (section: Section) => asked.length === 0 || asked.includes(section);

const started = Date.now();
// Other work on the machine skews every figure: say how busy it was.
const load = () => `load average ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism()} CPUs`;
const loadAtStart = load();
console.log(
  `[bench] ${loadAtStart}${os.loadavg()[0] > os.availableParallelism() * 0.75 ? ' — the machine is busy; figures will be slower than on a quiet one' : ''}`,
);
let server: BenchServer | null = null;
let app: RunningApp | null = null;
const rows: Row[] = [];
const notes: string[] = [];

async function cleanUp() {
  const running = app;
  app = null;
  await running?.stop().catch(() => undefined);
  const db = server;
  server = null;
  await db?.close().catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n[bench] ${signal}: cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let exitCode = 0;

/** Runs one section; a failure is reported and fails the run, but the next sections still run. */
async function attempt(section: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    console.error(`\n[${section}] failed:`, error instanceof Error ? error.message : error);
    notes.push(
      `[${section}] FAILED: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    );
    exitCode = 1;
  }
}

try {
  const needsApp = want('reader') || want('peer') || want('mixed') || want('api');
  if (needsApp) await ensureBuild();
  server = await openBenchServer();

  if (needsApp) {
    const databaseUrl = await server.clone('app');
    app = await startApp(databaseUrl);
    const { baseUrl } = app;
    const scene = await seedScene(app.baseUrl, databaseUrl, { readers: 30, annotations: 10_000 });
    let oursClickableMs: number | null = null;
    let peerDrawnMs: number | null = null;
    // First: the smaller reader scenes, api and mixed add annotations, and the peer must draw
    // exactly the 10,000 seeded ones.
    if (want('peer')) {
      await attempt('peer', async () => {
        const result = await runPeerBench(scene);
        rows.push(...result.rows);
        notes.push(...result.lines);
        peerDrawnMs = result.drawnMs;
      });
    }
    if (want('reader')) {
      await attempt('reader', async () => {
        // Smaller scenes beside it: other readers and groups, so each viewer sees only their own.
        const smaller = [];
        // `--largest-only`: just the 10,000 scene (quicker, when working on one figure).
        for (const annotations of process.argv.includes('--largest-only') ? [] : [1_000, 5_000])
          smaller.push(await seedScene(baseUrl, databaseUrl, { readers: 30, annotations }));
        const result = await runReaderBench([...smaller, scene]);
        rows.push(...result.rows);
        notes.push(...result.lines);
        oursClickableMs = clickableFromReaderRows(result.rows);
        if (oursClickableMs !== null && peerDrawnMs !== null)
          rows.push(peerRatioRow(oursClickableMs, peerDrawnMs));
        const floor = result.clickable[scene.annotations]?.floor;
        if (floor !== undefined && peerDrawnMs !== null) rows.push(floorRatioRow(floor, peerDrawnMs));
      });
    }
    // Before api; it removes its own rows afterwards.
    if (want('mixed')) {
      await attempt('mixed', async () => {
        const result = await runMixedBench(scene, { seconds: mixedSeconds(process.argv) });
        rows.push(...result.rows);
        notes.push(...result.lines);
      });
    }
    if (want('api')) {
      const result = await runApiBench(scene, {
        authSecret: app.authSecret,
        startSecondApp: () => startApp(databaseUrl, { authSecret: app!.authSecret }),
        profile: !process.argv.includes('--no-profile'),
      });
      rows.push(...result.rows);
      notes.push(...result.lines);
    }
    await app.stop();
    app = null;
  }

  if (want('highlights')) {
    console.log(
      "\n[highlights] the reader page's highlights payload for 10,000 visible annotations, in-process (scripts/bench/highlights.ts)",
    );
    await attempt('highlights', async () => {
      const lines = await runBenchScript('highlights.ts', [], { DATABASE_URL: await server!.clone('hl') });
      notes.push(...lines.filter((l) => l.startsWith('highlights ')));
      for (const line of lines) {
        const m = /^highlights listHighlights, ([\d,]+) visible annotations: ([\d.]+) ms/.exec(line);
        if (m)
          rows.push({
            measure: `highlights: listHighlights, ${m[1]} visible, in-process, p50`,
            value: `${m[2]} ms`,
            target: `≤ ${HIGHLIGHTS_TARGET_MS} ms`,
            met: Number(m[2]) <= HIGHLIGHTS_TARGET_MS,
          });
      }
    });
  }

  if (want('export')) {
    console.log(
      '\n[export] 100,000 annotations per format, then an import of 10,000 (scripts/bench/export.ts)',
    );
    const lines = await runBenchScript('export.ts', [], { DATABASE_URL: await server.clone('export') });
    notes.push(...lines.filter((l) => /^(export|import|seeded)/.test(l.trim())));
    for (const line of lines) {
      const m = /^export (\w+)\s+([\d,]+) annotations\s+([\d.]+) s .* peak RSS \+([\d.]+) MB/.exec(line);
      if (!m) continue;
      const [, format, count, seconds, rss] = m;
      const met = Number(seconds) <= EXPORT_TARGETS.seconds && Number(rss) <= EXPORT_TARGETS.rssMb;
      rows.push({
        measure: `export: ${format}, ${count} annotations (time, peak RSS growth)`,
        value: `${seconds} s, +${rss} MB`,
        target: `≤ ${EXPORT_TARGETS.seconds} s, ≤ ${EXPORT_TARGETS.rssMb} MB`,
        met,
      });
    }
  }

  if (want('reanchor')) {
    console.log('\n[reanchor] 10,000 annotations onto a revised article (scripts/bench/reanchor.ts)');
    // It makes (and drops) a database of its own on this server.
    const lines = await runBenchScript('reanchor.ts', [], { DATABASE_URL: `${server.serverUrl}/postgres` });
    notes.push(
      ...lines.filter((l) => l.startsWith('[bench]')).map((l) => l.replace(/^\[bench\] ?/, 'reanchor ')),
    );
  }
} catch (error) {
  console.error('\n[bench]', error instanceof Error ? error.message : error);
  if (app) console.error(`[bench] last server output:\n${(app as RunningApp).log().slice(-4000)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}

console.log('');
if (rows.length > 0) console.log(formatTable(rows));
if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
const judged = rows.filter((r) => r.met !== undefined);
if (judged.length > 0)
  console.log(
    `\ntargets: ${judged.filter((r) => r.met).length} met, ${judged.filter((r) => !r.met).length} missed`,
  );
console.log(
  `time: ${((Date.now() - started) / 1000).toFixed(0)} s; ${loadAtStart.replace('load average', 'load average at start')}, at the end ${os.loadavg()[0].toFixed(2)}`,
);
process.exit(exitCode);
