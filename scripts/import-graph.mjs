// `node scripts/import-graph.mjs [--files] [--check] [ROOT]`: the import graph between the code's
// top-level areas (src/policy, src/graph, src/app, ..., dev, tools, test) as edges with counts,
// then the edges that go the wrong way (the layer rules of eslint.config.mjs, README
// "Architecture"). `--files` lists the importing and imported file of each wrong-way import;
// `--check` exits 1 when there is one. ROOT defaults to the repository this script is in.
//
// No dependency of its own: TypeScript (already a dev dependency) reads each file's imports
// (static, `export ... from`, `import type`, dynamic `import()` and `require()`), and relative
// specifiers are resolved the way the bundler resolution of tsconfig.json does for this code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const args = process.argv.slice(2);
const showFiles = args.includes('--files');
const check = args.includes('--check');
const root = path.resolve(
  args.find((a) => !a.startsWith('--')) ??
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..'),
);

const TOP = ['src', 'dev', 'tools', 'test', 'scripts'];
const SRC_AREAS = [
  'policy',
  'graph',
  'app',
  'auth',
  'cache',
  'config',
  'host',
  'taskpane',
  'review',
  'routing',
  'ui',
];
const UI = ['src/taskpane', 'src/review', 'src/ui'];
const GRAPH_CLIENT = '@microsoft/microsoft-graph-client';
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'];

/** The area a repository-relative path belongs to, e.g. src/graph, dev, test. */
function areaOf(rel) {
  const [top, second] = rel.split('/');
  if (top === 'src') return SRC_AREAS.includes(second) ? `src/${second}` : `src/(${second})`;
  return top;
}

function walk(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolveRelative(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  // `./x.js` written for a `.ts` file.
  if (/\.(js|mjs)$/.test(base)) candidates.push(base.replace(/\.(m?)js$/, '.$1ts'));
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** The wrong-way rule an import from area `from` to `to` (an area or a package) breaks, if any. */
function brokenRule(from, to, isPackage) {
  if (isPackage) {
    if (to === GRAPH_CLIENT && ['src', 'dev', 'tools'].includes(from.split('/')[0]))
      if (from !== 'src/graph') return 'only src/graph imports the Graph client';
    return undefined;
  }
  if (from === 'src/policy' && to !== 'src/policy') return 'src/policy imports only src/policy';
  if (UI.includes(from) && to === 'src/graph') return 'the UI never imports src/graph';
  if ((from.startsWith('src') || from === 'dev') && (to === 'tools' || to === 'test'))
    return 'src and dev never import tools or test';
  if (from === 'tools' && to === 'test') return 'tools never import test';
  return undefined;
}

const edges = new Map(); // "from -> to" => count
const wrong = new Map(); // "from -> to" => { rule, files: [] }
const files = TOP.flatMap((t) => walk(path.join(root, t), []));
for (const file of files) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const from = areaOf(rel);
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  for (const { fileName: spec } of info.importedFiles) {
    let to;
    let target;
    const isPackage = !spec.startsWith('.');
    if (isPackage) {
      if (spec !== GRAPH_CLIENT && !spec.startsWith(`${GRAPH_CLIENT}/`)) continue;
      to = GRAPH_CLIENT;
      target = spec;
    } else {
      const resolved = resolveRelative(file, spec);
      if (!resolved) {
        console.warn(`unresolved: ${rel} imports ${spec}`);
        continue;
      }
      target = path.relative(root, resolved).split(path.sep).join('/');
      to = areaOf(target);
      if (to === from) continue;
    }
    const key = `${from} -> ${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
    const rule = brokenRule(from, to, isPackage);
    if (rule) {
      const w = wrong.get(key) ?? { rule, files: [] };
      w.files.push(`${rel} -> ${target}`);
      wrong.set(key, w);
    }
  }
}

const sorted = [...edges].sort(([a], [b]) => a.localeCompare(b));
console.log(`Imports between areas (${files.length} files; imports within an area not counted):`);
for (const [key, count] of sorted) console.log(`  ${key.padEnd(48)} ${String(count).padStart(4)}`);
console.log('');
if (wrong.size === 0) console.log('Wrong-way edges: none');
else {
  console.log('Wrong-way edges:');
  for (const [key, { rule, files: list }] of [...wrong].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${key.padEnd(48)} ${String(list.length).padStart(4)}  (${rule})`);
    if (showFiles) for (const f of list) console.log(`      ${f}`);
  }
}
if (check && wrong.size > 0) process.exitCode = 1;
