import { randomUUID } from 'node:crypto';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import { highlightsByBlock, segmentBlock } from '@/lib/segments';
import { expect, test, type Page } from './support/test';
import { annotateQuote } from './support/annotate';
import { seedAnnotations, type SeededAnnotation } from './support/seed-annotations';
import { apiJson, signUpReaders } from './support/session';

// A seminar's article under 2,000 highlights: the runs the page shows are exactly those the
// pure segment code gives, through a filter toggle and a live arrival; highlights stay
// reachable by keyboard and keep their accessible names.

type Block = { anchor: string; text: string };

/** "anchor|run text|count" for every run with at least one shown annotation, in document order. */
function expectedRuns(blocks: Block[], all: SeededAnnotation[], shown: (a: SeededAnnotation) => boolean) {
  const byId = new Map(all.map((a) => [a.id, a]));
  const byBlock = highlightsByBlock(
    buildDocumentIndex(blocks),
    all.map((a) => ({ id: a.id, target: { start: a.start, end: a.end } })),
  );
  const runs: string[] = [];
  for (const block of blocks) {
    const pieces = byBlock.get(block.anchor);
    if (!pieces) continue;
    for (const segment of segmentBlock(block.text, pieces)) {
      const count = segment.ids.filter((id) => shown(byId.get(id)!)).length;
      if (count > 0) runs.push(`${block.anchor}|${segment.text}|${count}`);
    }
  }
  return runs;
}

/** The focused highlight as "anchor|run text|count". */
const focusedRun = (page: Page) =>
  page.evaluate(() => {
    const m = document.activeElement;
    if (!m || m.tagName !== 'MARK') return `not a highlight: ${m?.tagName}`;
    return `${m.closest('[data-anchor]')!.getAttribute('data-anchor')}|${m.textContent}|${m.getAttribute('data-count') ?? '1'}`;
  });

const shownRuns = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('article mark.hl')].map(
      (m) =>
        `${m.closest('[data-anchor]')!.getAttribute('data-anchor')}|${m.textContent}|${m.getAttribute('data-count') ?? '1'}`,
    ),
  );

test('[SCALE] 2,000 highlights: a filter toggle and a live arrival give exactly the expected runs, and the keyboard still reaches them', async ({
  browser,
}) => {
  test.slow();
  const readers = await signUpReaders(browser, ['Ada Many', 'Ben Many']);
  const [ada, ben] = readers.pages;
  const group = await apiJson(ada.request, 'POST', '/api/v1/groups', {
    name: `Scale seminar ${randomUUID().slice(0, 6)}`,
  });
  expect(group.status, JSON.stringify(group.json)).toBe(201);
  const groupId: string = group.json.group.id;
  expect(
    (await apiJson(ben.request, 'POST', '/api/v1/groups/join', { code: group.json.group.inviteCode })).status,
  ).toBe(200);
  const detail = await apiJson(ada.request, 'GET', `/api/v1/groups/${groupId}`);
  const authorIds = (detail.json.group.members as { userId: string; name: string }[])
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => m.userId);
  const blocks: Block[] = (await apiJson(ada.request, 'GET', '/api/v1/documents/face-time')).json.blocks;
  const seeded = await seedAnnotations({ count: 2000, authorIds, groupId, blocks });

  await ada.goto('/documents/face-time');
  const everything = expectedRuns(blocks, seeded, () => true);
  await expect.poll(() => shownRuns(ada), { timeout: 30_000 }).toEqual(everything);
  // The page-text contract: highlights, labels and attention bars add no text to the article.
  // (The article by its name: the review panel's cards are articles too, once the list is in.)
  expect(
    await ada.getByRole('article', { name: 'Face Time', exact: true }).evaluate((a) => a.textContent),
  ).toBe(blocks.map((b) => b.text).join('\n'));

  // The full list comes in the background in pages of 500 (ADR 0023): the review panel ends
  // with every one of the 2,000.
  await expect(
    ada.getByRole('complementary', { name: 'Review annotations' }).locator('.review-count'),
  ).toHaveText('2000 annotations', { timeout: 30_000 });

  // The Claim filter (the panel's one tag filter): only attributes change; the runs shown are
  // those with a claim among their annotations.
  const claim = ada
    .getByRole('complementary', { name: 'Review annotations' })
    .getByRole('button', { name: 'Claim', exact: true });
  await claim.click();
  await expect(claim).toHaveAttribute('aria-pressed', 'true');
  const isClaim = (a: SeededAnnotation) => a.tags.includes('claim');
  // Straight away, in the last paragraph (off screen, drawn after the frame): Tab goes
  // through the highlights the filter shows, in order, with their filtered counts.
  const claimRuns = expectedRuns(blocks, seeded, isClaim);
  const last = [...blocks]
    .reverse()
    .find((b) => claimRuns.filter((r) => r.startsWith(`${b.anchor}|`)).length >= 3)!;
  await ada.locator(`[data-anchor="${last.anchor}"]`).focus();
  for (const run of claimRuns.filter((r) => r.startsWith(`${last.anchor}|`)).slice(0, 3)) {
    await ada.keyboard.press('Tab');
    expect(await focusedRun(ada)).toBe(run);
  }
  await expect.poll(() => shownRuns(ada)).toEqual(claimRuns);
  await expect(ada.getByRole('article', { name: 'Face Time' })).not.toHaveAttribute('aria-busy', 'true');
  await expect(ada.locator('article mark.hl-off').first()).toBeAttached();
  await expect(ada.locator('article mark.hl-off[role], article mark.hl-off[tabindex]')).toHaveCount(0);

  // Ben's new note arrives live, in place.
  const quote = 'The assumption by some analysts';
  const benId = await annotateQuote(ben, 'p-3', quote, { tags: ['claim'], note: 'Live', groupId });
  const p3 = blocks.find((b) => b.anchor === 'p-3')!.text;
  const arrived: SeededAnnotation = {
    id: benId,
    authorId: authorIds[1],
    tags: ['claim'],
    start: { block: 'p-3', offset: p3.indexOf(quote) },
    end: { block: 'p-3', offset: p3.indexOf(quote) + quote.length },
  };
  await expect
    .poll(() => shownRuns(ada), { timeout: 30_000 })
    .toEqual(expectedRuns(blocks, [...seeded, arrived], isClaim));
  await claim.click();
  await expect(claim).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => shownRuns(ada)).toEqual(expectedRuns(blocks, [...seeded, arrived], () => true));

  // Keyboard: from the paragraph, Tab reaches its first highlight, Enter opens it, Escape
  // comes back, Tab goes on to the next one.
  const marks = ada.locator('[data-anchor="p-3"] mark.hl');
  await ada.locator('[data-anchor="p-3"]').focus();
  await ada.keyboard.press('Tab');
  await expect(marks.first()).toBeFocused();
  const text = (await marks.first().textContent())!;
  await expect(marks.first()).toHaveAttribute(
    'aria-label',
    `${text} (${(await marks.first().getAttribute('title'))!})`,
  );
  await expect(marks.first()).toHaveAttribute(
    'title',
    /^(Claim|Evidence|Framing).* · (\d+ annotations|1 annotation by .+)$/,
  );
  await ada.keyboard.press('Enter');
  const popover = ada.getByRole('dialog', { name: /on this passage/ });
  await expect(popover).toBeVisible();
  await ada.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(marks.first()).toBeFocused();
  await ada.keyboard.press('Tab');
  await expect(marks.nth(1)).toBeFocused();
  await expect(
    ada.getByRole('button', { name: (await marks.nth(1).getAttribute('aria-label'))! }),
  ).toBeFocused();

  await readers.close();
});
