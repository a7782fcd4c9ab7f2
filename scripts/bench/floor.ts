// The reader's physical floor (issue 12): what no design can beat on this machine. The same
// page as the reader's, already painted — its body with every highlight run's <mark> in it
// and the app's stylesheets inlined — served as one static HTML file by a bare node:http
// server on loopback, with one tiny inline script whose delegated click (or Enter) opens a
// <dialog aria-label="… on this passage">. No framework, no hydration, no payload, no
// segmenting: the HTML parse, style, layout and paint of the marks, and the click.
// Measured with the reader section's own probe (navigation → text painted, → every run in
// the DOM and a click on the first opening the dialog), in the same browser and run.
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { freePort } from '../lib/ports';
import { browserCookies } from './lib/http';
import type { BenchScene } from './lib/seed';
import { median } from './lib/stats';
import { measureNavigation, VIEWPORT, type NavigationRun } from './lib/reader-navigation';

const RUNS = 3;

/** Delegated on the document from the <head>: a run is clickable as soon as it is parsed. */
const FLOOR_SCRIPT = `(() => {
  let dialog = null;
  function open(mark) {
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.setAttribute('role', 'dialog');
      document.body.append(dialog);
    }
    const n = Number(mark.getAttribute('data-count')) || 1;
    dialog.setAttribute('aria-label', n + (n === 1 ? ' annotation' : ' annotations') + ' on this passage');
    dialog.textContent = mark.getAttribute('aria-label') || '';
    if (!dialog.open) dialog.show();
  }
  document.addEventListener('click', (e) => {
    const mark = e.target.closest && e.target.closest('mark.hl');
    if (mark) open(mark);
  });
  document.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('mark.hl')) {
      e.preventDefault();
      open(e.target);
    }
  });
})();`;

/** The reader page of `scene` as the app painted it, as one static document: its stylesheets'
 * rules (the inlined CSS and the tag styles) and its body without scripts or dialogs. */
async function snapshotPage(browser: Browser, scene: BenchScene, cookie: string): Promise<string> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addCookies(browserCookies(cookie, scene.baseUrl));
    const page = await context.newPage();
    await page.goto(`${scene.baseUrl}/documents/face-time`);
    await page.waitForFunction(
      (expected) => document.querySelectorAll('article mark.hl').length >= expected,
      scene.highlightRuns,
      { timeout: 60_000, polling: 100 },
    );
    const { css, body, title } = await page.evaluate(() => {
      const rules = [...document.styleSheets].flatMap((sheet) => {
        try {
          return [...sheet.cssRules].map((rule) => rule.cssText);
        } catch {
          return [];
        }
      });
      const copy = document.body.cloneNode(true) as HTMLElement;
      for (const el of copy.querySelectorAll(
        'script, [role="dialog"], dialog, next-route-announcer, template',
      ))
        el.remove();
      copy.querySelector('article')?.removeAttribute('aria-busy');
      return { css: rules.join('\n'), body: copy.innerHTML, title: document.title };
    });
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title.replace(/</g, '&lt;')} (floor)</title>
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
<script>${FLOOR_SCRIPT}</script>
</head><body>${body}</body></html>`;
  } finally {
    await context.close();
  }
}

async function serveStatic(html: string) {
  const body = Buffer.from(html);
  const server = http.createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/') {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': body.length,
        'cache-control': 'no-store',
      })
      .end(body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface FloorResult {
  text: number;
  marks: number;
  ready: number;
  htmlBytes: number;
  runs: NavigationRun[];
}

/** The floor of `scene`: median of 3 navigations after one warm-up. */
export async function measureFloor(
  browser: Browser,
  scene: BenchScene,
  cookie: string,
): Promise<FloorResult> {
  const html = await snapshotPage(browser, scene, cookie);
  const server = await serveStatic(html);
  try {
    const options = { url: server.url, waitForList: false };
    await measureNavigation(browser, scene, cookie, options);
    const runs: NavigationRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureNavigation(browser, scene, cookie, options));
    for (const run of runs)
      if (run.markCount !== scene.highlightRuns)
        throw new Error(
          `the floor page shows ${run.markCount} highlight runs, expected ${scene.highlightRuns}`,
        );
    return {
      text: median(runs.map((r) => r.textPainted)),
      marks: median(runs.map((r) => r.marks)),
      ready: median(runs.map((r) => r.ready)),
      htmlBytes: Buffer.byteLength(html),
      runs,
    };
  } finally {
    await server.close();
  }
}
