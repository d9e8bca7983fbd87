// The mail-routing reconciler: reads the Settings list, the restrictions (delta) and every
// protected mailbox's inbox rules, plans with the pure planner (src/policy/routing), and in
// `apply` mode makes it so through Graph `$batch`. A run is idempotent: what is already right is
// not touched, and what an earlier run left half done is finished. See docs/routing.md.
//
// One run, phase by phase: reconcileInputs.ts reads what the run needs (a failure there is fatal),
// reconcileRun.ts holds what the phases share and reads and plans the mailboxes, reconcileApply.ts
// makes the plans so, and reconcileReport.ts settles the outcomes and writes the report.
import type { GraphCalls } from '../graph/graphCalls';
import type { RestrictionsCache } from '../cache/restrictionsCache';
import type { BatchOptions } from '../graph/batch';
import type { RoutingStatusRepository } from '../graph/repositories/routingStatusRepository';
import type { SettingsRepository } from '../graph/repositories/settingsRepository';
import type { RoutingOutcome } from '../graph/schema/routingStatusList';
import {
  spocAddresses,
  type DriftFinding,
  type MailboxPlan,
  type Refusal,
  type RoutingSettingsDefaults,
} from '../policy/routing';
import type { LocalDate } from '../policy/types';
import { applyPasses } from './reconcileApply';
import { lookUpSpocs, readInputs, routeMailboxes } from './reconcileInputs';
import { settleOutcomes, writeMailboxStatuses, writeRunStatus } from './reconcileReport';
import { ReconcileRun, RunContext } from './reconcileRun';

export { describeFailure, mailboxDetails, runDetails } from './reconcileReport';

export type RoutingMode = 'plan' | 'apply';

export interface MailboxReport {
  mailbox: string;
  outcome: RoutingOutcome;
  rulesInStep: number;
  created: number;
  updated: number;
  deleted: number;
  folderCreated: boolean;
  drift: DriftFinding[];
  /** Plain words, with the mailbox; never a parent's address. */
  failures: string[];
  /** What plan mode would do (creates/updates/deletes), for the printed plan. */
  planned: MailboxPlan['changes'];
  warnings: string[];
}

export interface RunReport {
  runAt: string;
  mode: RoutingMode;
  today: LocalDate;
  settingsProblems: string[];
  refusals: Refusal[];
  restrictionsRouted: number;
  /** True when the restrictions came as changes since the last run (delta), not a full read. */
  mailboxes: MailboxReport[];
  /** Inner Graph requests sent through $batch, and the round trips that carried them. */
  batchedRequests: number;
  batchRoundTrips: number;
  /** The requests the plan needs at least: reads, changes, status writes. */
  minimumRequests: number;
  /** Failures that stopped the whole run (settings or restrictions unreadable). */
  fatal?: string;
}

export interface ReconcilerDeps {
  client: GraphCalls;
  settings: SettingsRepository;
  status: RoutingStatusRepository;
  restrictions: RestrictionsCache;
  defaults: RoutingSettingsDefaults;
  /**
   * The tenant's verified mail domains (readTenantEmailDomains): the only accepted domains. When
   * they cannot be read the run plans nothing: it never falls back to a list or a default.
   */
  tenantDomains: () => Promise<string[]>;
  today: LocalDate;
  now?: () => Date;
  batch?: Partial<BatchOptions>;
  /** Write the run's report to the Routing Status list (default true). */
  writeStatus?: boolean;
  /** Progress for a terminal: phase, steps done, steps in all. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Passes over mailboxes whose changes failed in a way worth another try (default 3). */
  maxPasses?: number;
}

/**
 * One run: the inputs (a failure there is fatal), the mailboxes read and planned, in `apply` mode
 * the changes, then the outcomes and the report.
 */
export async function reconcile(mode: RoutingMode, deps: ReconcilerDeps): Promise<RunReport> {
  const ctx = new RunContext(mode, deps);
  // 1. Settings, restrictions (changes since the last run), last statuses.
  const inputs = await readInputs(ctx);
  if (!inputs) return ctx.report;
  // SPOC addresses as the directory knows them (primary SMTP), before any rule is built.
  const spocs = spocAddresses(inputs.restrictions, deps.today);
  const directory = await lookUpSpocs(ctx, spocs);
  if (!directory) return ctx.finishCounts();
  const run = new ReconcileRun(ctx, routeMailboxes(ctx, inputs, spocs, directory));

  // 2. Every mailbox's rules (and folders where needed), its plan, and in apply mode the changes.
  run.states = await run.readStates(run.routing.mailboxes, 'Reading mailboxes', true);
  run.planAll();
  if (mode === 'apply') await applyPasses(run);

  // 3. Outcomes, and the report written to the Routing Status list.
  settleOutcomes(run);
  await writeMailboxStatuses(run);
  await writeRunStatus(run);
  ctx.report.minimumRequests = ctx.minimum;
  return ctx.finishCounts();
}
