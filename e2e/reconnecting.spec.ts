import { expect, test } from './support/test';
import { signUpViaApi } from './support/session';
import { dragSelect } from './support/select-text';

test('[RECONNECT] while the server answers 503 the reader says "Reconnecting…", keeps retrying with one idempotency key, then saves once', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await signUpViaApi(page, 'Outage');
  await page.goto('/documents/face-time');
  const keys: string[] = [];
  let outage = true;
  await page.route('**/api/v1/documents/*/annotations', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push((await route.request().headerValue('idempotency-key')) ?? '');
    if (outage)
      return route.fulfill({
        status: 503,
        headers: { 'retry-after': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'The database is not answering.' } }),
      });
    return route.continue();
  });

  await dragSelect(page, { anchor: 'p-5', text: 'In response' }, { anchor: 'p-5', text: 'visit' });
  const toolbar = page.getByRole('dialog', { name: 'Annotate the selected passage' });
  await toolbar.getByRole('button', { name: /^Claim/ }).click();
  await toolbar.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Your changes are kept' })).toBeVisible();
  await expect(page.locator('[data-anchor="p-5"] mark.hl-unsaved')).toBeVisible();
  await expect.poll(() => keys.length).toBeGreaterThanOrEqual(2);

  outage = false;
  await expect(page.locator('[data-anchor="p-5"] mark.hl')).not.toHaveClass(/hl-unsaved/, {
    timeout: 15_000,
  });
  await expect(page.getByRole('status').filter({ hasText: 'Your changes are kept' })).toHaveCount(0);
  // Every send of this one highlight carried the same key, a UUID.
  expect(new Set(keys).size).toBe(1);
  expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

  await page.reload();
  await expect(page.locator('[data-anchor="p-5"] mark.hl')).toHaveCount(1);
});

test('[RECONNECT] an unsaved highlight survives a reload and is sent again, once, when the server answers', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await signUpViaApi(page, 'Reload');
  await page.goto('/documents/face-time');
  const keys: string[] = [];
  let blocked = true;
  await page.route('**/api/v1/documents/*/annotations', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push((await route.request().headerValue('idempotency-key')) ?? '');
    return blocked ? route.abort('connectionrefused') : route.continue();
  });

  await dragSelect(page, { anchor: 'p-5', text: 'In response' }, { anchor: 'p-5', text: 'visit' });
  const toolbar = page.getByRole('dialog', { name: 'Annotate the selected passage' });
  await toolbar.getByRole('button', { name: /^Evidence/ }).click();
  await toolbar.getByRole('textbox', { name: 'Note' }).fill('Kept across a reload');
  await toolbar.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-anchor="p-5"] mark.hl-unsaved')).toBeVisible();

  await page.reload();
  const mark = page.locator('[data-anchor="p-5"] mark.hl-unsaved');
  await expect(mark).toBeVisible();
  await mark.click();
  await expect(page.getByRole('dialog', { name: 'Annotation on this passage' })).toContainText(
    'Kept across a reload',
  );

  blocked = false;
  await expect(page.locator('[data-anchor="p-5"] mark.hl')).not.toHaveClass(/hl-unsaved/, {
    timeout: 15_000,
  });
  expect(new Set(keys).size).toBe(1);
  await page.reload();
  await expect(page.locator('[data-anchor="p-5"] mark.hl')).toHaveCount(1);
});
