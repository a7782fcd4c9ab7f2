import { annotateQuote } from './support/annotate';
import { expectFitsWidth, expectNoSeriousA11yIssues, openReviewPanel, touchPhone } from './support/layout';
import { apiJson, signUpViaApi } from './support/session';
import { expect, test } from './support/test';

// Issue item 2: on a touch phone 390 and 320 px wide, nothing scrolls sideways (compared
// with the emulated width itself), the header collapses into a menu, the article is full
// width, the review panel is a sheet opened from a button with the count, and the toolbar,
// popover and dialogs are bottom sheets. axe finds nothing serious in any of these states.

const LONG_TITLE = 'Antidisestablishmentarianism'.repeat(4) + 'Floccinaucinihilipilification'.repeat(1);

for (const width of [390, 320]) {
  test.describe(`on a ${width} px touch phone`, () => {
    test.use(touchPhone(width));

    test(`[PHONE] read, review and annotate at ${width} px: menu, sheets and dialogs fit`, async ({
      page,
    }) => {
      // Every page and sheet, each checked by axe: slow on a busy machine.
      test.setTimeout(240_000);
      await signUpViaApi(page, 'Thumb Reader');
      const created = await apiJson(page.request, 'POST', '/api/v1/groups', { name: 'Phone seminar' });
      const groupId = created.json.group.id as string;
      await apiJson(page.request, 'POST', `/api/v1/groups/${groupId}/readings`, { documentId: 'face-time' });
      const imported = await apiJson(page.request, 'POST', '/api/v1/documents', {
        text: `${LONG_TITLE}\n\nA first paragraph to read.\n\nA second one.`,
        format: 'text',
      });
      expect(imported.status, JSON.stringify(imported.json)).toBe(201);
      await annotateQuote(page, 'p-2', 'Historically, military relations', {
        tags: ['claim'],
        note: 'Shared with the seminar.',
        groupId,
      });
      await annotateQuote(page, 'p-4', 'Besides the disruption', {
        tags: ['evidence'],
        note: 'Mine.',
        groupId: null,
      });

      // The library: a long unbroken title wraps.
      await page.goto('/library');
      await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: LONG_TITLE })).toBeVisible();
      await expectFitsWidth(page, 'library');
      await expectNoSeriousA11yIssues(page, 'library');

      // The header is one Menu button.
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav).toBeHidden();
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.click();
      await expect(nav.getByRole('link', { name: 'Groups' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await expectFitsWidth(page, 'library with the menu open');
      await expectNoSeriousA11yIssues(page, 'open menu');
      await page.screenshot({ path: `docs/screenshots/phone-${width}-menu.png` });
      await page.keyboard.press('Escape');
      await expect(nav).toBeHidden();
      await expect(menu).toBeFocused();

      await page.goto(`/groups/${groupId}`);
      await expect(page.getByRole('heading', { name: 'Phone seminar', level: 1 })).toBeVisible();
      await expectFitsWidth(page, 'group page');
      await expectNoSeriousA11yIssues(page, 'group page');

      // The reader: the article takes the width; the panel waits behind a button.
      await page.goto('/documents/face-time');
      const article = page.getByRole('article', { name: 'Face Time' });
      await expect(article).toBeVisible();
      expect((await article.boundingBox())!.width).toBeGreaterThan(width - 60);
      await expectFitsWidth(page, 'reader');
      await expectNoSeriousA11yIssues(page, 'reader');
      await page.screenshot({ path: `docs/screenshots/phone-${width}-reader.png` });
      const panel = page.getByRole('complementary', { name: 'Review annotations' });
      await expect(panel).toBeHidden();
      const opener = page.getByRole('button', { name: 'Annotations (2)' });
      await expect(opener).toBeVisible();
      await openReviewPanel(page);
      const sheet = (await panel.boundingBox())!;
      expect(sheet.x).toBe(0);
      expect(Math.round(sheet.width)).toBe(width);
      expect(Math.round(sheet.y + sheet.height)).toBe(780);
      await expect(panel.getByText('Shared with the seminar.')).toBeVisible();
      await expectFitsWidth(page, 'review sheet');
      await expectNoSeriousA11yIssues(page, 'review sheet');
      await page.screenshot({ path: `docs/screenshots/phone-${width}-review.png` });
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(opener).toBeFocused();

      // The popover is a bottom sheet.
      const mark = page.locator('[data-anchor="p-4"] mark.hl').first();
      await mark.click();
      const popover = page.getByRole('dialog', { name: 'Annotation on this passage' });
      await expect(popover).toBeFocused();
      const pop = (await popover.boundingBox())!;
      expect(Math.round(pop.width)).toBe(width);
      expect(Math.round(pop.y + pop.height)).toBe(780);
      await expectFitsWidth(page, 'popover');
      await expectNoSeriousA11yIssues(page, 'popover', '[role="dialog"]');
      await page.keyboard.press('Escape');

      // So is the selection toolbar.
      await page.locator('[data-anchor="p-7"]').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      const toolbar = page.getByRole('dialog', { name: 'Annotate the selected passage' });
      await expect(toolbar).toBeVisible();
      const bar = (await toolbar.boundingBox())!;
      expect(Math.round(bar.width)).toBe(width);
      expect(Math.round(bar.y + bar.height)).toBe(780);
      await expectFitsWidth(page, 'toolbar');
      await expectNoSeriousA11yIssues(page, 'toolbar', '[role="dialog"]');
      await page.keyboard.press('Escape');
      await expect(toolbar).toBeHidden();

      // A touch selection (made by the phone's handles; here set as they would set it)
      // opens the toolbar once it settles; what shows as selected is exactly that passage.
      const p9 = page.locator('[data-anchor="p-9"]');
      await p9.scrollIntoViewIfNeeded();
      const at = (await p9.boundingBox())!;
      await page.touchscreen.tap(at.x + 20, at.y + 10);
      const quote = await p9.evaluate((block) => {
        const text = block.firstChild!.nodeType === Node.TEXT_NODE ? block.firstChild! : block;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 24);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return range.toString();
      });
      await expect(toolbar).toContainText(quote);
      // The pending highlight is a CSS highlight over exactly that text (the DOM is untouched).
      await expect
        .poll(() => page.evaluate(() => [...(CSS.highlights.get('marginalia-draft') ?? [])].map(String)))
        .toEqual([quote]);
      await expectFitsWidth(page, 'toolbar after a touch selection');
      await toolbar.getByRole('button', { name: 'Cancel' }).click();
      await expect(toolbar).toBeHidden();

      // The export and import dialogs.
      for (const [button, name] of [
        ['Export', 'Export annotations'],
        ['Import annotations', 'Import annotations'],
      ]) {
        await page.getByRole('button', { name: button, exact: true }).click();
        const dialog = page.getByRole('dialog', { name });
        await expect(dialog).toBeVisible();
        const box = (await dialog.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await expectFitsWidth(page, `${name} dialog`);
        await expectNoSeriousA11yIssues(page, `${name} dialog`);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    });
  });
}
