import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { apiJson, signUpReaders } from './support/session';

const article = (title: string) =>
  `${title}\n\nThe first paragraph of this reading, long enough to be read closely.\n\nThe second paragraph carries the argument.`;

test('[READING LIST] a facilitator builds a reading list with a due date; a member sees exactly it; a stranger gets 404', async ({
  browser,
}) => {
  const { pages, close } = await signUpReaders(browser, ['Fay Facilitator', 'Mo Member', 'Nia Stranger']);
  const [fay, mo, nia] = pages;
  const tag = randomUUID().slice(0, 6);
  const titles = [`Harbours ${tag}`, `Lighthouses ${tag}`, `Unlisted draft ${tag}`];
  const imported = [];
  for (const title of titles) {
    const res = await apiJson(fay.request, 'POST', '/api/v1/documents', {
      text: article(title),
      format: 'text',
    });
    expect(res.status).toBe(201);
    imported.push(res.json.document as { id: string; slug: string });
  }
  const group = await apiJson(fay.request, 'POST', '/api/v1/groups', { name: `Seminar ${tag}` });
  expect(group.status).toBe(201);
  const joined = await apiJson(mo.request, 'POST', '/api/v1/groups/join', {
    code: group.json.group.inviteCode,
  });
  expect(joined.status).toBe(200);

  // Fay builds the list on the group page, with the keyboard-friendly controls.
  await fay.goto(`/groups/${group.json.group.id}`);
  const list = fay.getByRole('list', { name: 'Reading list' });
  await fay.getByLabel('Article').selectOption({ label: titles[1] });
  await fay.getByLabel('Due date (optional)').fill('2027-03-01');
  await fay.getByRole('button', { name: 'Add to reading list' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await fay.getByLabel('Article').selectOption({ label: titles[0] });
  await fay.getByRole('button', { name: 'Add to reading list' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await fay.getByRole('button', { name: `Move ${titles[0]} up` }).click();
  await expect(list.getByRole('link')).toHaveText([titles[0], titles[1]]);
  await expect(list.getByRole('listitem').nth(1)).toContainText('due 1 March 2027');

  // Mo sees exactly those two, in Fay's order, with the due date; not Fay's unlisted draft.
  await mo.goto('/library');
  const mosList = mo.getByRole('list', { name: `Seminar ${tag} reading list` });
  await expect(mosList.getByRole('link')).toHaveText([titles[0], titles[1]]);
  await expect(mosList.getByRole('listitem').nth(1)).toContainText('due 1 March 2027');
  await expect(mo.getByRole('link', { name: titles[2] })).toHaveCount(0);
  await mosList.getByRole('link', { name: titles[0] }).click();
  await expect(mo.getByRole('heading', { level: 1, name: titles[0] })).toBeVisible();

  // Nia, in no seminar of Fay's, finds nothing at the article's permalink.
  const response = await nia.goto(`/documents/${imported[0].slug}#p-1`);
  expect(response?.status()).toBe(404);
  await expect(nia.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await nia.goto('/library');
  await expect(nia.getByRole('link', { name: titles[0] })).toHaveCount(0);
  await close();
});
