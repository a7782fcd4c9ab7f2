// The reader bench's navigation: a fresh browser context opens the reader page with a probe
// installed before the page's scripts, which notes when every highlight run is in the DOM
// and clicks the first until its dialog opens (../reader.ts reports it; ../floor.ts and
// ../profile-reader.ts measure other pages and builds with the same probe).
import type { Browser, Page } from 'playwright-core';
import { browserCookies } from './http';
import type { BenchScene } from './seed';

export const VIEWPORT = { width: 1280, height: 900 };

interface Probe {
  expected: number;
  marksAt: number | null;
  readyAt: number | null;
  clicks: number;
}

/** What the probe logs once a highlight's dialog has opened. */
const READY_MESSAGE = 'marginalia-bench: ready';

/** Runs in the page before any of its scripts: every frame, count the highlight runs;
 * once all are there, click the first until its dialog opens (it cannot before React
 * has hydrated the article). A string, because tsx would add helpers to a function's
 * source that the page does not have. */
export const probeScript = (expected: number) => `(() => {
  const probe = { expected: ${expected}, marksAt: null, readyAt: null, clicks: 0 };
  window.__bench = probe;
  const marks = document.getElementsByClassName('hl');
  function tick() {
    if (probe.marksAt === null && marks.length >= probe.expected) probe.marksAt = performance.now();
    if (probe.marksAt !== null) {
      const dialog = document.querySelector('[role="dialog"]');
      if (dialog && /on this passage/.test(dialog.getAttribute('aria-label') || '')) {
        probe.readyAt = performance.now();
        console.debug(${JSON.stringify(READY_MESSAGE)});
        return;
      }
      probe.clicks++;
      marks[0].click();
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();`;

/** Resolves once the page logs `message` (console.debug): how a measured page says it is
 * done without being polled (polling injects Playwright's script into it). Call it before
 * the navigation. */
export function whenLogged(page: Page, message: string, timeout: number): Promise<unknown> {
  return page.waitForEvent('console', { predicate: (m) => m.text() === message, timeout });
}

/**
 * Resolves once the probe has seen the article ready; on a timeout, says what was missing.
 * Call it before the navigation. It listens for the probe's console message instead of
 * polling the page: polling (`page.waitForFunction`) has Playwright inject its own script
 * into the page while it loads, 20–34 ms of the main thread in the traces (a V8 compile of
 * an anonymous script beside the chunks), which the measured page then paid for.
 */
export function whenReady(page: Page): Promise<void> {
  return whenLogged(page, READY_MESSAGE, 60_000).then(
    () => undefined,
    async (error: Error) => {
      const state = await page
        .evaluate(() => ({
          probe: (window as unknown as { __bench: Probe }).__bench,
          marks: document.getElementsByClassName('hl').length,
          url: location.href,
          dialogs: [...document.querySelectorAll('[role=dialog]')].map((d) => d.getAttribute('aria-label')),
        }))
        .catch(() => null);
      throw new Error(
        `the article did not become ready within 60 s: ${JSON.stringify(state)} (${error.message.split('\n')[0]})`,
      );
    },
  );
}

export interface NavigationRun {
  ready: number;
  marks: number;
  textPainted: number;
  responseStart: number;
  responseEnd: number;
  domContentLoaded: number;
  htmlBytes: number;
  /** bytes over the wire (headers included) of every request until clickable */
  transferred: number;
  /** of which the highlights payload */
  highlightBytes: number;
  markCount: number;
}

export async function measureNavigation(
  browser: Browser,
  scene: BenchScene,
  cookie: string,
  /** another page to measure with the same probe (the floor), without the reader's background list */
  options: { url?: string; waitForList?: boolean } = {},
): Promise<NavigationRun> {
  const waitForList = options.waitForList ?? true;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addCookies(browserCookies(cookie, scene.baseUrl));
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(scene.highlightRuns) });
    // The page loads the full list in the background once its highlights are painted; the
    // context stays open until it has arrived, or the next navigation would find the server
    // still building it (2–3 s of its one event loop at 10,000 on a busy machine) and count
    // that in its own first byte.
    const fullList = waitForList ? waitForFullList(page) : null;
    const ready = whenReady(page);
    await page.goto(options.url ?? `${scene.baseUrl}/documents/face-time`, { waitUntil: 'commit' });
    await ready;
    await page.getByRole('dialog', { name: /on this passage/ }).waitFor({ state: 'visible' });
    const result = await page.evaluate(() => {
      const probe = (window as unknown as { __bench: Probe }).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (r) => r.responseEnd <= probe.readyAt!,
      );
      return {
        ready: probe.readyAt!,
        marks: probe.marksAt!,
        textPainted: paint?.startTime ?? Number.NaN,
        transferred: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
        highlightBytes: resources
          .filter((r) => r.name.endsWith('/highlights'))
          .reduce((sum, r) => sum + r.transferSize, 0),
        responseStart: nav.responseStart,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        htmlBytes: nav.decodedBodySize,
        markCount: document.getElementsByClassName('hl').length,
      };
    });
    if (fullList) await (await fullList).finished();
    return result;
  } finally {
    await context.close();
  }
}

/** A page of the reader's background load of the full list (not a run's annotations by id);
 * the list comes in pages (ADR 0023), the last one has no `next`. */
function isFullList(address: string, method: string) {
  const url = new URL(address);
  const keys = [...url.searchParams.keys()];
  return url.pathname.endsWith('/annotations') && keys.every((k) => k === 'cursor') && method === 'GET';
}

/** The last page of the reader's background list (ADR 0023: it comes in pages; the last has
 * no `next`), answered. */
export function waitForFullList(page: Page) {
  return page.waitForResponse(
    async (r) =>
      isFullList(r.url(), r.request().method()) &&
      r.ok() &&
      ((await r.json()) as { next: string | null }).next === null,
    { timeout: 120_000 },
  );
}
