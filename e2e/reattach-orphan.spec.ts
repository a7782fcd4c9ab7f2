import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { apiJson, signUpViaApi } from './support/session';
import { dragSelect } from './support/select-text';

// A revision removes the paragraph an annotation was on: the annotation waits in the
// Orphans tab until its reader selects new text for it.

const SAMPLE = readFileSync(new URL('../lib/articles/fixtures/face-time.txt', import.meta.url), 'utf8');
const LOST_QUOTE = 'a direct cause of this prolonged downturn';

test('[REATTACH] an annotation orphaned by a revision is re-attached to a new selection and stays there', async ({
  page,
}) => {
  await signUpViaApi(page, 'Ria Reattach');

  // The reader's own copy of the sample: the shared one is never revised.
  const title = `Face Time Reattach ${randomUUID().slice(0, 6)}`;
  const imported = await apiJson(page.request, 'POST', '/api/v1/documents', {
    text: SAMPLE,
    format: 'text',
    title,
  });
  expect(imported.status, JSON.stringify(imported.json)).toBe(201);
  const slug: string = imported.json.document.slug;
  const v1 = await apiJson(page.request, 'GET', `/api/v1/documents/${slug}`);
  const p4: string = v1.json.blocks.find((b: { anchor: string }) => b.anchor === 'p-4').text;
  const offset = p4.indexOf(LOST_QUOTE);
  expect(offset).toBeGreaterThan(0);
  const note = `Pelosi's visit as the cause ${randomUUID().slice(0, 6)}`;
  const created = await apiJson(page.request, 'POST', `/api/v1/documents/${slug}/annotations`, {
    target: {
      start: { block: 'p-4', offset },
      end: { block: 'p-4', offset: offset + LOST_QUOTE.length },
      exact: LOST_QUOTE,
    },
    tags: ['claim'],
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const id: string = created.json.annotation.id;

  const revised = SAMPLE.replace(`${p4}  \n\n`, '');
  expect(revised).not.toContain(p4);
  const revision = await apiJson(page.request, 'POST', `/api/v1/documents/${slug}/versions`, {
    text: revised,
    format: 'text',
  });
  expect(revision.status, JSON.stringify(revision.json)).toBe(201);
  expect(revision.json.summary).toMatchObject({ orphaned: 1 });

  // Where the new passage is in version 2.
  const v2 = await apiJson(page.request, 'GET', `/api/v1/documents/${slug}`);
  const target = v2.json.blocks.find((b: { text: string }) =>
    b.text.startsWith('In response to Pelosi’s visit'),
  );
  expect(target).toBeTruthy();
  const anchor: string = target.anchor;

  await page.goto(`/documents/${slug}`);
  const panel = page.getByRole('complementary', { name: 'Review annotations' });
  await expect(panel.getByRole('tab', { name: 'Annotations 0' })).toBeVisible();
  await expect(page.locator('mark.hl')).toHaveCount(0);
  const orphansTab = panel.getByRole('tab', { name: 'Orphans 1' });
  await orphansTab.click();
  await expect(orphansTab).toHaveAttribute('aria-selected', 'true');
  await expect(
    panel.getByText('1 annotation lost their text in a revision.', { exact: false }),
  ).toBeVisible();
  const orphans = panel.getByRole('tabpanel', { name: 'Orphans' });
  await expect(orphans).toContainText(LOST_QUOTE);
  await expect(orphans).toContainText(note);

  await orphans.getByRole('button', { name: 'Re-attach to selection' }).click();
  const bar = page.getByRole('region', { name: 'Re-attach an orphaned annotation' });
  await expect(bar).toContainText(`Re-attaching “${LOST_QUOTE}”`);
  await expect(bar).toContainText('Select the new passage in the article.');
  await expect(bar.getByRole('button', { name: 'Re-attach here' })).toBeDisabled();

  await dragSelect(page, { anchor, text: 'the cancelation of' }, { anchor, text: 'military engagements' });
  await expect(bar).toContainText('New passage: “the cancelation of several key military engagements”');
  // While re-attaching, a selection is not a new annotation.
  await expect(page.getByRole('dialog', { name: 'Annotate the selected passage' })).toHaveCount(0);
  await bar.getByRole('button', { name: 'Re-attach here' }).click();

  await expect(bar).toBeHidden();
  const mark = page.locator(`[data-anchor="${anchor}"] mark.hl[data-ids~="${id}"]`);
  await expect(mark).toHaveText('the cancelation of several key military engagements');
  await expect(mark).toHaveAttribute('data-tag1', 'claim');
  // With no orphans left, their tab goes away and the annotations show again.
  await expect(panel.getByRole('tab', { name: /Orphans/ })).toHaveCount(0);
  await expect(panel.getByRole('tab', { name: 'Annotations 1' })).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  await expect(panel.getByRole('tab', { name: /Orphans/ })).toHaveCount(0);
  await expect(panel.getByRole('tab', { name: 'Annotations 1' })).toBeVisible();
  const saved = page.locator(`[data-anchor="${anchor}"] mark.hl[data-ids~="${id}"]`);
  await expect(saved).toHaveText('the cancelation of several key military engagements');
  await saved.click();
  const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(popover).toContainText(note);
  await expect(popover.getByRole('blockquote')).toHaveText(
    'the cancelation of several key military engagements',
  );

  const orphaned = await apiJson(
    page.request,
    'GET',
    `/api/v1/documents/${slug}/annotations?status=orphaned`,
  );
  expect(orphaned.json.annotations).toEqual([]);
});
