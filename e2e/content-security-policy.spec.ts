import { expect, test } from '@playwright/test';

// Uses Playwright's own `test` on purpose: this spec provokes a violation to prove that the
// policy blocks injected script and that the event the guard in ./support/test.ts listens
// for is raised; every other spec fails on such an event.
test('pages carry a strict nonce policy that blocks injected inline script', async ({ page }) => {
  const response = await page.goto('/sign-in');
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"])
    expect(policy).toContain(directive);
  expect(response!.headers()['permissions-policy']).toContain('camera=()');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  // An injected inline handler (the usual stored-XSS payload) must not run.
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; directive: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) =>
          resolve({
            ran: Boolean((window as { injected?: boolean }).injected),
            directive: event.effectiveDirective,
          }),
        );
        const holder = document.createElement('div');
        holder.innerHTML =
          '<img alt="" src="data:," onload="window.injected = true" onerror="window.injected = true">';
        document.body.append(holder);
      }),
  );
  expect(outcome).toEqual({ ran: false, directive: 'script-src-attr' });
});
