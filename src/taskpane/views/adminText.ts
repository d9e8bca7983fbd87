// Plain words for the administration page (routing settings, the last routing run, the admin's
// own mailbox), in one place. Dates and times are src/policy/dates/format.ts's.
import type { ApplyResult, MyPlan, RunStatus } from '../../app/admin/adminRouting';
import { formatShortDateTime } from '../../policy/dates/format';

export const ADMIN_TEXT = {
  unloadable: 'The administration could not be loaded.',
  page: 'Administration',
  somethingWrong: 'Something went wrong.',
  // Settings.
  settingsHeading: 'Protected mailboxes and defaults',
  readingSettings: 'Reading the Settings list…',
  protectedMailboxes: 'Protected mailboxes (one per line)',
  folderName: 'Folder and category for restricted correspondence',
  addressesPerRule: 'Addresses per rule (1–500, default 50)',
  defaultSpoc: 'Default single point of contact',
  delivery: 'How the single point of contact receives the email',
  redirect: 'Redirect (they see the parent as the sender)',
  forwardAsAttachment: 'Forward as an attachment (the original kept intact as evidence)',
  saveSettings: 'Save settings',
  saved: 'Saved. The next routing run uses them.',
  // The last run.
  lastRunHeading: 'Last routing run',
  readingStatus: 'Reading the Routing Status list…',
  notRunYet: 'The routing job has not run yet.',
  // My mailbox.
  myMailboxHeading: 'My mailbox',
  ownRulesOnly:
    'Your own sign-in can change only your own inbox rules. Every other mailbox is kept by the scheduled job.',
  planMine: 'Plan for my mailbox',
  applyMine: 'Apply to my mailbox',
  notProtected: 'Your mailbox is not in the protected list: this shows what it would get.',
  // The scheduled job (the commands are shown as code between these words).
  scheduleHeading: 'Keeping every protected mailbox in step',
  scheduleRun: 'Run',
  scheduleApply: 'npm run routing -- apply',
  scheduleHow:
    'on a schedule (for example every 15 minutes, as an Azure Container Apps job or Azure Automation), signed in as the application with a certificate.',
  schedulePlan: 'npm run routing -- plan',
  scheduleSee: 'shows the changes without making them. See docs/routing.md.',
} as const;

/** When, in London: "3 Mar 2026, 14:05". */
export function whenText(iso: string): string {
  return formatShortDateTime(new Date(iso));
}

/** "3 Mar 2026, 14:05 (apply): 12 mailboxes in step, 1 changed, 0 failed." */
export function lastRunText(run: RunStatus): string {
  return `${whenText(run.runAt)} (${run.mode}): ${run.mailboxesInStep} mailboxes in step, ${run.mailboxesChanged} changed, ${run.mailboxesFailed} failed.`;
}

/** What planning the admin's own mailbox found. */
export function planSummaryText(plan: MyPlan): string {
  return plan.plan.changes.length === 0 && !plan.plan.folder.create
    ? `In step: ${plan.plan.inStep} rules, nothing to change.`
    : `${plan.plan.folder.create ? 'Create the folder, then ' : ''}${plan.plan.changes.length} change(s):`;
}

/** "drift: <kind> <rule>". */
export function driftText(kind: string, ruleName: string): string {
  return `drift: ${kind} ${ruleName}`;
}

/** "2 change(s) made." or "…; 1 failed: <why>". */
export function appliedText(applied: ApplyResult): string {
  return `${applied.done} change(s) made${
    applied.failed.length ? `; ${applied.failed.length} failed: ${applied.failed.join('; ')}` : '.'
  }`;
}
