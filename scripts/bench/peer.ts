// Peer bench: the same 10,000 highlights drawn by the fastest existing highlighter we know,
// Recogito's text-annotator (npm @recogito/text-annotator) with its CSS Custom Highlight
// renderer, in the same Chromium and the same run as the reader section.
// A tiny loopback HTTP server serves a static page with the sample article's blocks as the
// reader page lays them out (one element per block, a "\n" text node between blocks, so the
// article's text is the page text of docs/design.md), the library's own bundle from
// node_modules, and the scene's annotations as Recogito's native targets (start/end offsets
// in that text, and the quote). The page fetches them, creates the annotator, calls
// setAnnotations, and waits for the renderer's `onRedraw` event, then forces a layout and
// waits for the next frame to be painted. Median of 3 fresh browser contexts after one warm-up.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from '../lib/chromium';
import { freePort } from '../lib/ports';
import { VIEWPORT, whenLogged } from './lib/reader-navigation';
import type { BenchScene } from './lib/seed';
import { median, ms, type Row } from './lib/stats';

const RUNS = 3;
export const PEER_RATIO_TARGET = 10;

interface PeerBlock {
  kind: string;
  anchor: string;
  text: string;
}

interface PeerAnnotation {
  id: string;
  bodies: never[];
  target: { annotation: string; selector: { quote: string; start: number; end: number }[] };
}

/** The version's blocks and its live annotations, with offsets in the page text. */
export async function loadPeerScene(scene: BenchScene) {
  const client = new pg.Client({ connectionString: scene.databaseUrl });
  await client.connect();
  try {
    const blocks = (
      await client.query<PeerBlock>(
        'SELECT "kind", "anchor", "text" FROM "blocks" WHERE "versionId" = $1 ORDER BY "index"',
        [scene.versionId],
      )
    ).rows;
    const rows = (
      await client.query<{ id: string; si: number; so: number; ei: number; eo: number }>(
        `SELECT "id", "startIndex" AS si, "startOffset" AS so, "endIndex" AS ei, "endOffset" AS eo
           FROM "annotations"
          WHERE "versionId" = $1 AND "deletedAt" IS NULL AND "status" = 'ANCHORED'
          ORDER BY "createdAt", "id"`,
        [scene.versionId],
      )
    ).rows;
    // Page text: the blocks joined by one "\n" (the reader page's contract).
    const starts: number[] = [];
    let at = 0;
    for (const block of blocks) {
      starts.push(at);
      at += block.text.length + 1;
    }
    const text = blocks.map((b) => b.text).join('\n');
    const annotations: PeerAnnotation[] = rows.map((r) => {
      const start = starts[r.si] + r.so;
      const end = starts[r.ei] + r.eo;
      return {
        id: r.id,
        bodies: [],
        target: { annotation: r.id, selector: [{ quote: text.slice(start, end), start, end }] },
      };
    });
    return { blocks, annotations };
  } finally {
    await client.end();
  }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TAG_BY_KIND: Record<string, string> = { TITLE: 'h1', HEADING: 'h2' };

/** The article as the reader page lays it out, with the annotator's bootstrap. The UMD
 * bundle still reads `process.env.NODE_ENV` (from nanostores), which a bundler would
 * replace: the page defines it as a production build would. */
function pageHtml(blocks: PeerBlock[]): string {
  let paragraph = 0;
  const body = blocks
    .map((b) => {
      const tag = TAG_BY_KIND[b.kind] ?? 'p';
      const label = b.kind === 'PARAGRAPH' ? String(++paragraph) : '';
      return `<${tag} class="block-${b.kind.toLowerCase()}" data-anchor="${b.anchor}" data-label="${label}">${escapeHtml(b.text)}</${tag}>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Peer: Recogito text-annotator</title>
<link rel="stylesheet" href="/text-annotator.css">
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; }
  article { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
  article p[data-label]:not([data-label=""])::before { content: attr(data-label); position: absolute; margin-left: -2.5rem; color: #888; font-size: 0.8em; }
</style>
<script>window.process = { env: { NODE_ENV: 'production' } };</script>
<script src="/text-annotator.umd.js"></script>
</head><body><article id="article">${body}</article>
<script>
(async () => {
  const probe = { fetched: null, set: null, redraw: null, painted: null, highlights: 0, anchored: 0, total: 0 };
  window.__peer = probe;
  const annotations = await (await fetch('/annotations.json')).json();
  probe.fetched = performance.now();
  const article = document.getElementById('article');
  const anno = RecogitoJS.createTextAnnotator(article, { renderer: 'CSS_HIGHLIGHTS' });
  const off = anno.renderer.on('onRedraw', () => {
    if (probe.redraw !== null || CSS.highlights.size === 0) return;
    probe.redraw = performance.now();
    off();
    void article.getBoundingClientRect().height; // force style and layout
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.painted = performance.now();
        probe.highlights = CSS.highlights.size;
        probe.total = anno.state.store.all().length;
        probe.anchored = anno.state.store.all().filter((a) => anno.state.store.getAnnotationRects(a.id).length > 0).length;
        console.debug('marginalia-bench: peer done');
      };
      channel.port2.postMessage(null);
    });
  });
  anno.setAnnotations(annotations, true);
  probe.set = performance.now();
})().catch((error) => {
  window.__peerError = String(error && error.stack || error);
  console.debug('marginalia-bench: peer done');
});
</script>
</body></html>`;
}

interface PeerServer {
  url: string;
  close(): Promise<void>;
}

async function servePeerPage(blocks: PeerBlock[], annotations: PeerAnnotation[]): Promise<PeerServer> {
  const dist = peerDist();
  const files: Record<string, { type: string; body: Buffer | string }> = {
    '/': { type: 'text/html; charset=utf-8', body: pageHtml(blocks) },
    '/text-annotator.umd.js': {
      type: 'text/javascript',
      body: readFileSync(path.join(dist, 'text-annotator.umd.js')),
    },
    '/text-annotator.css': { type: 'text/css', body: readFileSync(path.join(dist, 'text-annotator.css')) },
    '/annotations.json': { type: 'application/json', body: JSON.stringify(annotations) },
  };
  const server = http.createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0]];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface PeerRun {
  fetched: number;
  set: number;
  redraw: number;
  painted: number;
  highlights: number;
  anchored: number;
  total: number;
}

async function measurePeer(browser: Browser, url: string): Promise<PeerRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    // Told by a console message rather than by polling the page, which would have Playwright
    // inject its own script into it while it draws (lib/reader-navigation.ts's whenLogged).
    const done = whenLogged(page, 'marginalia-bench: peer done', 180_000);
    await page.goto(url, { waitUntil: 'commit' });
    await done;
    const error = await page.evaluate(() => (window as unknown as { __peerError?: string }).__peerError);
    if (error) throw new Error(error);
    return await page.evaluate(() => (window as unknown as { __peer: PeerRun }).__peer);
  } finally {
    await context.close();
  }
}

export interface PeerResult {
  rows: Row[];
  lines: string[];
  /** navigation → every highlight anchored and the viewport's drawn and painted (median) */
  drawnMs: number;
}

export async function runPeerBench(scene: BenchScene): Promise<PeerResult> {
  const { blocks, annotations } = await loadPeerScene(scene);
  const server = await servePeerPage(blocks, annotations);
  ensureChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await measurePeer(browser, server.url); // warm-up, as for the reader
    const runs: PeerRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measurePeer(browser, server.url));
    for (const run of runs) {
      if (run.total !== annotations.length || run.anchored !== annotations.length)
        throw new Error(
          `Recogito holds ${run.total} annotations and anchored ${run.anchored}, expected ${annotations.length}`,
        );
    }
    const pick = (key: keyof PeerRun) => median(runs.map((r) => r[key]));
    const drawnMs = pick('painted');
    const lines = [
      `[peer] @recogito/text-annotator ${peerVersion()} (CSS_HIGHLIGHTS renderer): ${annotations.length.toLocaleString('en')} annotations on ${blocks.length} blocks`,
      `[peer] navigation (ms, ${RUNS} runs): painted ${runs.map((r) => r.painted.toFixed(0)).join(', ')}; medians: annotations fetched ${pick('fetched').toFixed(0)}, setAnnotations returned ${pick('set').toFixed(0)}, first redraw ${pick('redraw').toFixed(0)}, frame painted ${drawnMs.toFixed(0)}; ${pick('anchored')} anchored, ${pick('highlights')} CSS highlights registered (Recogito draws those in the viewport)`,
    ];
    for (const line of lines) console.log(line);
    return {
      drawnMs,
      lines,
      rows: [
        {
          measure: 'peer: Recogito, navigation → all anchored, drawn (median of 3)',
          value: ms(drawnMs, 0),
        },
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The package's dist folder: its `require` entry is the self-contained UMD bundle. */
function peerDist(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@recogito/text-annotator'));
}

function peerVersion(): string {
  const json = readFileSync(path.join(peerDist(), '..', 'package.json'), 'utf8');
  return (JSON.parse(json) as { version: string }).version;
}

/** The reader section's "every highlight clickable" time at 10,000, read from its table
 * (a row whose measure says "clickable", the 10,000 one when there are several sizes). */
export function clickableFromReaderRows(readerRows: Row[]): number | null {
  const clickable = readerRows.filter((r) => /clickable/.test(r.measure) && !/floor/.test(r.measure));
  const row = clickable.find((r) => /10,000|10000|10k/i.test(r.measure)) ?? clickable.at(-1);
  if (!row) return null;
  const value = Number.parseFloat(row.value.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  return /\d\s*s$/.test(row.value.trim()) ? value * 1000 : value;
}

/** Ours against the peer, both in this run: how many times faster ours is. */
export function peerRatioRow(oursMs: number, peerMs: number): Row {
  const ratio = peerMs / oursMs;
  return {
    measure: 'reader vs peer: Recogito drawn ÷ ours clickable',
    value: Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '–',
    target: `≥ ${PEER_RATIO_TARGET}×`,
    met: ratio >= PEER_RATIO_TARGET,
  };
}

/** The best ratio any design could reach here: the peer against the floor (the same page
 * already painted, static, ./floor.ts), both in this run. Below the target, the target is
 * bounded by the machine, by that much. */
export function floorRatioRow(floorMs: number, peerMs: number): Row {
  const ratio = peerMs / floorMs;
  return {
    measure: 'floor vs peer: Recogito drawn ÷ the static floor clickable (the best ratio possible)',
    value: Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '–',
  };
}
