import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { annotateQuote } from './support/annotate';
import { apiJson, signUpReaders } from './support/session';

// A seminar's reading in the review panel: tags, whose, shared-with and full-text search
// narrow the list and the highlights together; "Show in text" takes the reader there.

test('[REVIEW] tag, whose, shared-with and search filters narrow the review list; "Show in text" focuses the highlight', async ({
  browser,
}) => {
  const readers = await signUpReaders(browser, ['Ada Filter', 'Ben Filter']);
  const [ada, ben] = readers.pages;

  const groupName = `Filter seminar ${randomUUID().slice(0, 6)}`;
  const group = await apiJson(ada.request, 'POST', '/api/v1/groups', { name: groupName });
  expect(group.status, JSON.stringify(group.json)).toBe(201);
  const groupId: string = group.json.group.id;
  const joined = await apiJson(ben.request, 'POST', '/api/v1/groups/join', {
    code: group.json.group.inviteCode,
  });
  expect(joined.status, JSON.stringify(joined.json)).toBe(200);

  // None of the quotes contains "military": only Ada's shared note says it.
  const uid = randomUUID().slice(0, 6);
  const notes = {
    adaShared: `A military reading of a routine meeting ${uid}`,
    adaPrivate: `Keep this for the essay ${uid}`,
    benFraming: `Who speaks for whom ${uid}`,
    benEvidence: `Sanctions as the real obstacle ${uid}`,
  };
  await annotateQuote(ada, 'p-3', 'The assumption by some analysts', {
    tags: ['claim'],
    note: notes.adaShared,
    groupId,
  });
  await annotateQuote(ada, 'p-6', 'Since the Biden administration took office', {
    tags: ['evidence'],
    note: notes.adaPrivate,
    groupId: null,
  });
  const benFramingId = await annotateQuote(ben, 'p-1', 'Senior Colonel Wu Qian', {
    tags: ['framing'],
    note: notes.benFraming,
    groupId,
  });
  const benEvidenceId = await annotateQuote(ben, 'p-5', 'unilateral sanctions imposed by the US', {
    tags: ['evidence'],
    note: notes.benEvidence,
    groupId,
  });

  await ada.goto('/documents/face-time');
  const panel = ada.getByRole('complementary', { name: 'Review annotations' });
  const list = panel.getByRole('tabpanel', { name: 'Annotations' });
  const cards = list.getByRole('button', { name: /^Show in text/ });
  const card = (note: string) => list.getByRole('listitem').filter({ hasText: note });
  const expectListed = async (...shown: string[]) => {
    await expect(cards).toHaveCount(shown.length);
    for (const note of shown) await expect(card(note)).toBeVisible();
  };

  // Ada sees her own two and Ben's two shared ones; nobody else's.
  await expect(panel.getByText('4 annotations', { exact: true })).toBeVisible();
  await expect(panel.getByRole('tab', { name: 'Annotations 4' })).toHaveAttribute('aria-selected', 'true');
  await expectListed(notes.adaShared, notes.adaPrivate, notes.benFraming, notes.benEvidence);
  await expect(card(notes.benFraming)).toContainText('Ben Filter');
  await expect(card(notes.benFraming)).toContainText(groupName);
  await expect(card(notes.adaPrivate)).toContainText('Private');

  // Tags: any of the pressed ones.
  const evidence = panel.getByRole('button', { name: 'Evidence', exact: true });
  const framing = panel.getByRole('button', { name: 'Framing', exact: true });
  await evidence.click();
  await expect(evidence).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByText('2 of 4 annotations match')).toBeVisible();
  await expectListed(notes.adaPrivate, notes.benEvidence);
  // The highlights follow the filter.
  await expect(ada.locator(`mark.hl[data-ids~="${benFramingId}"]`)).toHaveCount(0);
  await framing.click();
  await expect(panel.getByText('3 of 4 annotations match')).toBeVisible();
  await expectListed(notes.adaPrivate, notes.benEvidence, notes.benFraming);
  await expect(ada.locator(`mark.hl[data-ids~="${benFramingId}"]`)).toBeVisible();
  await evidence.click();
  await framing.click();
  await expect(evidence).toHaveAttribute('aria-pressed', 'false');
  await expect(panel.getByText('4 annotations', { exact: true })).toBeVisible();

  // Whose
  const whose = panel.getByRole('combobox', { name: /^Whose/ });
  await whose.selectOption({ label: 'Others’' });
  await expect(panel.getByText('2 of 4 annotations match')).toBeVisible();
  await expectListed(notes.benFraming, notes.benEvidence);
  await whose.selectOption({ label: 'Mine' });
  await expect(panel.getByText('2 of 4 annotations match')).toBeVisible();
  await expectListed(notes.adaShared, notes.adaPrivate);
  // The "Only mine" box above the article is the same filter.
  await expect(
    ada.getByRole('region', { name: 'Highlights' }).getByRole('checkbox', { name: 'Only mine' }),
  ).toBeChecked();

  // Shared with, combined with Whose
  const sharedWith = panel.getByRole('combobox', { name: /^Shared with/ });
  await sharedWith.selectOption({ label: groupName });
  await expect(panel.getByText('1 of 4 annotations match')).toBeVisible();
  await expectListed(notes.adaShared);
  await whose.selectOption({ label: 'Everyone' });
  await expect(panel.getByText('3 of 4 annotations match')).toBeVisible();
  await expectListed(notes.adaShared, notes.benFraming, notes.benEvidence);
  await sharedWith.selectOption({ label: 'Private' });
  await expect(panel.getByText('1 of 4 annotations match')).toBeVisible();
  await expectListed(notes.adaPrivate);

  // Search runs in PostgreSQL with English stemming: "militaries" finds "military".
  await sharedWith.selectOption({ label: groupName });
  const search = panel.getByRole('searchbox', { name: 'Search quotes and notes' });
  await search.fill('militaries');
  await expect(panel.getByText('1 of 4 annotations match')).toBeVisible();
  await expectListed(notes.adaShared);
  // …and quotes as well as notes.
  await search.fill('Colonel');
  await expect(panel.getByText('1 of 4 annotations match')).toBeVisible();
  await expectListed(notes.benFraming);
  await search.fill('obstacles');
  await expect(panel.getByText('1 of 4 annotations match')).toBeVisible();
  await expectListed(notes.benEvidence);

  // Show in text: the article scrolls to the highlight and focuses it.
  await ada.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
  const mark = ada.locator(`mark.hl[data-ids~="${benEvidenceId}"]`);
  await expect(mark).not.toBeInViewport();
  await card(notes.benEvidence)
    .getByRole('button', { name: 'Show in text: unilateral sanctions imposed by the US' })
    .click();
  await expect(mark).toBeFocused();
  await expect(mark).toBeInViewport();
  await expect(mark).toHaveText('unilateral sanctions imposed by the US');

  // Clearing the filters brings everything back.
  await search.fill('');
  await sharedWith.selectOption({ label: 'Any' });
  await expect(panel.getByText('4 annotations', { exact: true })).toBeVisible();
  await expect(cards).toHaveCount(4);

  await readers.close();
});
