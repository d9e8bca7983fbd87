// The reconciler's words and its report (reconciler.ts): a Graph step's failure in plain words,
// each mailbox's outcome, and what is written to the Routing Status list at the end of a run.
import type { BatchGroup, StepResult } from '../graph/batch';
import { plainMessage, type GraphAccessErrorKind } from '../graph/errors';
import type { MailboxStatus } from '../graph/repositories/routingStatusRepository';
import { desiredRulesFor, type CurrentMailboxState, type RoutingSettings } from '../policy/routing';
import type { MailboxReport, RunReport } from './reconciler';
import type { ReconcileRun } from './reconcileRun';

export const QUOTA_CODES = new Set(['errorrulesoverquota', 'errorquotaexceeded']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function errorCode(result: StepResult): string {
  const error = isRecord(result.body) && isRecord(result.body.error) ? result.body.error : {};
  return typeof error.code === 'string' ? error.code : '';
}

export function kindOf(status: number): GraphAccessErrorKind {
  if (status === 0) return 'offline';
  if (status === 401) return 'signedOut';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 400) return 'badRequest';
  return status >= 500 ? 'unavailable' : 'unknown';
}

/** One failure in plain words, with the mailbox, never with a body or an address from it. */
export function describeFailure(mailbox: string, what: string, result: StepResult): string {
  const code = errorCode(result);
  if (QUOTA_CODES.has(code.toLowerCase())) {
    return `${mailbox}: the mailbox's space for inbox rules is full, so ${what} could not be saved. Remove rules this mailbox no longer needs, or lower RoutingAddressesPerRule in the Settings list, then run again. (Not retried.)`;
  }
  if (result.status === 424)
    return `${mailbox}: ${what} was not attempted because an earlier change to this mailbox failed.`;
  const safeCode = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code) ? `, ${code}` : '';
  return `${mailbox}: ${what} failed. ${plainMessage(kindOf(result.status))} (HTTP ${result.status}${safeCode})`;
}

export const ok = (r: StepResult | undefined) =>
  r !== undefined && r.status >= 200 && r.status < 300;

/** 3. Each mailbox's outcome, from its failures, its plan (plan mode) or its changes (apply). */
export function settleOutcomes(run: ReconcileRun): void {
  const { mode, report } = run.ctx;
  for (const r of run.reports.values()) {
    const changes = r.created + r.updated + r.deleted + (r.folderCreated ? 1 : 0);
    if (r.failures.length > 0) r.outcome = 'Failed';
    else if (mode === 'plan')
      r.outcome =
        r.planned.length > 0 || run.plans.get(r.mailbox)?.folder.create ? 'Planned' : 'InStep';
    else r.outcome = changes > 0 ? 'Changed' : 'InStep';
  }
  report.mailboxes = [...run.reports.values()];
}

/** In apply mode, each mailbox's item in the Routing Status list, where it has something new. */
export async function writeMailboxStatuses(run: ReconcileRun): Promise<void> {
  const { ctx } = run;
  if (ctx.deps.writeStatus === false || ctx.mode !== 'apply') return;
  const writes: BatchGroup[] = [];
  for (const r of ctx.report.mailboxes) {
    const write = mailboxStatusWrite(run, r);
    if (write) writes.push(write);
  }
  ctx.minimum += writes.length;
  if (writes.length > 0) {
    ctx.progress('Writing the report', 0, writes.length);
    const results = await ctx.batcher.run(writes);
    ctx.progress('Writing the report', writes.length, writes.length);
    const failedWrites = results.filter((res) => !ok(res[0])).length;
    if (failedWrites > 0)
      ctx.report.settingsProblems.push(
        `${failedWrites} mailbox reports could not be written to the Routing Status list.`,
      );
  }
}

/** The write of one mailbox's status item, or none when the item already says it all. */
function mailboxStatusWrite(run: ReconcileRun, r: MailboxReport): BatchGroup | undefined {
  const { ctx } = run;
  const { routes, settings, statuses } = run.routing;
  const plan = run.plans.get(r.mailbox);
  const keys =
    r.outcome === 'Failed'
      ? (statuses.get(r.mailbox)?.ruleKeys ?? [])
      : plan
        ? desiredKeys(run.states.get(r.mailbox), routes, settings)
        : [];
  const status: MailboxStatus = {
    mailbox: r.mailbox,
    runAt: ctx.runAt,
    mode: ctx.mode,
    outcome: r.outcome,
    rulesInStep: r.outcome === 'Failed' ? r.rulesInStep : keys.length,
    changes: r.created + r.updated + r.deleted,
    failures: r.failures.length,
    details: mailboxDetails(r),
    ruleKeys: keys,
  };
  const before = statuses.get(r.mailbox);
  // A mailbox item records the last run that found or did something there: a quiet run (in
  // step, same rules, nothing to report) leaves it as it is, so it writes one item, the run's.
  const sameKeys = before?.ruleKeys.join('\n') === keys.join('\n');
  // Quiet: in step, nothing found, and no warning the item does not already carry (a standing
  // warning, e.g. the rule-space estimate, is written once, with the run that changed things).
  const quiet =
    status.outcome === 'InStep' &&
    r.drift.length === 0 &&
    r.failures.length === 0 &&
    r.warnings.every((w) => before?.details.split('\n').includes(w)) &&
    before?.outcome !== 'Failed';
  if (
    before &&
    sameKeys &&
    (quiet || (before.outcome === status.outcome && before.details === status.details))
  )
    return undefined;
  return {
    key: `status|${r.mailbox}`,
    // Only the status is read: the item's body is not kept (2,000 of them on a first run).
    steps: [{ ...ctx.deps.status.mailboxStep(status, before?.itemId), keep: () => undefined }],
  };
}

/** The run's own item in the Routing Status list (plan mode too). */
export async function writeRunStatus(run: ReconcileRun): Promise<void> {
  const { deps, mode, report, runAt } = run.ctx;
  if (deps.writeStatus === false) return;
  const failed = report.mailboxes.filter((m) => m.outcome === 'Failed').length;
  const changed = report.mailboxes.filter(
    (m) => m.outcome === 'Changed' || m.outcome === 'Planned',
  ).length;
  try {
    await deps.status.writeRun({
      runAt,
      mode,
      outcome:
        failed > 0 ? 'Failed' : changed > 0 ? (mode === 'plan' ? 'Planned' : 'Changed') : 'InStep',
      mailboxesInStep: report.mailboxes.length - failed - changed,
      mailboxesChanged: changed,
      mailboxesFailed: failed,
      details: runDetails(report),
    });
  } catch {
    report.settingsProblems.push('The run report could not be written to the Routing Status list.');
  }
}

/** After a successful apply the rules in step are exactly the desired ones: their keys. */
function desiredKeys(
  state: CurrentMailboxState | undefined,
  routes: Map<string, Set<string>>,
  settings: RoutingSettings,
): string[] {
  if (!state) return [];
  return desiredRulesFor(
    state.mailbox,
    routes,
    settings,
    state.folderId,
    state.destinationOnly === true,
  ).map((d) => d.key);
}

export function mailboxDetails(r: MailboxReport): string {
  const lines: string[] = [];
  if (r.created + r.updated + r.deleted > 0) {
    lines.push(`Rules created ${r.created}, updated ${r.updated}, deleted ${r.deleted}.`);
  }
  if (r.folderCreated) lines.push('The routing folder was created.');
  for (const d of r.drift) {
    const what = {
      edited: 'was edited by someone and was put back',
      disabled: 'was turned off by someone and was turned back on',
      deleted: 'was deleted by someone and was made again',
      moved: 'had been moved below other rules and was moved back to the top',
      inError:
        'was in error in Exchange (its folder or recipient had gone) and no longer ran; it was rewritten',
      duplicate: 'was there twice; the copy was removed',
    }[d.kind];
    lines.push(`Drift: rule "${d.ruleName}" ${what}.`);
  }
  lines.push(...r.warnings, ...r.failures);
  return lines.join('\n');
}

export function runDetails(report: RunReport): string {
  const lines = [
    `${report.mode === 'plan' ? 'Plan' : 'Apply'} for ${report.today}: ${report.restrictionsRouted} restrictions routed to ${report.mailboxes.length} protected mailboxes.`,
    ...report.settingsProblems,
    ...report.refusals.map((r) => r.message),
  ];
  for (const m of report.mailboxes) {
    if (m.outcome === 'InStep' && m.drift.length === 0) continue;
    lines.push(
      `${m.mailbox}: ${m.outcome}.`,
      ...mailboxDetails(m)
        .split('\n')
        .filter(Boolean)
        .map((l) => `  ${l}`),
    );
  }
  return lines.join('\n');
}
