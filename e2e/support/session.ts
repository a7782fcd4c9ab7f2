import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(name: string) {
  return `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.org`;
}

/** Signs up through the form, as a newcomer would; lands in the library. */
export async function signUpViaUi(page: Page, name = 'Reader') {
  const email = uniqueEmail(name);
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  return { name, email };
}

/** The address the app is served on: better-auth and the API want it as the Origin of
 * every request that carries cookies. */
export const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? '3100'}`;

/** Signs up through the API (one request, no page load); the page's context then carries
 * the session cookie. For every test that is not about the sign-up form itself. */
export async function signUpViaApi(page: Page, name = 'Reader') {
  const email = uniqueEmail(name);
  const response = await page.request.post('/api/auth/sign-up/email', {
    data: { name, email, password: PASSWORD },
    headers: { origin: APP_ORIGIN },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  const body = await response.json();
  return { name, email, id: body.user.id as string };
}

export async function apiJson(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
) {
  const response = await request.fetch(path, { method, data, headers: { origin: APP_ORIGIN } });
  return { status: response.status(), json: response.status() === 204 ? null : await response.json() };
}

/** Several readers, each signed up in a browser context of their own (so their sessions
 * are independent), all at once; close the contexts when done. */
export async function signUpReaders(browser: Browser, names: string[]) {
  const contexts = await Promise.all(names.map(() => browser.newContext()));
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  await Promise.all(pages.map((page, i) => signUpViaApi(page, names[i])));
  return { pages, close: () => Promise.all(contexts.map((c) => c.close())) };
}
