// For Stryker (stryker.config.mjs): the policy core's own unit tests, i.e. the unit tests that
// import src/policy directly, run by Vitest. Issue 14 asks whether those tests would notice a wrong
// rule; the tests of the layers above (the review service, the pane's hooks) reach the policy core
// only through them and would only slow each mutant.
//
// Why Vitest here when `npm test` is Jest: Stryker's Vitest runner keeps one Vitest alive and
// switches mutants on in the code it already loaded, where its Jest runner starts Jest again for
// each mutant. On this project's 2 cores that is ~420 mutants a minute against ~30: the whole
// policy core in about 15 minutes instead of four hours. The tests are the same files, written for
// Jest; test/mutation/vitestSetup.ts gives them `jest` (Vitest's `vi`, the same API for what they use).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

function unitTestsOfThePolicyCore(dir = path.join(root, 'test', 'unit')) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return unitTestsOfThePolicyCore(file);
    if (!entry.name.endsWith('.test.ts')) return [];
    return /from '(?:\.\.\/)+src\/policy[/']/.test(fs.readFileSync(file, 'utf8'))
      ? [path.relative(root, file)]
      : [];
  });
}

export default defineConfig({
  test: {
    include: unitTestsOfThePolicyCore(),
    globals: true,
    environment: 'node',
    setupFiles: ['./test/mutation/vitestSetup.ts'],
  },
});
