import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { annotateQuote } from './support/annotate';
import { apiJson, signUpReaders } from './support/session';

// Three readers of one seminar tag the same passages of "Face Time"; where they read them
// differently, the facilitator's disagreement view shows each reader's tag and note side by
// side, with the agreement figure and how it is computed; the reader's margin marks how far
// they agree on each paragraph and leads there.

test('[DISAGREE] readers tag the same passage differently; the disagreement view shows both tags', async ({
  browser,
}) => {
  // several readers, annotations and page loads: a busy machine needs more than the default
  test.slow();
  const readers = await signUpReaders(browser, ['Ada Facilitator', 'Ben Reader', 'Cy Reader']);
  const [ada, ben, cy] = readers.pages;
  const created = await apiJson(ada.request, 'POST', '/api/v1/groups', { name: 'Close reading seminar' });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const groupId = created.json.group.id as string;
  for (const page of [ben, cy]) {
    const joined = await apiJson(page.request, 'POST', '/api/v1/groups/join', {
      code: created.json.group.inviteCode,
    });
    expect(joined.status).toBe(200);
  }
  const doc = await apiJson(ada.request, 'GET', '/api/v1/documents/face-time');
  const paras = (doc.json.blocks as { anchor: string; kind: string; text: string }[])
    .filter((b) => b.kind === 'PARAGRAPH')
    .map((b, i) => ({ ...b, label: `¶${i + 1}`, quote: b.text.split(' ').slice(0, 8).join(' ') }));
  const split = paras[2];
  const agreed = paras[3];
  const tag = async (page: typeof ada, p: (typeof paras)[number], tags: string[], note: string) =>
    annotateQuote(page, p.anchor, p.quote, { tags, note, groupId });
  await tag(ada, split, ['claim'], 'The author’s thesis');
  await tag(ben, split, ['evidence'], 'Reads as a reported fact to me');
  await tag(cy, split, ['framing'], 'It frames the analysts as wrong');
  await tag(ada, agreed, ['evidence'], 'A cause');
  await tag(ben, agreed, ['evidence'], 'The Pelosi visit');

  // In the reader's margin, beside the attention bars: how far readers agree on each paragraph
  await ada.goto('/documents/face-time');
  const article = ada.locator('article.article'); // the text, not the review's cards
  const splitMarker = article.getByRole('link', {
    name: `${split.label}: readers agree on 0 of 3 overlapping pairs. Where readers disagree`,
  });
  await expect(splitMarker).toHaveAttribute('data-label', '≠0/3');
  await expect(splitMarker).toHaveAttribute(
    'title',
    `${split.label}: readers agree on 0 of 3 overlapping pairs`,
  );
  await expect(
    article.getByRole('link', {
      name: `${agreed.label}: readers agree on 1 of 1 overlapping pair. Where readers disagree`,
    }),
  ).toHaveAttribute('data-label', '=1/1');
  await expect(article.locator('.agreement-marker')).toHaveCount(2);
  // the markers are generated content: the article's text is still the paragraphs' text
  expect(await article.evaluate((el) => el.textContent)).not.toMatch(/[≠=]\d/);
  const marginAxe = await new AxeBuilder({ page: ada }).include('article').analyze();
  expect(marginAxe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await ada.locator(`section#${split.anchor}`).screenshot({ path: 'docs/screenshots/margin-agreement.png' });

  // On touch phones (390 and 320 px) the margin sits under each paragraph: the marker is on
  // screen, widens nothing, and a tap opens the disagreement view.
  for (const width of [390, 320]) {
    const phone = await browser.newContext({
      viewport: { width, height: 740 },
      hasTouch: true,
      isMobile: true,
      storageState: await ben.context().storageState(),
    });
    const page = await phone.newPage();
    await page.goto('/documents/face-time');
    const marker = page
      .locator('article.article')
      .getByRole('link', { name: new RegExp(`^${split.label}: readers agree on 0 of 3`) });
    await marker.scrollIntoViewIfNeeded();
    const box = await marker.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width, `marker inside ${width} px`).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await marker.tap();
    await expect(page).toHaveURL(/\/documents\/face-time\/disagreement/);
    await phone.close();
  }
  await splitMarker.focus();
  await ada.keyboard.press('Enter');
  await expect(ada).toHaveURL(/\/documents\/face-time\/disagreement$/);
  await ada
    .getByRole('navigation', { name: 'Seminars' })
    .getByRole('link', { name: 'Close reading seminar' })
    .click();
  await expect(ada).toHaveURL(/\/documents\/face-time\/disagreement\?group=/);

  const passages = ada.getByRole('region', { name: 'Passages tagged differently' }).getByRole('listitem');
  await expect(passages).toHaveCount(1);
  const passage = passages.first();
  await expect(passage.getByRole('heading')).toContainText(split.label);
  const rows = passage.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4); // header + three readers
  await expect(rows.filter({ hasText: 'Ada Facilitator' })).toContainText('Claim');
  await expect(rows.filter({ hasText: 'Ben Reader' })).toContainText('Evidence');
  await expect(rows.filter({ hasText: 'Ben Reader' })).toContainText('Reads as a reported fact to me');
  await expect(rows.filter({ hasText: 'Cy Reader' })).toContainText('Framing');

  const figure = ada.getByRole('region', { name: 'Agreement on tags' });
  await expect(figure).toContainText('α =');
  await expect(figure).toContainText('over 2 passages highlighted by at least two of 3 readers');
  await figure.getByText('How this is computed').click();
  await expect(figure).toContainText('Krippendorff’s alpha');

  const results = await new AxeBuilder({ page: ada }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await ada.screenshot({ path: 'docs/screenshots/disagreement-view.png', fullPage: true });
  await readers.close();
});
