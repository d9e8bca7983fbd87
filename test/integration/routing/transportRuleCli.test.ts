// `npm run routing -- transport-rule` against the local service: the script is written with a
// UTF-8 byte order mark (Windows PowerShell 5.1 reads a .ps1 without one in the ANSI code page),
// reads back as the commands meant, and is made only with the tenant's verified domains: when
// they cannot be read, no file is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { runRouting } from '../../../tools/routing/cli';
import { shapeOf, tokenizePowerShell } from '../../unit/policy/routing/powerShellTokens';

let graph: RunningLocalGraph;
let dir: string;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-transport-'));
});
afterAll(async () => {
  await graph.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(out: string) {
  const lines: string[] = [];
  const code = await runRouting(['transport-rule', '--graph-url', graph.url, '--out', out], {
    env: {},
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { code, lines };
}

it('writes the script with a byte order mark, read back as the rules meant', async () => {
  const out = path.join(dir, 'rules.ps1');
  const { code, lines } = await run(out);
  expect(code).toBe(0);
  expect(lines[0]).toMatch(/^Wrote [1-9]\d* mail-flow rules/);
  const bytes = fs.readFileSync(out);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const shape = shapeOf(tokenizePowerShell(bytes.toString('utf8'))).join(' ');
  expect(shape).toContain('New-TransportRule -Name S -From @( LIST ) -RedirectMessageTo S');
});

it('writes nothing when the verified domains cannot be read', async () => {
  const out = path.join(dir, 'refused.ps1');
  graph.setFaults({ down: true });
  try {
    const { code, lines } = await run(out);
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/verified domains could not be read.*No script was written/);
  } finally {
    graph.setFaults({});
  }
  expect(fs.existsSync(out)).toBe(false);
});
