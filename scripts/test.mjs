#!/usr/bin/env node
// `npm test`: every test of the project — unit, component, integration (local Graph service over
// HTTP), manifest (offline XSD validation) and browser (Debian's chromium) — then one closing line.
// Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { VARIANTS } from './variants.mjs';

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

/** Runs jest with `args` (and `env`), then reads its counts from the JSON it wrote. */
function runJest(name, args, env = {}) {
  const outputFile = `test-results/jest-${name}.json`;
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/jest/bin/jest.js',
      '--maxWorkers=2',
      '--json',
      `--outputFile=${outputFile}`,
      ...args,
    ],
    { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium, ...env } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0, total: 0 };
  try {
    const r = JSON.parse(readFileSync(outputFile, 'utf8'));
    counts = {
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
      total: r.numTotalTests,
    };
  } catch {
    counts.failed = 1; // jest wrote no results: count the run itself as a failure
  }
  return { ok: run.status === 0, counts };
}

const extraArgs = process.argv.slice(2);
const runs = [runJest('main', extraArgs)];
// The matrix runs only for a whole-suite run (no arguments), as CI's `npm test` is.
if (extraArgs.length === 0) {
  for (const v of VARIANTS) {
    console.log(
      `\n== variant ${v.name}: ${Object.entries(v.env)
        .map(([k, x]) => `${k}=${x}`)
        .join(' ')}`,
    );
    runs.push(runJest(v.name, ['--testPathPatterns', ...v.tests], v.env));
  }
}
const sum = (key) => runs.reduce((n, r) => n + r.counts[key], 0);
const skipped = sum('skipped');
console.log(
  `\ntests: ${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(runs.every((r) => r.ok) ? 0 : 1);
