import { touchPhone } from './support/layout';
import { apiJson, signUpViaApi } from './support/session';
import { expect, test } from './support/test';

// The pages this round added or rebuilt (library, account, forgotten password, a seminar's
// reading list), on touch phones 390 and 320 px wide: every page fits its width.
// Compared with the emulated width itself, not innerWidth, which Chromium widens to the content.
for (const width of [390, 320]) {
  test.describe(`on a ${width} px touch phone`, () => {
    test.use(touchPhone(width));

    test(`[PHONE] the library, account, password and reading-list pages fit ${width} px`, async ({
      page,
    }) => {
      await signUpViaApi(page, 'Thumb');
      const created = await apiJson(page.request, 'POST', '/api/v1/groups', { name: 'Phone seminar' });
      expect(created.status).toBe(201);
      const groupId = (created.json as { group: { id: string } }).group.id;
      const listed = await apiJson(page.request, 'POST', `/api/v1/groups/${groupId}/readings`, {
        documentId: 'face-time',
        dueDate: '2027-03-01',
      });
      expect(listed.status).toBe(201);

      const pages: [string, string][] = [
        ['/library', 'Library'],
        ['/account', 'Your account'],
        [`/groups/${groupId}`, 'Phone seminar'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          width,
        );
      }
      await expect(page.getByRole('link', { name: /Face Time/ }).first()).toBeVisible();

      await page.context().clearCookies();
      await page.goto('/forgot-password');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  });
}
