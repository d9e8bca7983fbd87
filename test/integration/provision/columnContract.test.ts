// Every body the provisioner can send, checked against the Graph v1.0 contract subset with the
// shared reference checker (/work/shared/graph-contract/check-request.mjs), strict mode: the real
// service rejects unknown properties, so the checker does too.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROVISIONED_LISTS } from '../../../src/graph/schema/lists';
import { BUILT_IN_COLUMN_NAMES, type ListSchema } from '../../../src/graph/schema/types';

const repoRoot = path.resolve(__dirname, '../../..');
const sharedContract = '/work/shared/graph-contract';
// The project keeps its own copy of the subset for the local service; prefer the shared original.
const specFile = existsSync(path.join(sharedContract, 'graph-subset.openapi.json'))
  ? path.join(sharedContract, 'graph-subset.openapi.json')
  : path.join(repoRoot, 'dev/local-graph/contract/graph-subset.openapi.json');

let workDir: string;
let checker: string;

beforeAll(() => {
  // The checker is an ES module: it finds ajv through node_modules beside it, not NODE_PATH.
  workDir = mkdtempSync(path.join(tmpdir(), 'cg-contract-'));
  checker = path.join(workDir, 'check-request.mjs');
  copyFileSync(path.join(sharedContract, 'check-request.mjs'), checker);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

interface Check {
  status: number;
  output: string;
}

function check(method: string, url: string, body: unknown): Check {
  const bodyFile = path.join(workDir, `body-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(bodyFile, JSON.stringify(body));
  try {
    const output = execFileSync(
      process.execPath,
      [checker, method, url, `@${bodyFile}`, '--spec', specFile],
      { encoding: 'utf8' },
    );
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string };
    return { status: failed.status ?? -1, output: failed.stdout ?? '' };
  }
}

/** One checker run for many requests: $batch checks each inner request against the subset. */
function checkAll(requests: { method: string; url: string; body: unknown }[]): Check {
  if (requests.length > 20) throw new Error('a $batch holds at most 20 requests: split the check');
  return check('POST', '/$batch', {
    requests: requests.map((request, index) => ({
      id: String(index),
      ...request,
      headers: { 'Content-Type': 'application/json' },
    })),
  });
}

function createListBody(schema: ListSchema) {
  return {
    displayName: schema.displayName,
    description: schema.description,
    list: { template: 'genericList' },
    columns: schema.columns.filter((column) => !BUILT_IN_COLUMN_NAMES.has(column.name)),
  };
}

describe.each(PROVISIONED_LISTS.map((schema) => [schema.displayName, schema] as const))(
  'the %s list against the Graph contract',
  (_name, schema) => {
    it('every column body is a valid POST .../columns request', () => {
      const result = checkAll(
        schema.columns.map((column) => ({
          method: 'POST',
          url: '/sites/site-id/lists/list-id/columns',
          body: column,
        })),
      );
      expect(result.output).toMatch(/^OK POST \/\$batch/);
      const innerLines = result.output.split('\n').filter((line) => /requests\[\d+\]/.test(line));
      expect(innerLines).toHaveLength(schema.columns.length);
      for (const line of innerLines) expect(line).toMatch(/ OK POST \/sites\/\{site-id\}/);
      expect(result.status).toBe(0);
    });

    it('the create-list body and the index PATCH body are valid', () => {
      const result = checkAll([
        { method: 'POST', url: '/sites/site-id/lists', body: createListBody(schema) },
        {
          method: 'PATCH',
          url: '/sites/site-id/lists/list-id/columns/column-id',
          body: { indexed: true },
        },
      ]);
      expect(result.output).toMatch(/^OK POST \/\$batch/);
      expect(result.status).toBe(0);
    });
  },
);

it('the checker rejects a column body the service would reject (the check can fail)', () => {
  const [first] = PROVISIONED_LISTS[0]?.columns ?? [];
  const broken = { ...first, text: { allowMultipleLines: 'yes', colour: 'red' } };
  const result = check('POST', '/sites/site-id/lists/list-id/columns', broken);
  expect(result.status).toBe(1);
  expect(result.output).toMatch(/^INVALID/);
});
