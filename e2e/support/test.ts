// The specs' `test` and `expect`: Playwright's, plus an automatic guard that fails a test on
// any Content-Security-Policy violation (a `securitypolicyviolation` event in any page, or
// Chromium's "violates the following Content Security Policy" console error), in the test's
// own context and in every context it opens (a second reader, say).
import { test as base, expect, type BrowserContext } from '@playwright/test';

export { expect };
export type { Page } from '@playwright/test';

declare global {
  interface Window {
    __marginaliaCspViolation?: (description: string) => void;
  }
}

async function watchContext(context: BrowserContext, violations: string[]) {
  await context.exposeBinding('__marginaliaCspViolation', (_source, description: string) => {
    violations.push(description);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__marginaliaCspViolation?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      await watchContext(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const created = await newContext(...args);
        await watchContext(created, violations);
        return created;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
