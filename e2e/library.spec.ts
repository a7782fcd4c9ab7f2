import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { apiJson, signUpViaApi } from './support/session';

test('[LIBRARY] an owner finds an article by title, archives and restores it, and deletes it after a confirmation naming what goes', async ({
  page,
}) => {
  await signUpViaApi(page, 'Owen Owner');
  const tag = randomUUID().slice(0, 6);
  const title = `Tide tables ${tag}`;
  const text = `${title}\n\nThe first paragraph about the tides, long enough to read closely.\n\nThe second one.`;
  const doc = (await apiJson(page.request, 'POST', '/api/v1/documents', { text, format: 'text' })).json
    .document;
  const block = 'p-1';
  const exact = 'The first paragraph';
  const created = await apiJson(page.request, 'POST', `/api/v1/documents/${doc.slug}/annotations`, {
    target: { start: { block, offset: 0 }, end: { block, offset: exact.length }, exact },
    tags: ['claim'],
  });
  expect(created.status).toBe(201);

  await page.goto('/library');
  await page.getByRole('searchbox', { name: 'Search titles' }).fill(`tide TABLES ${tag}`);
  await page.getByRole('button', { name: 'Search' }).click();
  const mine = page.getByRole('list', { name: 'My articles' });
  await expect(mine.getByRole('link')).toHaveText([title]);

  const patched = () =>
    page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/v1/documents/${doc.id}`),
    );
  await Promise.all([patched(), mine.getByRole('button', { name: `Archive ${title}` }).click()]);
  await expect(mine.getByText('Archived', { exact: true })).toBeVisible();
  await Promise.all([patched(), mine.getByRole('button', { name: `Restore ${title}` }).click()]);
  await expect(mine.getByRole('button', { name: `Archive ${title}` })).toBeVisible();
  await expect(mine.getByText('Archived', { exact: true })).toHaveCount(0);

  await mine.getByRole('button', { name: 'Delete' }).click();
  const question = mine.getByRole('group', { name: /^Delete “Tide tables/ });
  await expect(question).toContainText('Your 1 annotation on it will be deleted too.');
  await question.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByText('None of your articles matches.')).toBeVisible();
  expect((await page.goto(`/documents/${doc.slug}`))?.status()).toBe(404);
});
