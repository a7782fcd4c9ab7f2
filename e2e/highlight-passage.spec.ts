import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { apiJson, signUpViaApi } from './support/session';
import { dragSelect } from './support/select-text';

const P1_END = 'this year.';
const P2_START = 'Historically';

test('[HIGHLIGHT] a reader drags across two paragraphs, tags Claim and Framing, writes a bold note, and it survives a reload', async ({
  page,
}) => {
  await signUpViaApi(page, 'Mouse');
  await page.goto('/documents/face-time');

  await dragSelect(
    page,
    { anchor: 'p-1', text: 'This marks the first' },
    { anchor: 'p-2', text: 'weakest link' },
  );
  const toolbar = page.getByRole('dialog', { name: 'Annotate the selected passage' });
  await expect(toolbar).toBeVisible();
  await expect(toolbar).toContainText('This marks the first');

  await toolbar.getByRole('button', { name: /^Claim/ }).click();
  await toolbar.getByRole('button', { name: /^Framing/ }).click();
  await expect(toolbar.getByRole('button', { name: /^Claim/ })).toHaveAttribute('aria-pressed', 'true');
  const note = toolbar.getByRole('textbox', { name: 'Note' });
  await note.click();
  await note.pressSequentially('Not a restart: ');
  await page.keyboard.press('Control+b');
  await note.pressSequentially('continuity');
  await toolbar.getByRole('button', { name: 'Save' }).click();
  await expect(toolbar).toBeHidden();

  const mark = page.locator('[data-anchor="p-2"] mark.hl', { hasText: 'weakest link' });
  await expect(mark).toHaveAttribute('data-tag1', 'claim');
  await expect(mark).toHaveAttribute('data-tag2', 'framing');
  await expect(page.locator('[data-anchor="p-1"] mark.hl', { hasText: P1_END })).toBeVisible();

  await page.reload();
  const saved = page.locator('[data-anchor="p-2"] mark.hl', { hasText: 'weakest link' });
  await expect(saved).toHaveAttribute('data-tag1', 'claim');
  await expect(saved).toHaveAttribute('data-tag2', 'framing');
  await expect(page.locator('[data-anchor="p-2"] mark.hl').first()).toContainText(P2_START);
  await saved.click();
  const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(popover.locator('strong', { hasText: 'continuity' })).toBeVisible();
  await expect(popover.getByRole('list', { name: 'Tags' })).toContainText('Claim');
  await expect(popover.getByRole('list', { name: 'Tags' })).toContainText('Framing');
});

test('[HIGHLIGHT] the keyboard alone selects, tags, notes and saves a passage', async ({ page }) => {
  await signUpViaApi(page, 'Keys');
  await page.goto('/documents/face-time');

  const paragraph = page.locator('[data-anchor="p-3"]');
  await paragraph.focus();
  await page.keyboard.press('Enter'); // selects "The"
  await page.keyboard.press('Shift+ArrowRight'); // "The assumption"
  await page.keyboard.press('Shift+ArrowRight'); // "The assumption by"
  await page.keyboard.press('Enter');
  const toolbar = page.getByRole('dialog', { name: 'Annotate the selected passage' });
  await expect(toolbar).toContainText('The assumption by');
  await expect(toolbar.getByRole('button', { name: /^Claim/ })).toBeFocused();
  await page.keyboard.press('2'); // Evidence
  await expect(toolbar.getByRole('button', { name: /^Evidence/ })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('textbox', { name: 'Note' }).focus();
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Control+Enter');
  await expect(toolbar).toBeHidden();

  const mark = page.locator('[data-anchor="p-3"] mark.hl');
  await expect(mark).toHaveText('The assumption by');
  await expect(mark).toHaveAttribute('data-tag1', 'evidence');
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Annotation on this passage' })).toContainText(
    'Typed without a mouse',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Annotation on this passage' })).toBeHidden();
});

test('[HIGHLIGHT] a reader edits the tags and note of their annotation, then deletes it', async ({
  page,
}) => {
  await signUpViaApi(page, 'Editor');
  const created = await apiJson(page.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: { start: { block: 'p-4', offset: 0 }, end: { block: 'p-4', offset: 7 }, exact: 'Besides' },
    tags: ['claim'],
  });
  expect(created.status).toBe(201);
  await page.goto('/documents/face-time');

  await page.locator('[data-anchor="p-4"] mark.hl').click();
  const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });
  await popover.getByRole('button', { name: 'Edit' }).click();
  await popover.getByRole('button', { name: /Evidence/ }).click();
  await popover.getByRole('textbox', { name: 'Edit note' }).fill('Second thoughts');
  await popover.getByRole('button', { name: 'Save changes' }).click();
  // The highlight changes at once (optimistic); the editor closes when the server has the edit.
  await expect(popover.getByRole('textbox', { name: 'Edit note' })).toBeHidden();
  await expect(popover.getByText('Second thoughts')).toBeVisible();
  await expect(page.locator('[data-anchor="p-4"] mark.hl')).toHaveAttribute('data-tag2', 'evidence');

  await page.reload();
  await page.locator('[data-anchor="p-4"] mark.hl').click();
  await expect(page.getByRole('dialog', { name: 'Annotation on this passage' })).toContainText(
    'Second thoughts',
  );
  // (The review panel's card has the same actions; this is the popover's.)
  const reopened = page.getByRole('dialog', { name: 'Annotation on this passage' });
  await reopened.getByRole('button', { name: 'Delete' }).click();
  await reopened.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.locator('[data-anchor="p-4"] mark.hl')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('[data-anchor="p-4"] mark.hl')).toHaveCount(0);
});

test('[HIGHLIGHT] a save while the server is unreachable stays visible as unsaved, then saves when it is back', async ({
  page,
}) => {
  await signUpViaApi(page, 'Offline');
  await page.goto('/documents/face-time');
  // The connection drops: every request fails as it would with the server out of reach.
  await page.context().setOffline(true);

  await dragSelect(page, { anchor: 'p-5', text: 'In response' }, { anchor: 'p-5', text: 'visit' });
  const toolbar = page.getByRole('dialog', { name: 'Annotate the selected passage' });
  await toolbar.getByRole('button', { name: /^Claim/ }).click();
  await toolbar.getByRole('textbox', { name: 'Note' }).fill('Written while offline');
  await toolbar.getByRole('button', { name: 'Save' }).click();

  const mark = page.locator('[data-anchor="p-5"] mark.hl-unsaved');
  await expect(mark).toBeVisible();
  await mark.click();
  const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(popover.getByRole('alert')).toContainText('Not saved yet');
  await expect(popover).toContainText('Written while offline');

  // Back online: the browser's "online" event sends it at once, without waiting for the
  // next background retry.
  await page.context().setOffline(false);
  await expect(page.locator('[data-anchor="p-5"] mark.hl')).not.toHaveClass(/hl-unsaved/);
  await page.reload();
  await page.locator('[data-anchor="p-5"] mark.hl').click();
  await expect(page.getByRole('dialog', { name: 'Annotation on this passage' })).toContainText(
    'Written while offline',
  );
});

test('[HIGHLIGHT] the reader page has no serious accessibility violations', async ({ page }) => {
  await signUpViaApi(page, 'Axe');
  await apiJson(page.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: { start: { block: 'p-1', offset: 0 }, end: { block: 'p-1', offset: 9 }, exact: 'On August' },
    tags: ['framing'],
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a date' }] }] },
  });
  await page.goto('/documents/face-time');
  await expect(page.locator('mark.hl').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/reader.png' });
});

test('[HIGHLIGHT] a private annotation is shared with a seminar later, then made private again', async ({
  page,
}) => {
  await signUpViaApi(page, 'Sharer');
  const group = await apiJson(page.request, 'POST', '/api/v1/groups', {
    name: `Sharing seminar ${Date.now()}`,
  });
  expect(group.status).toBe(201);
  await apiJson(page.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: { start: { block: 'p-6', offset: 0 }, end: { block: 'p-6', offset: 5 }, exact: 'Since' },
    tags: ['claim'],
  });
  await page.goto('/documents/face-time');
  await page.locator('[data-anchor="p-6"] mark.hl').click();
  const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(popover.getByRole('article').first()).toContainText('Private');
  await popover.getByRole('button', { name: 'Edit' }).click();
  await popover.getByLabel('Visible to').selectOption({ label: group.json.group.name });
  await popover.getByRole('button', { name: 'Save changes' }).click();
  await expect(popover.getByRole('article').first()).toContainText(group.json.group.name);

  await page.reload();
  await page.locator('[data-anchor="p-6"] mark.hl').click();
  await page
    .getByRole('dialog', { name: 'Annotation on this passage' })
    .getByRole('button', { name: 'Edit' })
    .click();
  await page.getByLabel('Visible to').selectOption({ label: 'Only me (private)' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Annotation on this passage' }).getByRole('article').first(),
  ).toContainText('Private');
});

test('[HIGHLIGHT] after a mouse drag, what shows as selected stays exactly the dragged passage', async ({
  page,
}) => {
  await signUpViaApi(page, 'Dragger');
  // A highlight of the reader's in the same paragraph: the page draws it, then loads the full
  // list in the background; neither may move the selection.
  await apiJson(page.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: { start: { block: 'p-3', offset: 0 }, end: { block: 'p-3', offset: 3 }, exact: 'The' },
    tags: ['claim'],
  });
  await page.goto('/documents/face-time');
  await expect(page.locator('[data-anchor="p-3"] mark.hl')).toHaveText('The');

  await dragSelect(page, { anchor: 'p-3', text: 'assumption by' }, { anchor: 'p-3', text: 'Fiji meeting' });
  const passage = 'assumption by some analysts that the Fiji meeting';
  const toolbar = page.getByRole('dialog', { name: 'Annotate the selected passage' });
  await expect(toolbar).toContainText(passage);
  // The pending highlight is drawn (a CSS highlight over the text) and the list has loaded.
  await expect
    .poll(() => page.evaluate(() => [...(CSS.highlights.get('marginalia-draft') ?? [])].map(String)))
    .toEqual([passage]);
  const panel = page.getByRole('complementary', { name: 'Review annotations' });
  await expect(panel.getByRole('button', { name: /^Show in text/ })).toHaveCount(1);

  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(passage);
  await expect(page.locator('article mark.hl-draft')).toHaveCount(0);
});
