#!/usr/bin/env node
// `npm test`: every test of the project — unit, component, integration (local Graph service over
// HTTP), manifest (offline XSD validation) and browser (Debian's chromium) — then one closing line.
// Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("Browser tests need Debian's chromium; installing it with apt-get (once)…");
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (install && install.status === 0 && existsSync(chromium)) return;
  }
  console.error(
    `Browser tests need Debian's chromium at ${chromium}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then run npm test again.`,
  );
  process.exit(1);
}

ensureChromium();
mkdirSync('test-results', { recursive: true });
const jest = spawnSync(
  process.execPath,
  [
    'node_modules/jest/bin/jest.js',
    '--maxWorkers=2',
    '--json',
    '--outputFile=test-results/jest.json',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
);

let summary = '';
try {
  const r = JSON.parse(readFileSync('test-results/jest.json', 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  summary =
    `${r.numPassedTests} passed, ${r.numFailedTests} failed` +
    (skipped ? `, ${skipped} skipped` : '');
  if (r.numTotalTests === 0) summary = '0 passed, 0 failed';
} catch {
  summary = '';
}
if (summary) console.log(`\ntests: ${summary}`);
process.exit(jest.status ?? 1);
