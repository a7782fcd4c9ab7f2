import { randomUUID } from 'node:crypto';
import { expect, test } from './support/test';
import { apiJson, signUpReaders } from './support/session';
import { dragSelect } from './support/select-text';

// "Reveal after you annotate": a member sees the group's annotations only after posting
// one of their own. A facilitator can then hide a note: other members see that it was
// hidden, its author still reads it.

const ANNOTATIONS_URL = /^\/api\/v1\/documents\/[^/]+\/annotations$/;
const M1_QUOTE = 'Historically, military relations between the two nations';

test('[REVEAL] a member sees the group’s notes only after annotating; a note hidden by the facilitator is withheld from members but not its author', async ({
  browser,
}) => {
  const readers = await signUpReaders(browser, ['Fay Facilitator', 'Mo First', 'Nia Second']);
  const [fay, mo, nia] = readers.pages;

  const groupName = `Reveal seminar ${randomUUID().slice(0, 6)}`;
  const group = await apiJson(fay.request, 'POST', '/api/v1/groups', { name: groupName });
  expect(group.status, JSON.stringify(group.json)).toBe(201);
  const groupId: string = group.json.group.id;
  const patched = await apiJson(fay.request, 'PATCH', `/api/v1/groups/${groupId}`, { revealAfter: 1 });
  expect(patched.status, JSON.stringify(patched.json)).toBe(200);
  expect(patched.json.group.revealAfter).toBe(1);
  for (const member of [mo, nia]) {
    const joined = await apiJson(member.request, 'POST', '/api/v1/groups/join', {
      code: group.json.group.inviteCode,
    });
    expect(joined.status, JSON.stringify(joined.json)).toBe(200);
  }

  // Mo shares a note with the group.
  const moNote = `Ballast or stabilizer? ${randomUUID().slice(0, 6)}`;
  const article = await apiJson(mo.request, 'GET', '/api/v1/documents/face-time');
  expect(
    article.json.blocks.find((b: { anchor: string }) => b.anchor === 'p-2').text.startsWith(M1_QUOTE),
  ).toBe(true);
  const shared = await apiJson(mo.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: {
      start: { block: 'p-2', offset: 0 },
      end: { block: 'p-2', offset: M1_QUOTE.length },
      exact: M1_QUOTE,
    },
    tags: ['framing'],
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: moNote }] }] },
    groupId,
  });
  expect(shared.status, JSON.stringify(shared.json)).toBe(201);
  const moId: string = shared.json.annotation.id;
  const moMark = (page: typeof nia) => page.locator(`mark.hl[data-ids~="${moId}"]`);

  // Nia has not annotated yet: Mo's note is held back, in the text, the panel and the API.
  await nia.goto('/documents/face-time');
  const panel = nia.getByRole('complementary', { name: 'Review annotations' });
  await expect(panel.getByText('No annotations yet.')).toBeVisible();
  await expect(moMark(nia)).toHaveCount(0);
  await expect(nia.getByText(moNote)).toHaveCount(0);
  expect((await apiJson(nia.request, 'GET', `/api/v1/annotations/${moId}`)).status).toBe(404);

  // Nia annotates through the toolbar and shares with the group.
  await dragSelect(nia, { anchor: 'p-3', text: 'The assumption' }, { anchor: 'p-3', text: 'some analysts' });
  const toolbar = nia.getByRole('dialog', { name: 'Annotate the selected passage' });
  await expect(toolbar).toContainText('The assumption by some analysts');
  await toolbar.getByRole('button', { name: /^Claim/ }).click();
  await toolbar.getByRole('textbox', { name: 'Note' }).fill('My first reading');
  await toolbar.getByRole('combobox', { name: /^Visible to/ }).selectOption({ label: groupName });
  const saved = nia.waitForResponse(
    (r) => r.request().method() === 'POST' && ANNOTATIONS_URL.test(new URL(r.url()).pathname),
  );
  await toolbar.getByRole('button', { name: 'Save' }).click();
  expect((await saved).status()).toBe(201);
  await expect(toolbar).toBeHidden();

  await nia.reload();
  await expect(panel.getByText('2 annotations', { exact: true })).toBeVisible();
  await expect(moMark(nia)).toHaveText(M1_QUOTE);
  await expect(moMark(nia)).toHaveAttribute('title', /1 annotation by Mo First/);
  const moCard = panel.getByRole('listitem').filter({ hasText: moNote });
  await expect(moCard).toContainText('Mo First');
  await expect(moCard).toContainText(groupName);

  // Fay hides Mo's note.
  const hidden = await apiJson(fay.request, 'POST', `/api/v1/annotations/${moId}/hide`, { hidden: true });
  expect(hidden.status, JSON.stringify(hidden.json)).toBe(200);
  expect(hidden.json.annotation.hidden).toBe(true);

  // Nia still sees the highlight and who made it, but not the note.
  await nia.reload();
  await expect(panel.getByText('2 annotations', { exact: true })).toBeVisible();
  await expect(nia.getByText(moNote)).toHaveCount(0);
  const hiddenCard = panel.getByRole('listitem').filter({ hasText: M1_QUOTE });
  await expect(hiddenCard).toContainText('Mo First');
  await expect(hiddenCard).toContainText('Hidden by the facilitator.');
  await moMark(nia).click();
  const niaPopover = nia.getByRole('dialog', { name: 'Annotation on this passage' });
  const niaView = niaPopover.getByRole('article', { name: 'Annotation by Mo First' });
  await expect(niaView).toContainText('Hidden by the facilitator.');
  await expect(niaView).not.toContainText(moNote);

  // Mo, its author, still reads it, and is told it is hidden.
  await mo.goto('/documents/face-time');
  await moMark(mo).click();
  const moView = mo
    .getByRole('dialog', { name: 'Annotation on this passage' })
    .getByRole('article', { name: 'Annotation by Mo First' });
  await expect(moView).toContainText(moNote);
  await expect(moView).toContainText('Hidden by the facilitator (members do not see this note).');

  await readers.close();
});
