import { randomUUID } from 'node:crypto';
import { type Locator } from '@playwright/test';
import { expect, test } from './support/test';
import { annotateQuote } from './support/annotate';
import { expectFitsWidth, touchPhone } from './support/layout';
import { apiJson, signUpReaders, signUpViaApi } from './support/session';

// Two members of one seminar mark overlapping parts of the same sentence: the shared part
// is one highlight that says how many annotations it holds, and opens them all.

const SENTENCE_START = 'The assumption by some analysts';

test('[OVERLAP] two readers’ overlapping annotations show as one counted highlight that opens both', async ({
  browser,
}) => {
  const readers = await signUpReaders(browser, ['Ada Overlap', 'Ben Overlap']);
  const [ada, ben] = readers.pages;

  const group = await apiJson(ada.request, 'POST', '/api/v1/groups', {
    name: `Overlap seminar ${randomUUID().slice(0, 6)}`,
  });
  expect(group.status, JSON.stringify(group.json)).toBe(201);
  const joined = await apiJson(ben.request, 'POST', '/api/v1/groups/join', {
    code: group.json.group.inviteCode,
  });
  expect(joined.status, JSON.stringify(joined.json)).toBe(200);
  const groupId: string = group.json.group.id;

  const adaNote = `Whose assumption? ${randomUUID().slice(0, 6)}`;
  const benNote = `The scare quotes do the work ${randomUUID().slice(0, 6)}`;
  const adaId = await annotateQuote(ada, 'p-3', 'The assumption by some analysts that the Fiji meeting', {
    tags: ['claim'],
    note: adaNote,
    groupId,
  });
  const benId = await annotateQuote(ben, 'p-3', 'some analysts that the Fiji meeting signals a “restart”', {
    tags: ['evidence'],
    note: benNote,
    groupId,
  });

  await ada.goto('/documents/face-time');
  const paragraph = ada.locator('[data-anchor="p-3"]');
  await expect(paragraph).toContainText(SENTENCE_START);

  // Three runs: Ada's alone, both, Ben's alone.
  const adaOnly = paragraph.locator('mark.hl', { hasText: 'The assumption by' });
  await expect(adaOnly).toHaveAttribute('data-ids', adaId);
  await expect(adaOnly).not.toHaveAttribute('data-count');
  await expect(adaOnly).toHaveAttribute('title', /1 annotation by Ada Overlap/);

  const both = paragraph.locator('mark.hl[data-count="2"]');
  await expect(both).toHaveCount(1);
  await expect(both).toHaveText('some analysts that the Fiji meeting');
  await expect(both).toHaveAttribute('title', /2 annotations/);
  await expect(both).toHaveAttribute('data-ids', new RegExp(`(?=.*${adaId})(?=.*${benId})`));
  // Ada's own tag leads; Ben's is the second underline; the run counts as hers.
  await expect(both).toHaveAttribute('data-tag1', 'claim');
  await expect(both).toHaveAttribute('data-tag2', 'evidence');
  await expect(both).toHaveClass(/hl-mine/);
  // The overlap is a step in the look (deeper tint, thicker underline), not only a colour; its
  // exact count shows in a badge while the pointer is on it (ADR 0025).
  await expect(both).toHaveClass(/\bhl-2\b/);
  await expect(adaOnly).not.toHaveClass(/\bhl-2\b/);
  await both.hover();
  await expect.poll(() => countBadge(both)).toBe('"2"');

  const benOnly = paragraph.locator('mark.hl', { hasText: 'signals a “restart”' });
  await expect(benOnly).toHaveAttribute('data-ids', benId);
  await expect(benOnly).not.toHaveAttribute('data-count');
  await expect(benOnly).toHaveAttribute('title', /1 annotation by Ben Overlap/);
  await expect(benOnly).not.toHaveClass(/hl-mine/);

  await both.click();
  const popover = ada.getByRole('dialog', { name: '2 annotations on this passage' });
  await expect(popover).toBeVisible();
  const adaCard = popover.getByRole('article', { name: 'Annotation by Ada Overlap' });
  const benCard = popover.getByRole('article', { name: 'Annotation by Ben Overlap' });
  await expect(adaCard).toContainText(adaNote);
  await expect(adaCard.getByRole('list', { name: 'Tags' })).toContainText('Claim');
  await expect(benCard).toContainText(benNote);
  await expect(benCard.getByRole('list', { name: 'Tags' })).toContainText('Evidence');
  // Ada may edit her own annotation, not Ben's.
  await expect(adaCard.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(benCard.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  await ada.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(both).toBeFocused();

  // A run held by one annotation opens just that one.
  await benOnly.click();
  const single = ada.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(single.getByRole('article')).toHaveCount(1);
  await expect(single.getByRole('article', { name: 'Annotation by Ben Overlap' })).toContainText(benNote);

  // Ben sees the same shared run from his side, led by his own tag.
  await ben.goto('/documents/face-time');
  const benBoth = ben.locator('[data-anchor="p-3"] mark.hl[data-count="2"]');
  await expect(benBoth).toHaveText('some analysts that the Fiji meeting');
  await expect(benBoth).toHaveAttribute('data-tag1', 'evidence');
  await expect(benBoth).toHaveAttribute('data-tag2', 'claim');
  await benBoth.focus();
  await ben.keyboard.press('Enter');
  const benPopover = ben.getByRole('dialog', { name: '2 annotations on this passage' });
  await expect(benPopover.getByRole('article', { name: 'Annotation by Ada Overlap' })).toContainText(adaNote);
  await expect(benPopover.getByRole('article', { name: 'Annotation by Ben Overlap' })).toContainText(benNote);

  await readers.close();
});

/** The count badge a run shows on hover or focus (CSS generated content), or "none". */
function countBadge(run: Locator) {
  return run.evaluate((el) => getComputedStyle(el, '::after').content);
}

for (const width of [390, 320]) {
  test.describe(`on a ${width} px touch phone`, () => {
    test.use(touchPhone(width));

    test(`[OVERLAP] at ${width} px an overlap looks deeper, fits the line, and a tap opens both`, async ({
      page,
    }) => {
      await signUpViaApi(page, 'Thumb Overlap');
      await annotateQuote(page, 'p-3', 'The assumption by some analysts that the Fiji meeting', {
        tags: ['claim'],
        note: 'Whose assumption?',
        groupId: null,
      });
      await annotateQuote(page, 'p-3', 'some analysts that the Fiji meeting signals a “restart”', {
        tags: ['evidence'],
        note: 'Scare quotes.',
        groupId: null,
      });
      await page.goto('/documents/face-time');
      const both = page.locator('[data-anchor="p-3"] mark.hl[data-count="2"]');
      await expect(both).toHaveText('some analysts that the Fiji meeting');
      await expect(both).toHaveClass(/\bhl-2\b/);
      await expect(both).toHaveAttribute('title', /2 annotations/);
      // No count after each run: nothing is added to the line, nothing scrolls sideways.
      await expect.poll(() => countBadge(both)).toBe('none');
      await expectFitsWidth(page, 'reader with overlapping highlights');
      await both.tap();
      const popover = page.getByRole('dialog', { name: '2 annotations on this passage' });
      await expect(popover.getByRole('article')).toHaveCount(2);
      await expectFitsWidth(page, 'popover of an overlap');
    });
  });
}
