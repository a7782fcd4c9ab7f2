import { annotateQuote } from './support/annotate';
import { signUpViaApi } from './support/session';
import { expect, test, type Page } from './support/test';

// Issue item 8: a passage with several tags shows each tag's own underline pattern (the
// first as the text's underline, the others as bands in their own shapes), so that shape,
// not colour alone, tells them apart.

/** The run's patterns: its text underline style, then one shape per band, colours left out. */
async function patternsOf(page: Page, anchor: string) {
  return page
    .locator(`[data-anchor="${anchor}"] mark.hl`)
    .first()
    .evaluate((mark) => {
      const style = getComputedStyle(mark);
      const layers: string[] = [];
      let depth = 0;
      let current = '';
      for (const ch of style.backgroundImage) {
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        if (ch === ',' && depth === 0) {
          layers.push(current.trim());
          current = '';
        } else current += ch;
      }
      layers.push(current.trim());
      const shapes = layers
        .filter((l) => l !== 'none')
        .map((l) => l.replace(/rgba?\([^)]*\)/g, 'C').replace(/\s+/g, ' '));
      return { underline: style.textDecorationStyle, shapes };
    });
}

test('[TAGS] a passage with all three tags shows three distinguishable patterns', async ({ page }) => {
  await signUpViaApi(page, 'Tagger');
  await annotateQuote(page, 'p-2', 'Historically, military relations', {
    tags: ['framing', 'evidence', 'claim'],
    note: 'Everything at once.',
    groupId: null,
  });
  await annotateQuote(page, 'p-4', 'Besides the disruption', {
    tags: ['evidence', 'framing'],
    note: 'Evidence, framed.',
    groupId: null,
  });
  await page.goto('/documents/face-time');

  // The first tag (in the tags' order) underlines the text in its own style.
  const all = await patternsOf(page, 'p-2');
  await expect(page.locator('[data-anchor="p-2"] mark.hl').first()).toHaveAttribute('data-tag1', 'claim');
  expect(all.underline).toBe('solid');
  expect(all.shapes).toHaveLength(2);
  expect(new Set(all.shapes).size, JSON.stringify(all.shapes)).toBe(2);

  // Framing as the second tag keeps its own (hatched) shape instead of turning dashed like
  // Evidence's underline.
  const two = await patternsOf(page, 'p-4');
  await expect(page.locator('[data-anchor="p-4"] mark.hl').first()).toHaveAttribute('data-tag1', 'evidence');
  expect(two.underline).toBe('dashed');
  expect(two.shapes).toHaveLength(1);
  const dashedBand = all.shapes.find((s) => s.includes('90deg') && s.includes('8px'));
  expect(dashedBand, 'the dashed Evidence band').toBeTruthy();
  expect(two.shapes[0]).not.toBe(dashedBand);
  expect(all.shapes).toContain(two.shapes[0]);
  await page.locator('[data-anchor="p-2"]').screenshot({ path: 'docs/screenshots/three-tags.png' });
});
