// The policy core's own unit tests, for Stryker (stryker.config.mjs): issue 14 asks whether the
// policy core's tests would notice a wrong rule, so only test/unit/policy runs (the other projects —
// jsdom, the local Graph service, the browser — and the unit tests of the layers above would only
// slow each mutant). `roots` keeps jest's file map to those folders: it is rebuilt for every mutant.
const { projects, testTimeout } = require('./jest.config');

const unit = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  roots: ['<rootDir>/src/policy', '<rootDir>/test/unit/policy'],
  testMatch: ['<rootDir>/test/unit/policy/**/*.test.ts'],
  testTimeout,
};
