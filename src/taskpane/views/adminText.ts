// Plain words for the administration page, written for the school's IT technician (issue 13 item
// 9): how mail routing is doing and what needs action, in sentences; the commands, rule names and
// the job's own report only under "Technical details" (and in docs/routing.md). Dates and times
// are src/policy/dates/format.ts's.
import type { ApplyResult, MyPlan, RunStatus } from '../../app/admin/adminRouting';
import type { MailboxPutRight, RoutingHealth } from '../../app/admin/routingHealth';
import { formatCount, formatShortDateTime } from '../../policy/dates/format';

export const ADMIN_TEXT = {
  unloadable: 'The administration could not be loaded.',
  page: 'Administration',
  somethingWrong: 'Something went wrong.',
  // How mail routing is doing.
  routingHeading: 'Mail routing',
  routingPurpose:
    'Contact Guard keeps inbox rules in each protected mailbox, so that an email from a parent with a contact restriction goes straight to their single point of contact.',
  readingStatus: 'Reading the last routing run…',
  needsActionHeading: 'Needs your action',
  nothingToDo: 'Nothing needs your action.',
  putRightHeading: 'What the last run put right',
  notRunAction:
    'Set up the scheduled routing job. Until it runs, restricted parents’ emails are not moved to their single point of contact automatically. Technical details below says how.',
  staleAction:
    'The routing job has not run for more than a day, although it should run every few minutes. Check that the scheduled job is still running and can sign in.',
  technicalDetails: 'Technical details',
  runReport: 'The last run’s report',
  mailboxReports: 'Each mailbox’s last report',
  scheduleHeading: 'The scheduled routing job',
  scheduleRun: 'Every protected mailbox is kept in step by running',
  scheduleApply: 'npm run routing -- apply',
  scheduleHow:
    'on a schedule (for example every 15 minutes, as an Azure Container Apps job or Azure Automation), signed in as the application with a certificate.',
  schedulePlan: 'npm run routing -- plan',
  scheduleSee: 'shows the changes without making them. See docs/routing.md.',
  // Settings.
  settingsHeading: 'Protected mailboxes and defaults',
  readingSettings: 'Reading the settings…',
  protectedMailboxes: 'Protected mailboxes (one address per line)',
  folderName: 'Folder and category for restricted correspondence',
  addressesPerRule: 'Addresses per rule (1 to 500, usually 50)',
  defaultSpoc: 'Default single point of contact',
  delivery: 'How the single point of contact receives the email',
  deliveryHint:
    'Redirect: they see the parent as the sender. Forward as an attachment: the original is kept intact as evidence.',
  redirect: 'Redirect',
  forwardAsAttachment: 'Forward as an attachment',
  saveSettings: 'Save settings',
  saved: 'Saved. The next routing run uses them.',
  settingsProblem: 'Settings:',
  // My mailbox.
  myMailboxHeading: 'My mailbox',
  ownRulesOnly:
    'Your own sign-in can change only your own inbox rules. Every other mailbox is kept by the scheduled job.',
  planMine: 'Check my mailbox',
  applyMine: 'Update my mailbox',
  notProtected: 'Your mailbox is not in the protected list: this shows what it would get.',
  planDetails: 'The rules, by name',
} as const;

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** When, in London: "3 Mar 2026, 14:05". */
export function whenText(iso: string): string {
  return formatShortDateTime(new Date(iso));
}

/** The one-paragraph summary of the last run, in sentences. */
export function routingSummaryText(health: RoutingHealth): string {
  const { run, mailboxes } = health;
  if (!run) return 'The routing job has not run yet.';
  const at = whenText(run.runAt);
  const all = plural(mailboxes, 'protected mailbox', 'protected mailboxes');
  switch (health.state) {
    case 'failed':
      return `The last run, at ${at}, looked at ${all}: ${plural(run.mailboxesFailed, 'mailbox', 'mailboxes')} could not be brought up to date, so restricted parents’ emails may not reach their single point of contact there.`;
    case 'planned':
      return `The last run, at ${at}, was a trial that changed nothing: ${plural(run.mailboxesChanged, 'mailbox would be', 'mailboxes would be')} changed. The next scheduled run makes the changes.`;
    case 'changed':
      return `The last run, at ${at}, looked at ${all} and put ${plural(run.mailboxesChanged, 'of them', 'of them')} right. Every protected mailbox now has the rules it needs.`;
    default:
      return `The last run, at ${at}, found that all ${all} already had the rules they need.`;
  }
}

/** "reception@…: 6 rules made, 1 of them put back after someone changed it; its folder was made." */
export function putRightText(m: MailboxPutRight): string {
  const parts = [`${plural(m.changes, 'rule change', 'rule changes')}`];
  if (m.repaired > 0)
    parts.push(
      `${plural(m.repaired, 'rule', 'rules')} someone had changed or removed ${m.repaired === 1 ? 'was' : 'were'} put back`,
    );
  if (m.folderCreated) parts.push('the folder for restricted correspondence was made');
  return `${m.mailbox}: ${parts.join('; ')}.`;
}

/** One failed mailbox: what to do about it. */
export function failedMailboxText(mailbox: string, reasons: readonly string[]): string {
  return reasons.length > 0
    ? `${mailbox} could not be updated. ${reasons.join(' ')}`
    : `${mailbox} could not be updated. Technical details below has the report.`;
}

/** One warning on a mailbox that was updated. */
export function mailboxWarningText(mailbox: string, reasons: readonly string[]): string {
  return `${mailbox}: ${reasons.join(' ')}`;
}

/** The run's counts as the job wrote them: for the technical details. */
export function lastRunText(run: RunStatus): string {
  return `${whenText(run.runAt)} (${run.mode}, ${run.outcome}): ${run.mailboxesInStep} in step, ${run.mailboxesChanged} changed, ${run.mailboxesFailed} failed.`;
}

/** What checking the admin's own mailbox found, in a sentence. */
export function planSummaryText(plan: MyPlan): string {
  const { changes, folder, inStep, drift } = plan.plan;
  if (changes.length === 0 && !folder.create)
    return `Your mailbox has the ${plural(inStep, 'rule', 'rules')} it needs. Nothing to change.`;
  const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
  const steps = [
    ...(folder.create ? [`make the folder “${folder.name}”`] : []),
    ...(count('create') ? [`add ${plural(count('create'), 'rule', 'rules')}`] : []),
    ...(count('update') ? [`correct ${plural(count('update'), 'rule', 'rules')}`] : []),
    ...(count('delete') ? [`remove ${plural(count('delete'), 'rule', 'rules')}`] : []),
  ];
  const list = steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}` : steps[0];
  const changed = drift.length
    ? ` ${plural(drift.length, 'rule was', 'rules were')} changed or removed in Outlook since the last run.`
    : '';
  return `Updating your mailbox will ${list}.${changed}`;
}

/** One planned change, by the rule's name: for the technical details. */
export function changeText(kind: string, ruleName: string, reason: string): string {
  return `${kind}: ${ruleName} (${reason})`;
}

/** "drift: <kind> <rule>": for the technical details. */
export function driftText(kind: string, ruleName: string): string {
  return `drift: ${kind} ${ruleName}`;
}

/** "Made 2 changes to your mailbox." or "…; 1 could not be made: <why>". */
export function appliedText(applied: ApplyResult): string {
  const made = `Made ${plural(applied.done, 'change', 'changes')} to your mailbox`;
  return applied.failed.length
    ? `${made}; ${plural(applied.failed.length, 'change', 'changes')} could not be made: ${applied.failed.join('; ')}`
    : `${made}.`;
}
