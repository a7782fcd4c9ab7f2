// Lint: typescript-eslint's type-free recommended rules, React hooks, Next.js and
// jsx-a11y. `npm test` runs it with --max-warnings 0.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      '.data/**',
      'lib/generated/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin, 'jsx-a11y': jsxA11y },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    // Tests wait for what a user would see or for an event, never for a fixed time: a
    // fixed wait is too short on a busy machine and wasted on an idle one.
    files: ['e2e/**/*.ts', 'tests/**/*.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'waitForTimeout', message: 'Wait for an event or a visible state instead.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // a promise that only resolves after a timer: `new Promise((r) => setTimeout(r, ms))`
          selector:
            "NewExpression[callee.name='Promise'] > :matches(ArrowFunctionExpression, FunctionExpression)[params.length=1] CallExpression[callee.name='setTimeout']",
          message: 'A sleep in a test: wait for the event itself instead.',
        },
      ],
    },
  },
);
