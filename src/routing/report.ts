// The routing run's report for a terminal or the workbench: the lines `npm run routing` prints,
// its exit code, and a run that failed outright in plain words. Shared by the CLI
// (tools/routing/cli.ts) and the local service's "run the routing job" (dev/local-graph).
import { runDetails, type RunReport } from './reconciler';

/** The report as `npm run routing` prints it, one line at a time. */
export function printReport(report: RunReport, out: (line: string) => void): void {
  if (report.fatal) {
    out(report.fatal);
    return;
  }
  out(runDetails(report).split('\n')[0] ?? '');
  for (const p of report.settingsProblems) out(`  Settings: ${p}`);
  for (const r of report.refusals) out(`  Refused: ${r.message}`);
  for (const m of report.mailboxes) {
    const counts =
      report.mode === 'plan'
        ? ['create', 'update', 'delete']
            .map((k) => `${m.planned.filter((c) => c.kind === k).length} to ${k}`)
            .join(', ')
        : `created ${m.created}, updated ${m.updated}, deleted ${m.deleted}`;
    out(`${m.mailbox}: ${m.outcome} (${m.rulesInStep} in step; ${counts})`);
    if (report.mode === 'plan') {
      for (const c of m.planned) {
        const name = c.kind === 'delete' ? c.ruleName : c.rule.body.displayName;
        const detail =
          c.kind === 'delete'
            ? ''
            : ` (${c.rule.addressCount} ${c.rule.addressCount === 1 ? 'address' : 'addresses'})`;
        out(`  ${c.kind} ${name}${detail}: ${c.reason}`);
      }
    }
    for (const d of m.drift) out(`  drift: ${d.kind}: ${d.ruleName}`);
    for (const w of m.warnings) out(`  warning: ${w}`);
    for (const f of m.failures) out(`  failed: ${f}`);
  }
  out(
    `Graph: ${report.batchedRequests} requests in ${report.batchRoundTrips} batches (at least ${report.minimumRequests} needed).`,
  );
}

/** 1 when the run stopped or a mailbox failed, else 0. */
export function routingExitCode(report: RunReport): number {
  return report.fatal || report.mailboxes.some((m) => m.outcome === 'Failed') ? 1 : 0;
}

/** A run that threw: a GraphAccessError's plain words, nothing of any other error. */
export function routingFailureText(e: unknown): string {
  return `The routing job failed: ${e instanceof Error && e.name === 'GraphAccessError' ? e.message : 'an unexpected error'}.`;
}
