import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/lib/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Reset links go by SMTP to the server e2e/reset-password.spec.ts starts on this port.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1);
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error('E2E tests run through `npm test` (or `npm test -- e2e`), which prepares their database.');

export default defineConfig({
  testDir: 'e2e',
  // Loads every route once before the first test starts its clock (see the file).
  globalSetup: './e2e/support/warm-up.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_RESULTS ?? 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    // A touch phone (Chromium, as everywhere here) for the journeys tagged @phone, so that
    // they run at both sizes while the whole suite runs once.
    {
      name: 'phone',
      grep: /@phone/,
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } },
    },
  ],
  webServer: {
    // The server `npm start` runs, so the socket's address reaches the sign-in limits.
    command: `node scripts/serve.mjs -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_URL: baseURL,
      BETTER_AUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789',
      MARGINALIA_RATE_LIMIT: 'off',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Marginalia <marginalia@example.org>',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
    },
  },
});
