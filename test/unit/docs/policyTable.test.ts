// docs/policies.md is the table of the policies' rules: each rule, its source paragraph, where it is
// implemented and the test that checks it (issue 14). This test reads the page so that the table
// cannot silently rot: every file it names must exist, every function it names must be in that
// source file, every test it cites must still be a test name in that test file, and the counts it
// states must be the counts of its rows.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const PAGE = 'docs/policies.md';
const HEADER = ['Id', 'Rule', 'Source', 'Implemented in', 'Test', 'Status'];
const STATUSES = ['faithful', 'partly', 'wrong', 'missing', 'out of scope'] as const;
type Status = (typeof STATUSES)[number];
/** `path` or `path › name`: a function in a source file, or a fragment of a test's name. */
const SEPARATOR = ' › ';

interface Ref {
  path: string;
  name?: string;
}

interface Row {
  line: number;
  id: string;
  source: string;
  implemented: Ref[];
  tests: Ref[];
  status: Status | undefined;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function refs(cell: string): Ref[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => {
    const text = m[1]!;
    const at = text.indexOf(SEPARATOR);
    return at < 0
      ? { path: text.trim() }
      : { path: text.slice(0, at).trim(), name: text.slice(at + SEPARATOR.length).trim() };
  });
}

function statusOf(cell: string): Status | undefined {
  return STATUSES.find((s) => cell === s || cell.startsWith(`${s}:`) || cell.startsWith(`${s} `));
}

/** The rows of every table whose header is the rule table's. */
function parse(text: string): Row[] {
  const rows: Row[] = [];
  let inTable = false;
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim().startsWith('|')) {
      inTable = false;
      return;
    }
    const c = cells(raw);
    if (c.join('|') === HEADER.join('|')) {
      inTable = true;
      return;
    }
    if (!inTable || c.every((x) => /^:?-+:?$/.test(x))) return;
    rows.push({
      line: index + 1,
      id: c[0] ?? '',
      source: c[2] ?? '',
      implemented: refs(c[3] ?? ''),
      tests: refs(c[4] ?? ''),
      status: statusOf(c[5] ?? ''),
      ...(c.length !== HEADER.length ? { id: `${c[0] ?? ''} (has ${c.length} cells)` } : {}),
    });
  });
  return rows;
}

const cache = new Map<string, string>();
function read(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(join(ROOT, path), 'utf8');
    cache.set(path, text);
  }
  return text;
}

/** A line that names a test: an it/test/describe call, or a row of an `.each` table or a wrapped name. */
const TEST_NAME_LINE = /^\s*(?:(?:it|test|describe)(?:\.\w+)*\s*[(<]|[[('"`])/;

function testNameFound(path: string, fragment: string): boolean {
  return read(path)
    .split('\n')
    .some((l) => l.includes(fragment) && TEST_NAME_LINE.test(l));
}

const text = readFileSync(join(ROOT, PAGE), 'utf8');
const rows = parse(text);

describe('docs/policies.md, the table of the policies’ rules', () => {
  it('has rule tables, each row with an id, a source, a status', () => {
    expect(rows.length).toBeGreaterThan(90);
    const bad = rows.filter(
      (r) =>
        !/^(000|001|002|003|004|DOM)-[A-Za-z0-9.-]+$/.test(r.id) ||
        !/\b00[0-4]\b|DOMAIN/.test(r.source) ||
        r.status === undefined,
    );
    expect(bad.map((r) => `line ${r.line}: ${r.id}`)).toEqual([]);
  });

  it('gives every rule its own stable id', () => {
    const seen = new Set<string>();
    const repeated = rows.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false)));
    expect(repeated.map((r) => r.id)).toEqual([]);
  });

  it('says where a faithful rule is implemented and tested, and where a partial or wrong one is', () => {
    const bad = rows.filter(
      (r) =>
        (r.status === 'faithful' && (r.implemented.length === 0 || r.tests.length === 0)) ||
        ((r.status === 'partly' || r.status === 'wrong') && r.implemented.length === 0),
    );
    expect(bad.map((r) => `${r.id} (${r.status})`)).toEqual([]);
  });

  it('names only source files that exist, and functions that are in them', () => {
    const bad: string[] = [];
    for (const r of rows)
      for (const ref of r.implemented) {
        if (!/^(src|dev)\//.test(ref.path) || !existsSync(join(ROOT, ref.path)))
          bad.push(`${r.id}: no source file ${ref.path}`);
        else if (ref.name !== undefined && !new RegExp(`\\b${ref.name}\\b`).test(read(ref.path)))
          bad.push(`${r.id}: ${ref.name} is not in ${ref.path}`);
      }
    expect(bad).toEqual([]);
  });

  it('cites only test files that exist, and test names that are in them', () => {
    const bad: string[] = [];
    for (const r of rows)
      for (const ref of r.tests) {
        if (!/^test\/.+\.test\.tsx?$/.test(ref.path) || !existsSync(join(ROOT, ref.path)))
          bad.push(`${r.id}: no test file ${ref.path}`);
        else if (ref.name === undefined || ref.name === '')
          bad.push(`${r.id}: ${ref.path} cites no test name`);
        else if (!testNameFound(ref.path, ref.name))
          bad.push(`${r.id}: no test named "${ref.name}" in ${ref.path}`);
      }
    expect(bad).toEqual([]);
  });

  it('states the counts of its rows', () => {
    const m =
      /Counts: (\d+) rules — (\d+) faithful, (\d+) partly, (\d+) wrong, (\d+) missing, (\d+) out of scope\./.exec(
        text,
      );
    expect(m).not.toBeNull();
    const count = (s: Status) => rows.filter((r) => r.status === s).length;
    expect(m!.slice(1).map(Number)).toEqual([rows.length, ...STATUSES.map(count)]);
  });
});

describe('the table checker itself', () => {
  it('finds a test name on its call line or in an .each row, not in an assertion', () => {
    cache.set(
      'x.test.ts',
      "it('one name', () => {\n  expect(f('other words')).toBe(1);\n  ['row name', 2],\n",
    );
    expect(testNameFound('x.test.ts', 'one name')).toBe(true);
    expect(testNameFound('x.test.ts', 'row name')).toBe(true);
    expect(testNameFound('x.test.ts', 'other words')).toBe(false);
  });

  it('reads refs, statuses and rows', () => {
    expect(refs('`a.ts › f`; `b.ts`')).toEqual([{ path: 'a.ts', name: 'f' }, { path: 'b.ts' }]);
    expect(statusOf('partly: why')).toBe('partly');
    expect(statusOf('out of scope: why')).toBe('out of scope');
    expect(statusOf('fine')).toBeUndefined();
    const parsed = parse(
      `| ${HEADER.join(' | ')} |\n| - | - | - | - | - | - |\n| 002-1 | r | 002 §1 | \`s.ts › g\` | — | missing |\n\nafter`,
    );
    expect(parsed).toEqual([
      {
        line: 3,
        id: '002-1',
        source: '002 §1',
        implemented: [{ path: 's.ts', name: 'g' }],
        tests: [],
        status: 'missing',
      },
    ]);
  });
});
