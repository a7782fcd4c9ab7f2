import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { annotateQuote } from './support/annotate';
import { apiJson, signUpReaders } from './support/session';

// Two readers of one seminar read "Face Time" at once. When one links her evidence to her
// claim, the other sees it arrive without reloading: the claim's card counts the link, and
// the argument view he has open shows the claim supported. Unlinking takes it away again.

test('[LIVE-LINK] a link made by one reader arrives on the other reader’s cards and argument view', async ({
  browser,
}) => {
  test.slow(); // two readers, three pages and a live stream on a busy machine
  const readers = await signUpReaders(browser, ['Ada Linker', 'Ben Watcher']);
  const [ada, ben] = readers.pages;
  const created = await apiJson(ada.request, 'POST', '/api/v1/groups', { name: 'Live seminar' });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const groupId = created.json.group.id as string;
  const joined = await apiJson(ben.request, 'POST', '/api/v1/groups/join', {
    code: created.json.group.inviteCode,
  });
  expect(joined.status).toBe(200);
  const doc = await apiJson(ada.request, 'GET', '/api/v1/documents/face-time');
  const paras = (doc.json.blocks as { anchor: string; kind: string; text: string }[])
    .filter((b) => b.kind === 'PARAGRAPH')
    .map((b, i) => ({ ...b, label: `¶${i + 1}`, quote: b.text.split(' ').slice(0, 7).join(' ') }));
  const [claim, evidence] = [paras[2], paras[4]];
  const claimId = await annotateQuote(ada, claim.anchor, claim.quote, {
    tags: ['claim'],
    note: 'The thesis',
    groupId,
  });
  const evidenceId = await annotateQuote(ada, evidence.anchor, evidence.quote, {
    tags: ['evidence'],
    note: 'What happened',
    groupId,
  });

  await ben.goto('/documents/face-time');
  const panel = ben.getByRole('complementary', { name: 'Review annotations' });
  const claimCard = panel.getByRole('article', { name: 'Annotation by Ada Linker' }).filter({
    hasText: claim.quote,
  });
  await expect(claimCard.getByRole('button', { name: 'Link to…' })).toBeVisible();
  await expect(claimCard.getByText(/\d+ links?$/)).toHaveCount(0);

  const argument = await ben.context().newPage();
  await argument.goto('/documents/face-time/argument');
  const claimEntry = argument.locator('.argument-claim').filter({ hasText: claim.quote });
  await expect(claimEntry.getByRole('heading', { name: `Claim ${claim.label}` })).toBeVisible();
  await expect(claimEntry.getByRole('heading', { name: 'Supported by' })).toHaveCount(0);

  // Ada links her evidence to her claim, in her own browser
  const linked = await apiJson(ada.request, 'POST', '/api/v1/documents/face-time/links', {
    fromId: evidenceId,
    toId: claimId,
    relation: 'supports',
    note: 'The visit came first',
    groupId,
  });
  expect(linked.status, JSON.stringify(linked.json)).toBe(201);

  await expect(claimCard.getByText('1 link', { exact: true })).toBeVisible();
  const evidenceCard = panel.getByRole('article', { name: 'Annotation by Ada Linker' }).filter({
    hasText: evidence.quote,
  });
  await expect(evidenceCard.getByText('1 link', { exact: true })).toBeVisible();
  const supported = claimEntry.locator('.argument-role').filter({ hasText: 'Supported by' });
  await expect(supported.getByRole('link', { name: evidence.label })).toBeVisible();
  await expect(supported).toContainText('The visit came first');
  await expect(argument.getByRole('status').filter({ hasText: 'The argument was updated.' })).toHaveCount(1);
  const results = await new AxeBuilder({ page: ben }).include('.review-panel, article').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // and unlinks it: gone from both, still without a reload
  expect((await apiJson(ada.request, 'DELETE', `/api/v1/links/${linked.json.link.id}`)).status).toBe(204);
  await expect(claimCard.getByText(/\d+ links?$/)).toHaveCount(0);
  await expect(evidenceCard.getByText(/\d+ links?$/)).toHaveCount(0);
  await expect(claimEntry.getByRole('heading', { name: 'Supported by' })).toHaveCount(0);
  await readers.close();
});
