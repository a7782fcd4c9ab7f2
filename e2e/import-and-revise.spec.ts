import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { apiJson, signUpViaApi } from './support/session';

const SAMPLE = readFileSync(new URL('../lib/articles/fixtures/face-time.txt', import.meta.url), 'utf8');

test('[IMPORT] a reader pastes an article, corrects the preview and reads it', async ({ page }) => {
  await signUpViaApi(page, 'Importer');
  await page.goto('/library');
  await page.getByRole('link', { name: 'Import an article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import an article' })).toBeVisible();

  const tag = randomUUID().slice(0, 6);
  const article = [
    `# Harbour Notes ${tag}`,
    'Menu · Home · Sport · Weather',
    'The first boats leave before dawn, when the water is still flat and grey.',
    '## The Return',
    'By evening the harbour fills again, and the talk is all of prices.',
    'Photo: the harbour at dusk, seen from the lighthouse.',
  ].join('\n\n');
  await page.getByLabel('Article text').fill(article);
  await expect(page.getByLabel('Format')).toContainText('looks like Markdown');
  await page.getByRole('button', { name: 'Preview' }).click();

  await expect(page.getByRole('heading', { name: 'Check the article before saving' })).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue(`Harbour Notes ${tag}`);
  await page.getByLabel('Title').fill(`Harbour Notes ${tag}, Annotated`);
  await page.getByRole('combobox', { name: /Kind of block \d+: Menu/ }).selectOption({ label: 'Leave out' });
  await page.getByRole('combobox', { name: /Kind of block \d+: Photo:/ }).selectOption({ label: 'Caption' });
  await page.getByRole('button', { name: 'Save article' }).click();

  await expect(page).toHaveURL(new RegExp(`/documents/harbour-notes-${tag}-annotated$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `Harbour Notes ${tag}, Annotated` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'The Return' })).toBeVisible();
  await expect(page.getByText('The first boats leave before dawn')).toBeVisible();
  await expect(page.locator('[data-anchor="c-1"]')).toHaveText(
    'Photo: the harbour at dusk, seen from the lighthouse.',
  );
  await expect(page.getByText('Menu · Home')).toHaveCount(0);
});

test('[IMPORT] a reader uploads a revised version and sees what became of the annotations', async ({
  page,
}) => {
  await signUpViaApi(page, 'Reviser');
  // A copy of the sample article of the reader's own: the shared sample stays as the other specs expect it.
  const title = `Military Exchanges ${randomUUID().slice(0, 6)}`;
  const imported = await apiJson(page.request, 'POST', '/api/v1/documents', {
    text: SAMPLE,
    format: 'text',
    title,
  });
  expect(imported.status).toBe(201);
  const slug: string = imported.json.document.slug;
  const doc = await apiJson(page.request, 'GET', `/api/v1/documents/${slug}`);
  const blocks: { anchor: string; text: string }[] = doc.json.blocks;
  const annotate = async (anchor: string, quote: string) => {
    const offset = blocks.find((b) => b.anchor === anchor)!.text.indexOf(quote);
    const res = await apiJson(page.request, 'POST', `/api/v1/documents/${slug}/annotations`, {
      target: {
        start: { block: anchor, offset },
        end: { block: anchor, offset: offset + quote.length },
        exact: quote,
      },
      tags: ['claim'],
    });
    expect(res.status).toBe(201);
  };
  await annotate('p-1', 'senior military leaders of China and the US');
  await annotate('p-5', 'the cancelation of several key military engagements');
  await annotate('p-4', 'a direct cause of this prolonged downturn');

  const p4 = blocks.find((b) => b.anchor === 'p-4')!.text;
  const revised = SAMPLE.replace('the cancelation of', 'the cancellation of').replace(`${p4}  \n\n`, '');
  expect(revised).not.toContain(p4);

  await page.goto(`/documents/${slug}/revise`);
  await expect(page.getByRole('heading', { level: 1, name: 'Upload a revised version' })).toBeVisible();
  const file = page.getByLabel('Or upload a file');

  await file.setInputFiles({
    name: 'photo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'photo.txt is not a text file (it looks like a PNG image).' }),
  ).toBeVisible();

  await file.setInputFiles({
    name: 'face-time-v2.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(revised),
  });
  await expect(page.getByText('Loaded from face-time-v2.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Upload revised version' }).click();

  const summary = page.getByRole('status');
  await expect(summary.getByRole('heading', { name: 'Version 2 is now current' })).toBeVisible();
  await expect(summary).toContainText('1 annotation stayed in place');
  await expect(summary).toContainText('1 annotation moved with its text');
  await expect(summary).toContainText('1 annotation orphaned');
  await expect(page.getByRole('link', { name: 'Version 1' })).toHaveAttribute(
    'href',
    `/documents/${slug}?version=1`,
  );

  await file.setInputFiles({
    name: 'face-time-v2.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(revised),
  });
  await page.getByRole('button', { name: 'Upload revised version' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'This version is identical to the current one.' }),
  ).toBeVisible();

  const after = await apiJson(page.request, 'GET', `/api/v1/documents/${slug}`);
  expect(after.json.document).toMatchObject({ title, currentVersion: 2 });

  const orphans = await apiJson(page.request, 'GET', `/api/v1/documents/${slug}/annotations?status=orphaned`);
  expect(orphans.json.annotations.map((a: { target: { exact: string } }) => a.target.exact)).toEqual([
    'a direct cause of this prolonged downturn',
  ]);
});
