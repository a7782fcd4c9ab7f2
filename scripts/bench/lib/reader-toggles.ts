// The reader bench's filter toggle: the review panel's Claim filter pressed and released on a
// loaded page, timed inside the page (DOM updated, frame painted, whole article settled).
import type { Browser, Page } from 'playwright-core';
import { browserCookies } from './http';
import type { BenchScene } from './seed';
import { traceToggle } from './toggle-trace';
import { probeScript, VIEWPORT, waitForFullList, whenReady } from './reader-navigation';

export const TOGGLES = 5;

interface ToggleRun {
  dom: number;
  /** after the next frame: its rAF callback, then a task queued from it (after paint) */
  frame: number;
  /** the whole article drawn for the new filters (the blocks off screen follow in idle
   * slices, with <article aria-busy> until then) */
  settled: number;
  checked: boolean;
  /** highlight runs shown once settled */
  marks: number;
}

/** Clicks the review panel's Claim filter (the page's one tag filter) and times the article's
 * first mutation (the painter has changed the marks' attributes), the end of the next frame
 * (style, layout and paint) and the article's settling (no longer aria-busy). */
export async function measureToggle(page: Page): Promise<ToggleRun> {
  const chip = await page
    .getByRole('complementary', { name: 'Review annotations' })
    .getByRole('button', { name: 'Claim', exact: true })
    .elementHandle();
  return chip!.evaluate(
    (box: HTMLButtonElement) =>
      new Promise<ToggleRun>((resolve, reject) => {
        const article = document.querySelector('article');
        if (!article) return reject(new Error('no article'));
        let started = 0;
        let dom = -1;
        const observer = new MutationObserver(() => {
          if (dom >= 0) return;
          dom = performance.now() - started;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const frame = performance.now() - started;
              performance.mark('bench-toggle-frame');
              const checked = box.getAttribute('aria-pressed') === 'true';
              // No named functions in here: tsx would wrap them in a helper the page lacks.
              new Promise<void>((settled) => {
                if (article.getAttribute('aria-busy') !== 'true') return settled();
                const settling = new MutationObserver(() => {
                  if (article.getAttribute('aria-busy') === 'true') return;
                  settling.disconnect();
                  settled();
                });
                settling.observe(article, { attributes: true, attributeFilter: ['aria-busy'] });
              }).then(() =>
                resolve({
                  dom,
                  frame,
                  settled: performance.now() - started,
                  checked,
                  marks: document.getElementsByClassName('hl').length,
                }),
              );
            };
            channel.port2.postMessage(null);
          });
        });
        observer.observe(article, { childList: true, subtree: true, attributes: true, characterData: true });
        setTimeout(
          () => reject(new Error('the article did not change and settle within 30 s of the click')),
          30_000,
        );
        performance.mark('bench-toggle-click');
        started = performance.now();
        box.click();
      }),
  );
}

/** The toggles, and at 10,000 annotations the trace of one more (the issue wants a profile of a miss). */
export async function measureToggles(
  browser: Browser,
  scene: BenchScene,
  cookie: string,
): Promise<{ runs: ToggleRun[]; profile: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addCookies(browserCookies(cookie, scene.baseUrl));
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(scene.highlightRuns) });
    // The toggle is measured once the full list (notes, for the review panel) has loaded in
    // the background, as a reader at work would have it.
    const fullList = waitForFullList(page);
    const ready = whenReady(page);
    await page.goto(`${scene.baseUrl}/documents/face-time`);
    await ready;
    await (await fullList).finished();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const runs: ToggleRun[] = [];
    for (let i = 0; i < TOGGLES; i++) {
      await page.waitForTimeout(300); // let the previous frame and any idle work settle
      runs.push(await measureToggle(page));
    }
    const label = `reader ${scene.annotations.toLocaleString('en')}`;
    let profile: string[] = [];
    if (scene.annotations >= 10_000) {
      await page.waitForTimeout(300);
      profile = await traceToggle(page, label, () => measureToggle(page));
    }
    return { runs, profile };
  } finally {
    await context.close();
  }
}
