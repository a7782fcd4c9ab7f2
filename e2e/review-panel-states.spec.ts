import { annotateQuote } from './support/annotate';
import { signUpViaApi } from './support/session';
import { expect, test } from './support/test';

// Issue item 9: the review panel teaches when empty, offers a way back when filters hide
// everything, has one tag filter, counts the total on its tab, shows no Orphans tab when
// there are none and a loading state instead of wrong counts; readable margin bars; an
// opaque header; a favicon.

test('[REVIEW] an empty panel teaches, filters can be cleared, the tab counts the total', async ({
  page,
}) => {
  // Two page loads and a dozen steps: slow on a busy machine.
  test.setTimeout(150_000);
  await signUpViaApi(page, 'Newcomer');
  await page.goto('/documents/face-time');
  const panel = page.getByRole('complementary', { name: 'Review annotations' });
  await expect(panel.getByText('Select any passage to add a note.')).toBeVisible();
  await expect(panel.getByRole('tab', { name: /Orphans/ })).toHaveCount(0);
  await expect(panel.getByRole('tab', { name: 'Annotations 0' })).toBeVisible();
  // One tag filter: the chips in the panel; the legend above the article is a legend.
  await expect(
    page.getByRole('region', { name: 'Highlights' }).getByRole('checkbox', { name: 'Claim' }),
  ).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Highlights' }).getByRole('list', { name: 'Tags' }),
  ).toContainText('Framing');

  // The sticky header is opaque; the favicon is there.
  const background = await page.locator('.site-header').evaluate((h) => getComputedStyle(h).backgroundColor);
  expect(background).toMatch(/^rgb\(/);
  expect((await page.request.get('/favicon.ico')).status()).toBe(200);
  expect((await page.request.get('/icon.svg')).status()).toBe(200);

  await annotateQuote(page, 'p-2', 'Historically, military relations', {
    tags: ['claim'],
    note: 'One',
    groupId: null,
  });
  await annotateQuote(page, 'p-2', 'between the two nations', {
    tags: ['evidence'],
    note: 'Two',
    groupId: null,
  });
  await page.reload();
  await expect(panel.getByRole('tab', { name: 'Annotations 2' })).toBeVisible();
  await panel.getByRole('button', { name: 'Claim' }).click();
  await expect(panel.getByRole('tab', { name: 'Annotations 1 of 2' })).toBeVisible();
  await panel.getByRole('searchbox', { name: 'Search quotes and notes' }).fill('zebra');
  await expect(panel.getByText('No annotations match these filters.')).toBeVisible();
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(panel.getByText('2 annotations')).toBeVisible();
  await expect(panel.getByRole('searchbox', { name: 'Search quotes and notes' })).toHaveValue('');

  // The margin bars say the tag's name, with the whole as a tooltip, and add no text.
  const bars = page.locator('section#p-2 .attention');
  await expect(bars).toHaveAttribute('title', 'Claim: 1 annotation, Evidence: 1 annotation');
  await expect(bars.locator('.attention-total').first()).toHaveAttribute('data-label', 'Claim 1');
  const articleText = await page.getByRole('article', { name: 'Face Time' }).textContent();
  expect(articleText).not.toContain('Claim 1');
});

test('[REVIEW] before the page is interactive the panel says it is loading, not a count over an empty list', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await signUpViaApi(page, 'Slow Link');
    await annotateQuote(page, 'p-2', 'Historically, military relations', {
      tags: ['claim'],
      note: 'One',
      groupId: null,
    });
    await page.goto('/documents/face-time');
    const panel = page.getByRole('complementary', { name: 'Review annotations' });
    await expect(panel.getByText('Loading annotations…')).toBeVisible();
    await expect(panel.getByText('1 annotation')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
