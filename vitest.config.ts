import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) };

// Two projects: pure unit tests beside their modules, and integration tests that
// each get their own PostgreSQL database cloned from a migrated template.
// e2e/ belongs to Playwright and is never collected here.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
          exclude: ['lib/server/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: {
          alias: {
            ...alias,
            'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)),
          },
        },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
