import { linkIn, startMailbox, type Mailbox } from '../tests/support/mailbox';
import { test, expect } from './support/test';
import { APP_ORIGIN, PASSWORD, signUpViaApi } from './support/session';

const NEW_PASSWORD = 'a brand new passphrase';
let mailbox: Mailbox;

// The app mails reset links to E2E_SMTP_PORT (playwright.config.ts); this spec is the only
// one listening there, so its tests share one mailbox and run one after the other.
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  mailbox = await startMailbox(Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1));
});
test.afterAll(async () => mailbox?.close());

test('[RESET] a reader who forgot their password gets a mail, sets a new one, and other devices are signed out', async ({
  page,
  browser,
}) => {
  const { email } = await signUpViaApi(page, 'Forgetful');
  // The same account signed in on another device.
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  const signIn = await laptopPage.request.post('/api/auth/sign-in/email', {
    data: { email, password: PASSWORD },
    headers: { origin: APP_ORIGIN },
  });
  expect(signIn.ok()).toBeTruthy();
  await laptopPage.goto('/library');
  await expect(laptopPage.getByRole('heading', { name: 'Library' })).toBeVisible();

  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('a link to choose a new password is on its way');

  const mail = await mailbox.next();
  expect(mail.to).toBe(email);
  const link = linkIn(mail.text);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();

  await expect(page.getByRole('status')).toHaveText('Your password was changed. Sign in with the new one.');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('do not match an account');
  await page.getByLabel('Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();

  // The other device is signed out.
  await laptopPage.goto('/library');
  await expect(laptopPage.getByRole('heading', { name: 'Sign in to Marginalia' })).toBeVisible();
  await laptop.close();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This reset link no longer works' })).toBeVisible();
});
