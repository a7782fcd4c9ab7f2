// The framework's floor for the reader's "clickable" (issue 12): what any page of this build
// costs before it answers a click through React, whatever it shows. The same server and
// build as the reader, the smallest interactive page there is: the sign-up form. A fresh
// browser context (cold cache) navigates to it; a probe installed before the page's scripts
// waits until React has hydrated the form (its button carries React's props), then, on
// every frame, submits it with a one-letter password until the form's own error
// ("at least … characters", no request) is on screen: the same shape as the reader's probe,
// which clicks a highlight until its dialog is there. The reader's page does all of this
// too, then paints its highlights: the difference is what the reader itself costs.
import type { Browser } from 'playwright-core';
import { median } from './lib/stats';
import { VIEWPORT, whenLogged } from './lib/reader-navigation';

const RUNS = 3;
const READY_MESSAGE = 'marginalia-bench: form answered';

const PROBE = `(() => {
  const probe = { hydratedAt: null, readyAt: null };
  window.__frameworkFloor = probe;
  function tick() {
    const button = document.querySelector('form button[type="submit"]');
    // Before hydration a click would submit the form natively (a navigation).
    if (button && Object.keys(button).some((key) => key.startsWith('__reactProps'))) {
      if (probe.hydratedAt === null) probe.hydratedAt = performance.now();
      if (document.querySelector('form [role="alert"]')) {
        probe.readyAt = performance.now();
        console.debug(${JSON.stringify(READY_MESSAGE)});
        return;
      }
      document.querySelector('input[name="password"]').value = 'x';
      button.click();
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();`;

export interface FrameworkFloor {
  /** navigation → React has hydrated the form (median) */
  hydrated: number;
  /** navigation → a click on it has been answered on screen (median) */
  ready: number;
  runs: number[];
}

async function measureOnce(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PROBE });
    const ready = whenLogged(page, READY_MESSAGE, 60_000);
    await page.goto(`${baseUrl}/sign-up`, { waitUntil: 'commit' });
    await ready;
    return await page.evaluate(
      () =>
        (window as unknown as { __frameworkFloor: { hydratedAt: number; readyAt: number } }).__frameworkFloor,
    );
  } finally {
    await context.close();
  }
}

/** Median of 3 navigations after one warm-up. */
export async function measureFrameworkFloor(browser: Browser, baseUrl: string): Promise<FrameworkFloor> {
  await measureOnce(browser, baseUrl);
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await measureOnce(browser, baseUrl));
  return {
    hydrated: median(samples.map((s) => s.hydratedAt)),
    ready: median(samples.map((s) => s.readyAt)),
    runs: samples.map((s) => s.readyAt),
  };
}
