// ESLint flat config: typescript-eslint for all TypeScript, React hooks rules for the task pane.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
      '**/*.xsd',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Personal data must never reach logs: console output is reserved for the dev tools.
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // One Graph call surface (issue #9): requests go through GraphCalls (src/graph/graphCalls.ts),
    // which pages, maps failures to GraphAccessError and carries If-Match and retry safety. Only it
    // and the batcher (src/graph/batch.ts, the client's own /$batch) talk to the client directly.
    files: ['src/**/*.{ts,tsx}', 'tools/**/*.ts'],
    ignores: ['src/graph/graphCalls.ts', 'src/graph/batch.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='api']",
          message:
            'Call Graph through GraphCalls (src/graph/graphCalls.ts), not client.api(): it pages, ' +
            'maps failures to GraphAccessError and sets If-Match and retry safety.',
        },
      ],
    },
  },
  {
    // Build and tool configuration in CommonJS (webpack, jest, build helpers).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
