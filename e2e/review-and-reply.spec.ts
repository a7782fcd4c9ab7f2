import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/test';
import { apiJson, signUpReaders } from './support/session';

// J5: two readers of one seminar, each in their own browser. What one shares appears on
// the other's page without a reload; a reply travels back the same way.

const EVENTS_URL = /\/api\/v1\/documents\/[^/]+\/events$/;

/** Opens the article and waits until its live stream is connected. */
async function openReader(page: Page) {
  const live = page.waitForResponse((r) => EVENTS_URL.test(new URL(r.url()).pathname) && r.status() === 200);
  await page.goto('/documents/face-time');
  await live;
}

test('[REVIEW] a shared annotation appears live for another member, who replies; the author sees the reply and can hide it', async ({
  browser,
}) => {
  const readers = await signUpReaders(browser, ['Ada Author', 'Ben Reader']);
  const [ada, ben] = readers.pages;

  const created = await apiJson(ada.request, 'POST', '/api/v1/groups', { name: 'Live seminar' });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const joined = await apiJson(ben.request, 'POST', '/api/v1/groups/join', {
    code: created.json.group.inviteCode,
  });
  expect(joined.status, JSON.stringify(joined.json)).toBe(200);

  await openReader(ben);
  await openReader(ada);

  // Ada shares a passage with the seminar (through the API: selecting is another
  // journey's test); her own page and Ben's both show it without a reload.
  const passage = 'Besides the disruption caused by the Covid-19 pandemic';
  const article = await apiJson(ada.request, 'GET', '/api/v1/documents/face-time');
  expect(
    article.json.blocks.find((b: { anchor: string }) => b.anchor === 'p-4').text.startsWith(passage),
  ).toBe(true);
  const shared = await apiJson(ada.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: {
      start: { block: 'p-4', offset: 0 },
      end: { block: 'p-4', offset: passage.length },
      exact: passage,
    },
    tags: ['claim'],
    note: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Is the pandemic really secondary here?' }] },
      ],
    },
    groupId: created.json.group.id,
  });
  expect(shared.status, JSON.stringify(shared.json)).toBe(201);
  const adaMark = ada.locator('[data-anchor="p-4"] mark.hl', { hasText: 'pandemic' });
  await expect(adaMark).toBeVisible();

  // Ben sees it appear without reloading, opens it and replies.
  const benMark = ben.locator('[data-anchor="p-4"] mark.hl', { hasText: 'pandemic' });
  await expect(benMark).toBeVisible();
  await expect(benMark).toHaveAttribute('data-tag1', 'claim');
  await benMark.click();
  const benPopover = ben.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(benPopover).toContainText('Is the pandemic really secondary here?');
  await expect(benPopover).toContainText('Ada Author');

  // Ada keeps the same annotation open while Ben answers.
  await adaMark.click();
  const adaPopover = ada.getByRole('dialog', { name: 'Annotation on this passage' });
  await expect(adaPopover.getByRole('heading', { name: 'Replies' })).toBeVisible();

  const replyBox = benPopover.getByRole('textbox', { name: 'Reply' });
  await benPopover.getByRole('button', { name: 'Send' }).click();
  await expect(benPopover.getByRole('alert')).toContainText('Write a reply first.');
  await replyBox.click();
  await replyBox.pressSequentially('Secondary, but it set the timing.');
  await ben.keyboard.press('Control+Enter');
  const benReply = benPopover.getByRole('article', { name: 'Reply by Ben Reader' });
  await expect(benReply).toContainText('Secondary, but it set the timing.');
  await expect(replyBox).toHaveText('');
  await expect(benPopover.getByRole('alert')).toHaveCount(0);

  const axe = await new AxeBuilder({ page: ben }).include('[role="dialog"]').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Ada sees the reply arrive in her open popover.
  const adaView = adaPopover.getByRole('article', { name: 'Reply by Ben Reader' });
  await expect(adaView).toContainText('Secondary, but it set the timing.');
  await expect(adaPopover.getByRole('heading', { name: 'Replies (1)' })).toBeVisible();

  // As the seminar's facilitator, Ada hides it: Ben, its author, still reads it, marked
  // as hidden; the change reaches him live.
  await adaView.getByRole('button', { name: 'Hide reply' }).click();
  await expect(adaView).toContainText('Hidden by the facilitator (members do not see this reply).');
  await expect(benReply).toContainText('Hidden by the facilitator (members do not see this reply).');
  await expect(benReply).toContainText('Secondary, but it set the timing.');

  // Ben edits his reply; Ada's view follows.
  await benReply.getByRole('button', { name: 'Edit reply' }).click();
  const editBox = benReply.getByRole('textbox', { name: 'Edit reply' });
  await editBox.press('End');
  await editBox.pressSequentially(' And the framing.');
  await benReply.getByRole('button', { name: 'Save reply' }).click();
  await expect(benReply).toContainText('Secondary, but it set the timing. And the framing.');
  await expect(adaView).toContainText('And the framing.');

  await readers.close();
});
