import { readFileSync } from 'node:fs';
import { annotateQuote } from './support/annotate';
import {
  expectFitsWidth,
  expectNoSeriousA11yIssues,
  newDeviceContext,
  openReviewPanel,
} from './support/layout';
import { apiJson, signUpViaApi } from './support/session';
import { expect, test, type Page } from './support/test';

// The seminar's daily loop, by two readers on the same device (desktop, and the "phone"
// project): join, highlight, share, review, reply, export. Covers issue items 3 (the
// visibility is the seminar the reader came from), 5 (threads in the review panel),
// 6 (document order, arrivals marked) and 7 (focus back on the passage after Ctrl+Enter).

const EVENTS_URL = /\/api\/v1\/documents\/[^/]+\/events$/;

async function waitForLive(page: Page, open: () => Promise<unknown>) {
  const live = page.waitForResponse((r) => EVENTS_URL.test(new URL(r.url()).pathname) && r.status() === 200);
  await open();
  await live;
}

test(
  '[LOOP] two readers of a seminar join, highlight, share, review, reply and export',
  { tag: '@phone' },
  async ({ browser }, testInfo) => {
    // A whole seminar session with two browsers and several axe runs.
    test.setTimeout(240_000);
    const contexts = await Promise.all([
      newDeviceContext(browser, testInfo),
      newDeviceContext(browser, testInfo),
    ]);
    const [ada, ben] = await Promise.all(contexts.map((c) => c.newPage()));
    const shot = (name: string) => `docs/screenshots/${testInfo.project.name}-${name}.png`;
    try {
      await signUpViaApi(ada, 'Ada Facilitator');
      await signUpViaApi(ben, 'Ben Student');
      const created = await apiJson(ada.request, 'POST', '/api/v1/groups', { name: 'Tuesday seminar' });
      expect(created.status).toBe(201);
      const group = created.json.group as { id: string; inviteCode: string };
      const listed = await apiJson(ada.request, 'POST', `/api/v1/groups/${group.id}/readings`, {
        documentId: 'face-time',
      });
      expect(listed.status, JSON.stringify(listed.json)).toBe(201);
      await annotateQuote(ada, 'p-2', 'Historically, military relations', {
        tags: ['claim'],
        note: 'The baseline before 2022.',
        groupId: group.id,
      });
      await annotateQuote(ada, 'p-20', 'However, we must be aware', {
        tags: ['framing'],
        note: 'The author hedges here.',
        groupId: group.id,
      });
      await waitForLive(ada, () => ada.goto(`/documents/face-time?group=${group.id}`));

      // Join through the invite link, then open the reading from the seminar's page.
      await ben.goto(`/join/${group.inviteCode}`);
      await ben.getByRole('button', { name: 'Join group' }).click();
      await expect(ben.getByRole('heading', { name: 'Tuesday seminar', level: 1 })).toBeVisible();
      // The join page's <title> gives way to the group page's, streamed after the body: axe
      // must not run in between (it found no <title> there once).
      await expect(ben).toHaveTitle(/^Tuesday seminar/);
      await expectFitsWidth(ben, 'group page');
      await expectNoSeriousA11yIssues(ben, 'group page');
      await waitForLive(ben, () => ben.getByRole('link', { name: 'Face Time', exact: true }).click());
      await expect(ben).toHaveURL(new RegExp(`\\?group=${group.id}`));
      await expectFitsWidth(ben, 'reader');

      // Highlight ¶7 from the keyboard: the toolbar says who will see the note.
      await ben.locator('[data-anchor="p-7"]').focus();
      await ben.keyboard.press('Enter');
      await ben.keyboard.press('Enter');
      const toolbar = ben.getByRole('dialog', { name: 'Annotate the selected passage' });
      await expect(toolbar).toBeVisible();
      await expect(toolbar.getByRole('combobox', { name: 'Visible to' })).toHaveValue(group.id);
      await expect(toolbar).toContainText('Members of Tuesday seminar will see this note.');
      await expectFitsWidth(ben, 'reader with the toolbar');
      await expectNoSeriousA11yIssues(ben, 'annotation toolbar', '[role="dialog"]');
      await ben.screenshot({ path: shot('annotate') });
      await ben.keyboard.press('1');
      await toolbar.getByRole('textbox', { name: 'Note' }).click();
      await ben.keyboard.type('Asymmetry is the real barrier.');
      await ben.keyboard.press('Control+Enter');
      await expect(toolbar).toBeHidden();
      // Focus is back on the passage, not on <body>.
      await expect(ben.locator('[data-anchor="p-7"]')).toBeFocused();

      // Ada sees it arrive in document order (between ¶2 and ¶20), marked as new.
      const adaPanel = await openReviewPanel(ada);
      await expect(adaPanel.locator('.review-card .card-label')).toHaveText(['¶2', '¶7', '¶20']);
      const bensCard = adaPanel.getByRole('article', { name: 'Annotation by Ben Student' });
      await expect(
        adaPanel.locator('.review-card').filter({ hasText: 'Asymmetry is the real barrier.' }),
      ).toContainText('New');
      await expect(bensCard).toContainText('Asymmetry is the real barrier.');
      await ada.screenshot({ path: shot('review') });

      // She answers from the panel; the passage is outlined in the text meanwhile.
      await bensCard.getByRole('button', { name: 'Reply', exact: true }).click();
      const bensMarkAtAda = ada.locator('[data-anchor="p-7"] mark.hl').first();
      await expect.poll(() => bensMarkAtAda.evaluate((m) => getComputedStyle(m).outlineStyle)).toBe('solid');
      const replyBox = bensCard.getByRole('textbox', { name: 'Reply' });
      await replyBox.click();
      await replyBox.pressSequentially('Say more about the Cold War comparison?');
      // A phone has no Ctrl key: its reader taps Send; the desktop reader uses the shortcut.
      if (testInfo.project.name === 'phone') await bensCard.getByRole('button', { name: 'Send' }).click();
      else await ada.keyboard.press('Control+Enter');
      await expect(bensCard.getByRole('article', { name: 'Reply by Ada Facilitator' })).toBeVisible();
      await expectNoSeriousA11yIssues(ada, 'review panel with a thread open');

      // Ben reads the thread in his own panel, and goes back to the passage from the card.
      const benPanel = await openReviewPanel(ben);
      const ownCard = benPanel.getByRole('article', { name: 'Annotation by Ben Student' });
      // (The count on the button is the one the page loaded with; the thread itself is live.)
      await ownCard.getByRole('button', { name: /^Repl/ }).click();
      await expect(ownCard).toContainText('Say more about the Cold War comparison?');
      await expectFitsWidth(ben, 'review panel');
      await ownCard.locator('.card-quote').click();
      await expect(ben.locator('[data-anchor="p-7"] mark.hl').first()).toBeInViewport();

      // And exports the seminar's notes.
      await ben.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = ben.getByRole('dialog', { name: 'Export annotations' });
      await expect(dialog).toBeVisible();
      await expectFitsWidth(ben, 'export dialog');
      await expectNoSeriousA11yIssues(ben, 'export dialog');
      const download = ben.waitForEvent('download');
      await dialog.getByRole('button', { name: /^Download/ }).click();
      const csv = readFileSync((await (await download).path())!, 'utf8');
      expect(csv).toContain('Asymmetry is the real barrier.');
      expect(csv).toContain('The author hedges here.');
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  },
);
