// Jest projects: each kind of test runs in the environment it needs.
//   unit        pure rules and modules, Node
//   components  React components in jsdom
//   integration the Graph layer and tools against the local Graph service over HTTP
//   manifest    manifest.xml against Microsoft's XSDs (offline)
//   e2e         the workbench in Debian's chromium (playwright-core)
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(idb-keyval|jose|@pnp)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};
module.exports = {
  // Jest's 5 s default is about the machine more than the code: on 2 shared cores a jsdom screen
  // test with many user events has taken 44 s for 15 tests. A hang still fails, after 30 s.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/support/jsdom-setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'manifest',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/manifest/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
    },
  ],
};
