// ESLint flat config: typescript-eslint for all TypeScript, React hooks rules for the task pane,
// and the layer rules (README "Architecture", issue #11).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

// The layer rules, on resolved files rather than on the text of an import: the code imports by
// relative path ('../../graph/errors'), so a rule on the specifier (ESLint's no-restricted-imports)
// would have to guess each file's depth. eslint-plugin-import-x's no-restricted-paths resolves each
// import, type-only, `export ... from`, dynamic import() and require() included, with its own
// Node resolver (no TypeScript resolver needed: there are no path aliases) and checks it against
// the zones below. An import it cannot resolve is reported by import-x/no-unresolved, so none
// slips past the zones unseen. Package names are judged by name (no-restricted-imports) where a
// rule lists the packages a layer may use. test/unit/architecture/layerRules.test.ts proves each
// rule fires.
const root = import.meta.dirname;
const LAYER = 'Layer rule broken:';
// src/policy uses date-holidays today; date-fns and @date-fns/tz are the project's pure date
// libraries (package.json), allowed for src/policy/dates. Nothing else: no Node built-ins, no I/O.
const POLICY_PACKAGES = ['date-holidays', 'date-fns', '@date-fns/tz'];
const GRAPH_CLIENT_ZONE = {
  target: ['./src', './dev', './tools'],
  from: './node_modules/@microsoft/microsoft-graph-client',
  message: `${LAYER} only src/graph imports @microsoft/microsoft-graph-client. Call Graph through src/graph (GraphCalls, a repository); a parameter that takes the client or GraphCalls is GraphClientOrCalls (src/graph/graphCalls.ts).`,
};
const LAYER_ZONES = [
  {
    target: './src/policy',
    from: './',
    except: ['./src/policy', './node_modules'],
    message: `${LAYER} src/policy is pure rules and imports only src/policy. Pass what it needs in as arguments, or put the code that needs it in src/app.`,
  },
  {
    target: ['./src/taskpane', './src/review', './src/ui'],
    from: './src/graph',
    message: `${LAYER} the UI (src/taskpane, src/review, src/ui) never imports src/graph. Reach Graph through src/app: give the view what it needs from an app module (a function, or a type re-exported there).`,
  },
  {
    // The review service is its own chunk, loaded for reviewers only (src/app/builders.ts): a
    // static import from a view would put it in every member of staff's pane.
    target: ['./src/taskpane', './src/review', './src/ui'],
    from: './src/app/review',
    except: ['./types.ts', './reviewSettings.ts', './redaction.ts'],
    message: `${LAYER} the UI never imports the review service's code (src/app/review): it is a chunk loaded for reviewers only. Take the service from useServices() (or the page's session), its types from src/app/review/types.ts.`,
  },
  {
    target: ['./src', './dev'],
    from: ['./tools', './test'],
    message: `${LAYER} src/ and dev/ never import tools/ or test/. Move the code both need into src/ (product logic) or dev/ (development helpers); tools and tests may import those.`,
  },
  {
    target: './tools',
    from: './test',
    message: `${LAYER} tools/ never imports test/. Move the code both need into dev/ (development helpers, e.g. dev/browser) or src/.`,
  },
  GRAPH_CLIENT_ZONE,
];

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
    // The layer rules (LAYER_ZONES above) for the code; tests may import anything. The Graph
    // client zone's target includes src/graph, which the next block takes out of it.
    files: ['src/**/*.{ts,tsx}', 'dev/**/*.ts', 'tools/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json', '.node'],
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: LAYER_ZONES }],
      'import-x/no-unresolved': 'error',
    },
  },
  {
    files: ['src/graph/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: LAYER_ZONES.filter((z) => z !== GRAPH_CLIENT_ZONE) },
      ],
    },
  },
  {
    // src/policy's packages, by name (POLICY_PACKAGES). The policy zone above leaves packages to
    // this rule: a Node built-in does not resolve to a file, so no-restricted-paths cannot see it.
    files: ['src/policy/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.{1,2}(/|$)|(${POLICY_PACKAGES.join('|')})(/|$))`,
              message: `${LAYER} src/policy uses only the packages ${POLICY_PACKAGES.join(', ')}. Put code that needs another package or Node (I/O) in src/app, or add the package to POLICY_PACKAGES in eslint.config.mjs if it is pure.`,
            },
          ],
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
