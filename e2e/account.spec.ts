import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { APP_ORIGIN, PASSWORD, signUpViaApi } from './support/session';
import { expect, test } from './support/test';

test('[ACCOUNT] a reader renames themself, signs out another device, changes password, downloads their notes and leaves', async ({
  page,
  browser,
}) => {
  const { email } = await signUpViaApi(page, 'Mira');
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  const phoneSignIn = await phonePage.request.post('/api/auth/sign-in/email', {
    data: { email, password: PASSWORD },
    headers: { origin: APP_ORIGIN },
  });
  expect(phoneSignIn.ok()).toBeTruthy();

  await page.goto('/library');
  await page.getByRole('link', { name: 'Mira' }).click();
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The name, from the keyboard.
  await page.getByLabel('Display name').fill('Mira Okafor');
  await page.getByLabel('Display name').press('Enter');
  await expect(page.getByRole('status')).toHaveText('Your name was saved.');
  await expect(page.getByRole('link', { name: 'Mira Okafor' })).toBeVisible();

  // Two sessions: this one and the phone; the phone is signed out.
  const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'this device' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Sign out all other devices' }).click();
  await expect(sessions).toHaveCount(1);
  await phonePage.goto('/library');
  await expect(phonePage.getByRole('heading', { name: 'Sign in to Marginalia' })).toBeVisible();
  await phone.close();

  const newPassword = 'another long passphrase';
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all my annotations' }).click();
  const file = JSON.parse(await readFile((await (await downloading).path())!, 'utf8'));
  expect(file.type).toBe('AnnotationCollection');
  expect(file.total).toBe(0);

  // Usable on a 320 px phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(320);

  await page.getByRole('radio', { name: 'Delete everything I wrote' }).check();
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'This deletes your account, your password and every session',
  );
  await page.getByRole('button', { name: 'Yes, delete my account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();

  // The same address signs up anew.
  await page.getByLabel('Name').fill('Mira again');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
});
