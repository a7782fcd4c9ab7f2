import { expect, test } from './support/test';
import { PASSWORD, signUpViaUi } from './support/session';

test('[ACCOUNT] a newcomer signs up, reads the sample article, follows a permalink, signs out and back in', async ({
  page,
}) => {
  const { email } = await signUpViaUi(page, 'Newcomer');
  await page.locator('a[href="/documents/face-time"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Face Time' })).toBeVisible();
  await expect(page.getByText('By Hu Bo Updated Dec.1')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Military Asymmetry' })).toBeVisible();
  await expect(page.getByText('Old Version')).toHaveCount(0);

  await page.getByRole('link', { name: 'Link to ¶7' }).click();
  await expect(page).toHaveURL(/#p-7$/);
  await expect(page.locator('#p-7')).toBeInViewport();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Marginalia' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
});

test('[ACCOUNT] a signed-out visitor is sent to sign-in and back to the page they wanted', async ({
  page,
}) => {
  await page.goto('/documents/face-time#p-3');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill('Visitor');
  await page.getByLabel('Email').fill(`visitor-${Date.now()}@example.org`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/documents\/face-time/);
  await expect(page.getByRole('heading', { level: 1, name: 'Face Time' })).toBeVisible();
});

test('[ACCOUNT] clear messages for a wrong password, a taken email and a short password', async ({
  page,
}) => {
  const { email } = await signUpViaUi(page, 'Careful');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/do not match an account/);

  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Copycat');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/already exists/);

  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/at least 8 characters/);
});
