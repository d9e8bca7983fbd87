// Mutation testing of the policy core (`npm run mutation`): Stryker changes one thing at a time in
// src/policy (a `<` for a `<=`, a dropped condition, an emptied string) and reruns the unit tests
// that cover it. A mutant the tests do not notice is a rule the tests would not notice going wrong.
// Not part of `npm test` (minutes, not seconds); run it when changing the policy core.
// StrykerJS 9 (10 needs Node 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Vitest, not Jest, for speed only: see vitest.mutation.config.mjs.
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mjs', related: true },
  coverageAnalysis: 'perTest',
  // A mutant in a module-level constant reruns every unit test; left out, as the README says.
  ignoreStatic: true,
  mutate: ['src/policy/**/*.ts'],
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: null },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
