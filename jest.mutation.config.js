// The unit project alone, for Stryker (stryker.config.mjs): the policy core is tested by unit tests,
// and the other projects (jsdom, the local Graph service, the browser) would only slow each mutant.
const { projects, testTimeout } = require('./jest.config');

module.exports = { ...projects.find((project) => project.displayName === 'unit'), testTimeout };
