import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '.bench/**', 'test-results/**', 'web/src/shared/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='parseFloat']",
          message: 'Money is never a float: parse into bigint minor units (src/core/money).',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    // Tests may cross-check core against Date and the like.
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Date', message: 'src/core is pure: time comes in as an argument.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/core is pure: randomness comes in as an argument.' },
        { object: 'Date', property: 'now', message: 'src/core is pure: time comes in as an argument.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:fs*', 'node:net', 'node:http*', 'fs', 'pg', 'better-sqlite3', 'kysely'], message: 'src/core does no I/O.' }] },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='parseFloat']",
          message: 'Money is never a float: parse into bigint minor units (shared/format/money.ts).',
        },
      ],
    },
  },
);
