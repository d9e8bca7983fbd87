// The layer rules of eslint.config.mjs (README "Architecture"): each fires on a wrong-way import
// and stays quiet on the right way. The snippets are linted as if they were files at the paths
// given (the files need not exist), by ESLint's Node API in a child process (lintText.mjs: Jest's
// sandbox cannot load the config). Each wrong-way case expects its own rule's message, so removing
// or weakening a rule fails its case.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

const PATHS = 'import-x/no-restricted-paths';
const PACKAGES = 'no-restricted-imports';
const UNRESOLVED = 'import-x/no-unresolved';
const LAYER_RULES = new Set([PATHS, PACKAGES, UNRESOLVED]);

const POLICY = 'src/policy is pure rules and imports only src/policy';
const POLICY_PACKAGES = 'src/policy uses only the packages date-holidays, date-fns, @date-fns/tz';
const UI = 'the UI (src/taskpane, src/review, src/ui) never imports src/graph';
const SRC_DEV = 'src/ and dev/ never import tools/ or test/';
const REVIEW_CHUNK = "the UI never imports the review service's code (src/app/review)";
const TOOLS = 'tools/ never imports test/';
const GRAPH_CLIENT = 'only src/graph imports @microsoft/microsoft-graph-client';

const wrongWay: { name: string; filePath: string; code: string; rule: string; says: string }[] = [
  {
    name: 'src/policy imports src/app',
    filePath: 'src/policy/dates/wrong.ts',
    code: "import { GraphRoles } from '../../app/roles';\nexport const roles = GraphRoles;\n",
    rule: PATHS,
    says: POLICY,
  },
  {
    name: 'src/policy re-exports a type of src/graph',
    filePath: 'src/policy/wrong.ts',
    code: "export type { GraphAccessErrorKind } from '../graph/errors';\n",
    rule: PATHS,
    says: POLICY,
  },
  {
    name: 'src/policy imports a Node built-in',
    filePath: 'src/policy/wrong.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    rule: PACKAGES,
    says: POLICY_PACKAGES,
  },
  {
    name: 'src/policy imports a package not on its list',
    filePath: 'src/policy/wrong.ts',
    code: "import { get } from 'idb-keyval';\nexport const read = get;\n",
    rule: PACKAGES,
    says: POLICY_PACKAGES,
  },
  {
    name: 'src/taskpane imports src/graph',
    filePath: 'src/taskpane/components/actions/wrong.ts',
    code: "import { toGraphAccessError } from '../../../graph/errors';\nexport const f = toGraphAccessError;\n",
    rule: PATHS,
    says: UI,
  },
  {
    name: 'src/review re-exports src/graph',
    filePath: 'src/review/wrong.ts',
    code: "export { GraphCalls } from '../graph/graphCalls';\n",
    rule: PATHS,
    says: UI,
  },
  {
    name: 'src/ui imports a type of src/graph',
    filePath: 'src/ui/Wrong.tsx',
    code: "import type { GraphCalls } from '../graph/graphCalls';\nexport type Calls = GraphCalls;\n",
    rule: PATHS,
    says: UI,
  },
  {
    name: 'src/ui imports the review service itself (it would leave its chunk)',
    filePath: 'src/ui/review/Wrong.tsx',
    code: "import { createReviewService } from '../../app/review/reviewService';\nexport const f = createReviewService;\n",
    rule: PATHS,
    says: REVIEW_CHUNK,
  },
  {
    name: 'src imports tools',
    filePath: 'src/app/wrong.ts',
    code: "export { runRouting } from '../../tools/routing/cli';\n",
    rule: PATHS,
    says: SRC_DEV,
  },
  {
    name: 'src imports test',
    filePath: 'src/routing/wrong.ts',
    code: "export { jsonReply } from '../../test/unit/graph/fetchMock';\n",
    rule: PATHS,
    says: SRC_DEV,
  },
  {
    name: 'dev imports tools on demand (dynamic import)',
    filePath: 'dev/local-graph/wrong.ts',
    code: "export const load = () => import('../../tools/routing/cli');\n",
    rule: PATHS,
    says: SRC_DEV,
  },
  {
    name: 'dev imports test',
    filePath: 'dev/workbench/wrong.ts',
    code: "export { startTestWorkbench } from '../../test/e2e/support/browser';\n",
    rule: PATHS,
    says: SRC_DEV,
  },
  {
    name: 'tools imports test',
    filePath: 'tools/bench/wrong.ts',
    code: "import { openWorkbench } from '../../test/e2e/support/browser';\nexport const open = openWorkbench;\n",
    rule: PATHS,
    says: TOOLS,
  },
  {
    name: 'src/app imports a type of the Graph client',
    filePath: 'src/app/wrong.ts',
    code: "import type { Client } from '@microsoft/microsoft-graph-client';\nexport type C = Client;\n",
    rule: PATHS,
    says: GRAPH_CLIENT,
  },
  {
    name: 'src/auth imports the Graph client',
    filePath: 'src/auth/wrong.ts',
    code: "export { GraphError } from '@microsoft/microsoft-graph-client';\n",
    rule: PATHS,
    says: GRAPH_CLIENT,
  },
  {
    name: 'dev imports the Graph client',
    filePath: 'dev/local-graph/wrong.ts',
    code: "import { Client } from '@microsoft/microsoft-graph-client';\nexport const c = Client;\n",
    rule: PATHS,
    says: GRAPH_CLIENT,
  },
  {
    name: 'tools loads the Graph client on demand',
    filePath: 'tools/lib/wrong.ts',
    code: "export const load = () => import('@microsoft/microsoft-graph-client');\n",
    rule: PATHS,
    says: GRAPH_CLIENT,
  },
  {
    name: 'an import the resolver cannot follow (the zones would not see it)',
    filePath: 'src/app/wrong.ts',
    code: "export { nothing } from './doesNotExist';\n",
    rule: UNRESOLVED,
    says: "Unable to resolve path to module './doesNotExist'",
  },
];

const rightWay: { name: string; filePath: string; code: string }[] = [
  {
    name: 'src/policy imports src/policy and its listed packages',
    filePath: 'src/policy/dates/right.ts',
    code:
      "import Holidays from 'date-holidays';\nimport { addDays } from 'date-fns';\n" +
      "import { TZDate } from '@date-fns/tz';\nimport { todayInLondon } from '../londonDate';\n" +
      "export type { LocalDate } from '../types';\nexport const parts = [Holidays, addDays, TZDate, todayInLondon];\n",
  },
  {
    name: 'src/taskpane reaches Graph failures through src/app',
    filePath: 'src/taskpane/components/actions/right.ts',
    code: "export { asFailure, type MessageMark } from '../../../app/actions/restrictedActions';\n",
  },
  {
    name: 'src/ui takes the review service’s types and settings type from src/app/review',
    filePath: 'src/ui/review/right.ts',
    code:
      "import type { ReviewService } from '../../app/review/types';\n" +
      "import type { ReviewSettings } from '../../app/review/reviewSettings';\n" +
      'export type Both = [ReviewService, ReviewSettings];\n',
  },
  {
    name: 'src/review starts its session from src/app',
    filePath: 'src/review/right.ts',
    code: "export { startReviewSession } from '../app/reviewSession';\n",
  },
  {
    name: 'src/app takes GraphClientOrCalls from src/graph',
    filePath: 'src/app/right.ts',
    code: "export type { GraphClientOrCalls } from '../graph/graphCalls';\n",
  },
  {
    name: 'src/graph imports the Graph client',
    filePath: 'src/graph/right.ts',
    code: "import { Client } from '@microsoft/microsoft-graph-client';\nexport const c = Client;\n",
  },
  {
    name: 'dev loads the reconciler from src/routing',
    filePath: 'dev/local-graph/right.ts',
    code: "export const load = () => import('../../src/routing/reconciler');\n",
  },
  {
    name: 'tools imports dev and src',
    filePath: 'tools/bench/right.ts',
    code:
      "export { launchChromium } from '../../dev/browser/launchChromium';\n" +
      "export { provisionList } from '../lib/provisioner';\nexport { reconcile } from '../../src/routing/reconciler';\n",
  },
  {
    name: 'tests import anything',
    filePath: 'test/unit/right.test.ts',
    code:
      "export { runRouting } from '../../tools/routing/cli';\n" +
      "export { launchChromium } from '../e2e/support/browser';\n" +
      "export type { Client } from '@microsoft/microsoft-graph-client';\n",
  },
];

let results: LintMessage[][];

beforeAll(() => {
  const cases = [...wrongWay, ...rightWay].map(({ filePath, code }) => ({ filePath, code }));
  const run = spawnSync(process.execPath, [path.join(__dirname, 'lintText.mjs')], {
    cwd: repoRoot,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`lintText.mjs failed: ${run.stderr}`);
  results = JSON.parse(run.stdout) as LintMessage[][];
}, 120_000);

describe('a wrong-way import is refused, with its layer rule in plain words', () => {
  it.each(wrongWay.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const { rule, says } = wrongWay[i]!;
    const layerMessages = (results[i] ?? []).filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId));
    expect(layerMessages).toEqual([{ ruleId: rule, message: expect.stringContaining(says) }]);
    if (rule !== UNRESOLVED) expect(layerMessages[0]?.message).toContain('Layer rule broken:');
  });
});

describe('a right-way import passes', () => {
  it.each(rightWay.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    expect(results[wrongWay.length + i]).toEqual([]);
  });
});

it('the code as it stands has no wrong-way import (scripts/import-graph.mjs --check)', () => {
  const run = spawnSync(process.execPath, ['scripts/import-graph.mjs', '--check', '--files'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(run.stdout).toContain('Wrong-way edges: none');
  expect(run.status).toBe(0);
});
