import AxeBuilder from '@axe-core/playwright';
import { devices, expect, type Browser, type Page, type TestInfo } from '@playwright/test';

/** The page's width the emulated device has: the project's viewport. With `isMobile`,
 * Chromium widens `innerWidth` to an overflowing page's content, so the comparison is
 * with the number the test set, never with `innerWidth`. */
export function emulatedWidth(page: Page): number {
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  return size.width;
}

/** Nothing on the page scrolls sideways. */
export async function expectFitsWidth(page: Page, where: string) {
  const width = emulatedWidth(page);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where}: scrollWidth ${scrollWidth} at ${width} px`).toBeLessThanOrEqual(width);
}

/** No serious or critical axe violation in the page (or the part given). */
export async function expectNoSeriousA11yIssues(page: Page, where: string, include?: string) {
  // Next streams a page's metadata after its body: the <title> arrives a moment later.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** True on the phone project (or any touch viewport narrower than a tablet). */
export function isPhone(page: Page): boolean {
  return emulatedWidth(page) < 700;
}

/** A browser context for a second reader with the same device as the test's project
 * (a context made by hand does not get the project's viewport and touch settings). */
export async function newDeviceContext(browser: Browser, testInfo: TestInfo) {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  return browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
}

/** Opens the review panel where it is a bottom sheet (narrow screens); a no-op where it
 * is always shown. Returns the panel. */
export async function openReviewPanel(page: Page) {
  const opener = page.getByRole('button', { name: /^Annotations/ });
  if (await opener.isVisible()) {
    if ((await opener.getAttribute('aria-expanded')) !== 'true') await opener.click();
  }
  const panel = page.getByRole('complementary', { name: 'Review annotations' });
  await expect(panel).toBeVisible();
  return panel;
}

/** `test.use` settings for a touch phone `width` px wide (a Pixel 7's agent and pixel ratio),
 * for the specs that check the narrow sizes (390 and 320 px) beside the phone project. */
export function touchPhone(width: number) {
  return {
    userAgent: devices['Pixel 7'].userAgent,
    viewport: { width, height: 780 },
    deviceScaleFactor: devices['Pixel 7'].deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  };
}
