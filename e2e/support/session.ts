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

/** Signs up through the API (faster); the page's context then carries the session cookie. */
export async function signUpViaApi(page: Page, name = 'Reader') {
  const email = uniqueEmail(name);
  const baseURL = new URL(page.url() === 'about:blank' ? 'http://127.0.0.1' : page.url()).origin;
  const response = await page.request.post('/api/auth/sign-up/email', {
    data: { name, email, password: PASSWORD },
    headers: { origin: process.env.E2E_ORIGIN ?? originOf(page, baseURL) },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  const body = await response.json();
  return { name, email, id: body.user.id as string };
}

function originOf(_page: Page, fallback: string) {
  const port = process.env.E2E_PORT ?? '3100';
  return fallback.startsWith('http://127.0.0.1:') ? fallback : `http://127.0.0.1:${port}`;
}

export async function apiJson(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
) {
  const port = process.env.E2E_PORT ?? '3100';
  const response = await request.fetch(path, {
    method,
    data,
    headers: { origin: `http://127.0.0.1:${port}` },
  });
  return { status: response.status(), json: response.status() === 204 ? null : await response.json() };
}

/** Several readers, each signed up in a browser context of their own (so their sessions
 * are independent); close the contexts when done. */
export async function signUpReaders(browser: Browser, names: string[]) {
  const contexts = await Promise.all(names.map(() => browser.newContext()));
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  for (const [i, page] of pages.entries()) {
    await page.goto('/sign-in');
    await signUpViaApi(page, names[i]);
  }
  return { pages, close: () => Promise.all(contexts.map((c) => c.close())) };
}
