import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/test';
import { annotateQuote } from './support/annotate';
import { apiJson, signUpViaApi } from './support/session';

// A reader builds the argument of "Face Time": two evidence passages linked to a claim with
// the keyboard alone, then the argument view shows the claim with both, and the diagram's
// text equivalent says the same.

interface Block {
  anchor: string;
  kind: string;
  text: string;
}

/** The sample article's paragraphs with their ¶ numbers, and a quote of each one's opening words. */
async function paragraphs(page: Page) {
  const doc = await apiJson(page.request, 'GET', '/api/v1/documents/face-time');
  return (doc.json.blocks as Block[])
    .filter((b) => b.kind === 'PARAGRAPH')
    .map((b, i) => ({
      anchor: b.anchor,
      label: `¶${i + 1}`,
      quote: b.text.split(' ').slice(0, 7).join(' '),
    }));
}

/** From the evidence's highlight, with keys only: open its card, "Link to…", find the claim
 * by its ¶ number, pick it, keep "Supports", write a note and link. */
async function linkWithKeyboard(page: Page, evidenceAnchor: string, claimLabel: string, note: string) {
  await page.locator(`[data-anchor="${evidenceAnchor}"] mark.hl`).first().focus();
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: 'Link to…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Link this passage to…' });
  const search = dialog.getByRole('searchbox', { name: 'Find an annotation' });
  await expect(search).toBeFocused();
  await expect(dialog.getByRole('radio').first()).toBeVisible();
  await page.keyboard.type(claimLabel);
  await page.keyboard.press('Enter'); // picks the first match
  await expect(dialog.getByRole('radio', { checked: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('combobox', { name: 'Relation' })).toBeFocused();
  await expect(dialog.getByRole('combobox', { name: 'Relation' })).toHaveValue('supports');
  await page.keyboard.press('Tab'); // Visible to: stays as the annotation's
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Note (optional)' })).toBeFocused();
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Link', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText(`Linked: this passage supports ${claimLabel}.`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
}

test('[ARGUE] a reader links two evidence passages to a claim with the keyboard alone, and reads the argument', async ({
  page,
}) => {
  // several readers, annotations and page loads: a busy machine needs more than the default
  test.slow();
  await signUpViaApi(page, 'Arguer');
  const paras = await paragraphs(page);
  const [framing, claim, evidence1, evidence2, lonely] = [paras[1], paras[2], paras[3], paras[4], paras[5]];
  await annotateQuote(page, claim.anchor, claim.quote, {
    tags: ['claim'],
    note: 'The thesis',
    groupId: null,
  });
  for (const e of [evidence1, evidence2, lonely])
    await annotateQuote(page, e.anchor, e.quote, { tags: ['evidence'], note: 'A fact', groupId: null });
  const framingId = await annotateQuote(page, framing.anchor, framing.quote, {
    tags: ['framing'],
    note: 'How it is put',
    groupId: null,
  });

  await page.goto('/documents/face-time');
  await expect(page.locator('mark.hl').first()).toBeVisible();
  await linkWithKeyboard(page, evidence1.anchor, claim.label, 'The talks were cut');
  await linkWithKeyboard(page, evidence2.anchor, claim.label, 'Sanctions too');
  // a framing link through the API, for the diagram's variety
  const claimId = (await apiJson(page.request, 'GET', '/api/v1/documents/face-time/annotations?tag=claim'))
    .json.annotations[0].id;
  const framed = await apiJson(page.request, 'POST', '/api/v1/documents/face-time/links', {
    fromId: framingId,
    toId: claimId,
    relation: 'frames',
  });
  expect(framed.status, JSON.stringify(framed.json)).toBe(201);

  await page.getByRole('link', { name: 'Argument', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /The argument of/ })).toBeVisible();
  const claimCard = page.locator('.argument-claim').filter({ hasText: claim.quote });
  await expect(claimCard.getByRole('heading', { name: `Claim ${claim.label}` })).toBeVisible();
  const supported = claimCard.locator('.argument-role').filter({ hasText: 'Supported by' });
  await expect(supported.getByRole('link')).toHaveText([evidence1.label, evidence2.label]);
  await expect(supported).toContainText('The talks were cut');
  await expect(claimCard.locator('.argument-role').filter({ hasText: 'Framed by' })).toContainText(
    framing.quote,
  );

  const asText = page.getByRole('list', { name: 'Diagram as text' });
  await expect(asText.getByRole('listitem')).toHaveCount(1);
  const sentence = await asText.getByRole('listitem').first().textContent();
  expect(sentence).toContain(`Claim ${claim.label} “${claim.quote}`);
  expect(sentence).toContain(`supported by ${evidence1.label} “${evidence1.quote}`);
  expect(sentence).toContain(` and ${evidence2.label} “${evidence2.quote}`);
  expect(sentence).toContain(`framed by ${framing.label}`);
  await expect(page.getByTestId('argument-diagram').locator('path[data-relation="supports"]')).toHaveCount(2);
  await expect(
    page.getByRole('region', { name: 'For discussion' }).getByRole('link', { name: lonely.label }),
  ).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/argument-view.png', fullPage: true });

  // a passage link goes back to the passage in the reader
  await supported.getByRole('link', { name: evidence1.label }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/face-time#${evidence1.anchor}$`));
});
