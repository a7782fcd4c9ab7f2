import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { annotateQuote } from './support/annotate';
import { expectFitsWidth, isPhone, touchPhone } from './support/layout';
import { apiJson, signUpReaders, signUpViaApi } from './support/session';

// Two readers of one seminar read "Face Time" at once. When one links her evidence to her
// claim, the other sees it arrive without reloading: the claim's card counts the link, and
// the argument view he has open shows the claim supported. Unlinking takes it away again.

/** Two readers of one seminar: the author (a context of her own) has annotated a claim (¶3)
 * and its evidence (¶5); the watcher is the test's own page, with the test's device. */
async function seminarWithClaimAndEvidence(browser: Browser, author: string, ben: Page, watcher: string) {
  const readers = await signUpReaders(browser, [author]);
  const [ada] = readers.pages;
  await signUpViaApi(ben, watcher);
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
  const link = () =>
    apiJson(ada.request, 'POST', '/api/v1/documents/face-time/links', {
      fromId: evidenceId,
      toId: claimId,
      relation: 'supports',
      note: 'The visit came first',
      groupId,
    });
  return { readers, ada, claim, evidence, link };
}

test('[LIVE-LINK] a link made by one reader arrives on the other reader’s cards and argument view', async ({
  browser,
  page: ben,
}) => {
  test.slow(); // two readers, three pages and a live stream on a busy machine
  const { readers, ada, claim, evidence, link } = await seminarWithClaimAndEvidence(
    browser,
    'Ada Linker',
    ben,
    'Ben Watcher',
  );
  // Each of Ben's pages is live once its event stream answers (the server has subscribed it).
  const readerLive = ben.waitForResponse((r) => r.url().endsWith('/events'));
  await ben.goto('/documents/face-time');
  const panel = ben.getByRole('complementary', { name: 'Review annotations' });
  const claimCard = panel.getByRole('article', { name: 'Annotation by Ada Linker' }).filter({
    hasText: claim.quote,
  });
  await expect(claimCard.getByRole('button', { name: 'Link to…' })).toBeVisible();
  await expect(claimCard.getByText(/\d+ links?$/)).toHaveCount(0);

  const argument = await ben.context().newPage();
  const argumentLive = argument.waitForResponse((r) => r.url().endsWith('/events'));
  await argument.goto('/documents/face-time/argument');
  const claimEntry = argument.locator('.argument-claim').filter({ hasText: claim.quote });
  await expect(claimEntry.getByRole('heading', { name: `Claim ${claim.label}` })).toBeVisible();
  await expect(claimEntry.getByRole('heading', { name: 'Supported by' })).toHaveCount(0);

  await Promise.all([readerLive, argumentLive]);

  // Ada links her evidence to her claim, in her own browser
  const linked = await link();
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

/** Dan opens the argument view; Cleo's link lands before its stream has subscribed. */
async function expectArgumentCatchesUp(browser: Browser, dan: Page) {
  const {
    readers,
    ada: cleo,
    claim,
    evidence,
    link,
  } = await seminarWithClaimAndEvidence(browser, 'Cleo Linker', dan, 'Dan Opener');
  // Cleo watches her own argument view, live: once it says it was updated, the server has
  // handed the link's event to every stream subscribed by then.
  const witness = await cleo.context().newPage();
  const witnessLive = witness.waitForResponse((r) => r.url().endsWith('/events'));
  await witness.goto('/documents/face-time/argument');
  await witnessLive;
  const argument = await dan.context().newPage();
  // The page's event stream is held until the link exists: the link lands between the page's
  // server render and its subscription, where no event can reach it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await argument.route(/\/events$/, async (route) => {
    await held;
    await route.continue();
  });
  await argument.goto('/documents/face-time/argument');
  const claimEntry = argument.locator('.argument-claim').filter({ hasText: claim.quote });
  await expect(claimEntry.getByRole('heading', { name: `Claim ${claim.label}` })).toBeVisible();
  await expect(claimEntry.getByRole('heading', { name: 'Supported by' })).toHaveCount(0);

  const linked = await link();
  expect(linked.status, JSON.stringify(linked.json)).toBe(201);
  await expect(witness.getByRole('status').filter({ hasText: 'The argument was updated.' })).toHaveCount(1);
  release();

  const supported = claimEntry.locator('.argument-role').filter({ hasText: 'Supported by' });
  await expect(supported.getByRole('link', { name: evidence.label })).toBeVisible();
  await expect(supported).toContainText('The visit came first');
  // caught up quietly: nothing changed while the reader was watching
  await expect(argument.getByRole('status').filter({ hasText: 'The argument was updated.' })).toHaveCount(0);
  if (isPhone(argument)) await expectFitsWidth(argument, 'argument view, caught up');
  await readers.close();
}

test('[LIVE-LINK] a link made while the argument view is still connecting shows once it is live', async ({
  browser,
  page,
}) => {
  test.slow();
  await expectArgumentCatchesUp(browser, page);
});

for (const width of [390, 320]) {
  test.describe(`on a ${width} px touch phone`, () => {
    test.use(touchPhone(width));

    test(`[LIVE-LINK] at ${width} px the argument view catches up with a link made while it connected`, async ({
      browser,
      page,
    }) => {
      test.slow();
      await expectArgumentCatchesUp(browser, page);
    });
  });
}
