// What the last mail-routing run means for the school's IT technician (issue 13 item 9): whether
// every protected mailbox has its rules, what the run put right, and what needs someone's action.
// Read from the Routing Status list's items (src/routing/reconcileReport.ts writes them). Pure; the
// words are views/adminText.ts's.
import type { RunStatus, StoredMailboxStatus } from './adminRouting';

/**
 * A run older than this is a scheduled job that has stopped: docs/routing.md schedules it every
 * 15 minutes, so a day without one is well past any delay and worth a look.
 */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export type RoutingState = 'notRun' | 'inStep' | 'changed' | 'planned' | 'failed';

export interface MailboxIssue {
  mailbox: string;
  /** The report's own plain sentences, without the mailbox prefix or the HTTP codes. */
  reasons: string[];
}

export interface MailboxPutRight {
  mailbox: string;
  /** Rules created, updated or deleted. */
  changes: number;
  /** Of those, rules someone had changed, turned off or deleted, put back ("drift"). */
  repaired: number;
  folderCreated: boolean;
}

export interface RoutingHealth {
  state: RoutingState;
  run?: RunStatus;
  /** Protected mailboxes the last run looked at. */
  mailboxes: number;
  /** The last run is older than STALE_AFTER_MS. */
  stale: boolean;
  /** Mailboxes whose last recorded state is a failure: someone must act. */
  failed: MailboxIssue[];
  /** Warnings on mailboxes that did not fail (e.g. the rule space nearly full). */
  warnings: MailboxIssue[];
  /** What the last run changed, mailbox by mailbox. */
  putRight: MailboxPutRight[];
}

const PROGRESS_LINE = /^(Rules created \d+|The routing folder was created\.|Drift: )/;

/** The report's sentences about a mailbox that are not progress, in plain words. */
function issueLines(status: StoredMailboxStatus): string[] {
  return status.details
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !PROGRESS_LINE.test(line))
    .map((line) =>
      (line.startsWith(`${status.mailbox}: `) ? line.slice(status.mailbox.length + 2) : line)
        // The HTTP status and error code are for the technical details, not the summary.
        .replace(/\s*\(HTTP \d+[^)]*\)/g, '')
        // A rule's key and fingerprint ("[cg 17 9f9f…]", ruleContent.ts) are ids, not words.
        .replace(/\s*\[cg [^\]]*\]/g, '')
        .replace(/^./, (c) => c.toUpperCase()),
    );
}

/** The last run and each mailbox's item, read for a person who looks after the school's IT. */
export function routingHealth(
  report: { run?: RunStatus; mailboxes: readonly StoredMailboxStatus[] },
  now: Date,
): RoutingHealth {
  const { run } = report;
  const sorted = [...report.mailboxes].sort((a, b) => a.mailbox.localeCompare(b.mailbox));
  const failed = sorted
    .filter((m) => m.outcome === 'Failed')
    .map((m) => ({ mailbox: m.mailbox, reasons: issueLines(m) }));
  const warnings = sorted
    .filter((m) => m.outcome !== 'Failed')
    .map((m) => ({ mailbox: m.mailbox, reasons: issueLines(m) }))
    .filter((m) => m.reasons.length > 0);
  if (!run) return { state: 'notRun', mailboxes: 0, stale: false, failed, warnings, putRight: [] };
  const putRight = sorted
    .filter((m) => m.runAt === run.runAt && m.outcome === 'Changed')
    .map((m) => ({
      mailbox: m.mailbox,
      changes: m.changes,
      repaired: m.details.split('\n').filter((l) => l.startsWith('Drift: ')).length,
      folderCreated: m.details.split('\n').includes('The routing folder was created.'),
    }));
  const ranAt = Date.parse(run.runAt);
  const state: RoutingState =
    run.mailboxesFailed > 0 || run.outcome === 'Failed'
      ? 'failed'
      : run.mode === 'plan'
        ? 'planned'
        : run.mailboxesChanged > 0
          ? 'changed'
          : 'inStep';
  return {
    state,
    run,
    mailboxes: run.mailboxesInStep + run.mailboxesChanged + run.mailboxesFailed,
    // A time that cannot be read is no proof the job ran lately: it needs looking at.
    stale: !Number.isFinite(ranAt) || now.getTime() - ranAt > STALE_AFTER_MS,
    failed,
    warnings,
    putRight,
  };
}

/** Whether anything in the health, or the settings' own problems, needs someone to act. */
export function needsAction(health: RoutingHealth, settingsProblems: readonly string[]): boolean {
  return (
    health.state === 'notRun' ||
    health.stale ||
    health.failed.length > 0 ||
    health.warnings.length > 0 ||
    settingsProblems.length > 0
  );
}
