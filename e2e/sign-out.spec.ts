import type { Page } from '@playwright/test';
import { isPhone, touchPhone } from './support/layout';
import { signUpViaApi } from './support/session';
import { expect, test } from './support/test';

// Sign-out loads the auth client when it is clicked (docs/adr/0027-first-load-main-thread.md).
// When that or the request does not get through, the reader is told and stays signed in; the
// next try works. On desktop, and on touch phones 390 and 320 px wide (the header's menu).

async function signOutFromHeader(page: Page) {
  if (isPhone(page)) {
    const menu = page.getByRole('button', { name: 'Menu' });
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await page.getByRole('button', { name: 'Sign out' }).click();
}

async function signOutOfflineThenOnline(page: Page) {
  await signUpViaApi(page, 'Leaving Reader');
  await page.goto('/library');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();

  await page.route('**/api/auth/sign-out', (route) => route.abort('internetdisconnected'));
  await signOutFromHeader(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not sign out' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();

  await page.unroute('**/api/auth/sign-out');
  await signOutFromHeader(page);
  await expect(page.getByRole('heading', { name: 'Sign in to Marginalia' })).toBeVisible();
  await page.goto('/library');
  await expect(page.getByRole('heading', { name: 'Sign in to Marginalia' })).toBeVisible();
}

test('[ACCOUNT] a sign-out that cannot reach the server says so and keeps the reader signed in', async ({
  page,
}) => {
  await signOutOfflineThenOnline(page);
});

for (const width of [390, 320]) {
  test.describe(`on a ${width} px touch phone`, () => {
    test.use(touchPhone(width));

    test(`[ACCOUNT] at ${width} px, a failed sign-out says so in the menu, and the next one works`, async ({
      page,
    }) => {
      await signOutOfflineThenOnline(page);
    });
  });
}
