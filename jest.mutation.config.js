// For Stryker (stryker.config.mjs): the policy core's own unit tests, i.e. the unit tests that
// import src/policy directly. Issue 14 asks whether those tests would notice a wrong rule; the tests
// of the layers above (the review service, the pane's hooks) reach the policy core only through
// them and would only slow each mutant, as would the other projects (jsdom, the local Graph
// service, the browser). `roots` keeps jest's file map to the source and the unit tests: the map is
// rebuilt for every mutant, and crawling the whole repository made a run take hours.
const fs = require('node:fs');
const path = require('node:path');
const { projects, testTimeout } = require('./jest.config');

const unit = projects.find((project) => project.displayName === 'unit');

function unitTestsOfThePolicyCore(dir = path.join(__dirname, 'test', 'unit')) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return unitTestsOfThePolicyCore(file);
    if (!entry.name.endsWith('.test.ts')) return [];
    return /from '(?:\.\.\/)+src\/policy[/']/.test(fs.readFileSync(file, 'utf8')) ? [file] : [];
  });
}

module.exports = {
  ...unit,
  roots: ['<rootDir>/src', '<rootDir>/test/unit'],
  testMatch: unitTestsOfThePolicyCore(),
  testTimeout,
};
