// Mutation reports of the policy core (docs/mutation.md), without rerunning Stryker:
//   node scripts/mutation-report.mjs summary <report.json>...   the score per file and over all
//   node scripts/mutation-report.mjs merge <out.json> <report.json>...
// A run of src/policy may be made in parts (`--mutate` some folders, each part with its own report
// or `--incrementalFile`); `merge` joins the parts' reports (each file's mutants and each test
// file's tests) into one, which `stryker run --incremental --incrementalFile <out.json>`
// then reuses, re-testing only what changed since. The score is Stryker's: killed and timed-out
// mutants over those plus survived and not covered; ignored (static) mutants and errors left out.
import { readFileSync, writeFileSync } from 'node:fs';

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function read(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function merge(out, inputs) {
  const reports = inputs.map(read);
  const merged = { ...reports[0], files: {}, testFiles: {} };
  for (const r of reports) {
    Object.assign(merged.files, r.files);
    Object.assign(merged.testFiles, r.testFiles ?? {});
  }
  writeFileSync(out, JSON.stringify(merged));
  console.log(`${Object.keys(merged.files).length} files from ${inputs.length} reports -> ${out}`);
}

function pct(detected, undetected) {
  const all = detected + undetected;
  return all === 0 ? 'n/a' : `${((100 * detected) / all).toFixed(2)} %`;
}

function summary(inputs) {
  const files = {};
  for (const file of inputs) Object.assign(files, read(file).files);
  let detected = 0;
  let undetected = 0;
  const rows = [];
  for (const [name, { mutants }] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const d = mutants.filter((m) => DETECTED.has(m.status)).length;
    const u = mutants.filter((m) => UNDETECTED.has(m.status)).length;
    detected += d;
    undetected += u;
    rows.push(`| \`${name}\` | ${pct(d, u)} | ${d} | ${u} |`);
  }
  console.log('| file | score | detected | undetected |\n| --- | --- | --- | --- |');
  console.log(rows.join('\n'));
  console.log(
    `| **all ${rows.length} files** | **${pct(detected, undetected)}** | ${detected} | ${undetected} |`,
  );
}

const [command, ...args] = process.argv.slice(2);
if (command === 'merge' && args.length >= 2) merge(args[0], args.slice(1));
else if (command === 'summary' && args.length >= 1) summary(args);
else {
  console.error(
    'usage: mutation-report.mjs summary <report.json>... | merge <out.json> <report.json>...',
  );
  process.exitCode = 2;
}
