import { annotateQuote } from './support/annotate';
import { expectNoSeriousA11yIssues, isPhone } from './support/layout';
import { signUpViaApi } from './support/session';
import { expect, test, type Page } from './support/test';

// Issue item 1 and 5: a highlight clicked anywhere opens its annotations next to it, in
// view, without moving the page; Escape gives the focus back to the highlight. At the
// desktop size and (project "phone") as a bottom sheet on a touch phone.

const PASSAGES = [
  ['p-2', 'Historically, military relations'],
  ['p-12', 'Unfortunately, the US lacks empathy'],
  ['p-20', 'However, we must be aware'],
] as const;

/** Scrolls so that the mark's top sits `fromTop` of the way down the window. */
async function scrollMarkTo(page: Page, anchor: string, quote: string, fromTop: number) {
  await page.evaluate(
    ({ anchor, quote, fromTop }) => {
      const mark = [...document.querySelectorAll(`[data-anchor="${anchor}"] mark.hl`)].find((m) =>
        m.textContent?.includes(quote.slice(0, 12)),
      )!;
      const top = mark.getBoundingClientRect().top;
      window.scrollBy({ top: top - window.innerHeight * fromTop, behavior: 'instant' });
    },
    { anchor, quote, fromTop },
  );
}

async function expectInView(page: Page, what: ReturnType<Page['getByRole']>) {
  const box = (await what.boundingBox())!;
  const size = page.viewportSize()!;
  const header = (await page.locator('.site-header').boundingBox())!;
  expect(box.y, 'below the sticky header').toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(box.y + box.height, 'above the bottom of the window').toBeLessThanOrEqual(size.height + 1);
  expect(box.x).toBeGreaterThanOrEqual(-1);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 1);
}

test(
  '[POPOVER] a highlight clicked below the first screen opens in view, without moving the page; Escape returns to it',
  { tag: '@phone' },
  async ({ page }) => {
    // Six openings and an axe run: slow on a busy machine, never waiting on a clock.
    test.setTimeout(180_000);
    await signUpViaApi(page, 'Scroller');
    for (const [anchor, quote] of PASSAGES)
      await annotateQuote(page, anchor, quote, { tags: ['claim'], note: `Why ${anchor}?`, groupId: null });
    await page.goto('/documents/face-time');
    const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });

    // Halfway down the window, and close to its bottom (where the popover must flip up).
    for (const fromTop of [0.45, 0.8]) {
      for (const [anchor, quote] of PASSAGES) {
        const mark = page.locator(`[data-anchor="${anchor}"] mark.hl`, { hasText: quote.slice(0, 12) });
        await expect(mark).toBeVisible();
        await scrollMarkTo(page, anchor, quote, fromTop);
        const before = await page.evaluate(() => window.scrollY);
        if (anchor !== 'p-2') expect(before, `${anchor} is below the first screen`).toBeGreaterThan(0);

        await mark.click();
        await expect(popover).toBeFocused();
        await expect(popover).toContainText(`Why ${anchor}?`);
        expect(await page.evaluate(() => window.scrollY), `${anchor} at ${fromTop}: page moved`).toBe(before);
        await expectInView(page, popover);

        await page.keyboard.press('Escape');
        await expect(popover).toBeHidden();
        await expect(mark).toBeFocused();
        expect(await page.evaluate(() => window.scrollY)).toBe(before);
      }
    }

    // It follows the page as it scrolls (a sheet on a phone stays put, in view).
    const [anchor, quote] = PASSAGES[1];
    const mark = page.locator(`[data-anchor="${anchor}"] mark.hl`, { hasText: quote.slice(0, 12) });
    await scrollMarkTo(page, anchor, quote, 0.4);
    await mark.click();
    await expect(popover).toBeFocused();
    // The passage's card is selected in the review panel (a sheet kept closed on a phone).
    if (!isPhone(page)) await expect(page.locator('.review-card.is-active')).toContainText(`Why ${anchor}?`);
    const first = (await popover.boundingBox())!;
    await page.evaluate(() => window.scrollBy({ top: 60, behavior: 'instant' }));
    if (isPhone(page)) {
      await expectInView(page, popover);
    } else {
      await expect
        .poll(async () => Math.round((await popover.boundingBox())!.y))
        .toBe(Math.round(first.y - 60));
    }
    await expectInView(page, popover);
    await expectNoSeriousA11yIssues(page, 'reader with the popover open');
  },
);
