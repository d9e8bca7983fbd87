// The admin view's summary of the last routing run (issue 13 item 9): what the Routing Status
// list's items mean for a school IT technician, and the sentences that say it.
import type { RunStatus, StoredMailboxStatus } from '../../../src/app/admin/adminRouting';
import { needsAction, routingHealth, STALE_AFTER_MS } from '../../../src/app/admin/routingHealth';
import {
  appliedText,
  failedMailboxText,
  planSummaryText,
  putRightText,
  routingSummaryText,
} from '../../../src/taskpane/views/adminText';
import type { MyPlan } from '../../../src/app/admin/adminRouting';

const RUN_AT = '2026-03-03T14:05:00.000Z';
const NOW = new Date('2026-03-03T14:20:00.000Z');

const run = (over: Partial<RunStatus> = {}): RunStatus => ({
  runAt: RUN_AT,
  mode: 'apply',
  outcome: 'InStep',
  mailboxesInStep: 3,
  mailboxesChanged: 0,
  mailboxesFailed: 0,
  details: 'Apply for 2026-03-03: 2 restrictions routed to 3 protected mailboxes.',
  ...over,
});

const mailbox = (over: Partial<StoredMailboxStatus>): StoredMailboxStatus => ({
  itemId: '1',
  mailbox: 'reception@oakfield.sch.uk',
  runAt: RUN_AT,
  mode: 'apply',
  outcome: 'InStep',
  rulesInStep: 2,
  changes: 0,
  failures: 0,
  details: '',
  ruleKeys: [],
  ...over,
});

describe('the last run, read for the IT technician', () => {
  it('not run yet: says so, and that needs action', () => {
    const health = routingHealth({ mailboxes: [] }, NOW);
    expect(health.state).toBe('notRun');
    expect(routingSummaryText(health)).toBe('The routing job has not run yet.');
    expect(needsAction(health, [])).toBe(true);
  });

  it('all in step: one sentence, nothing to do', () => {
    const health = routingHealth({ run: run(), mailboxes: [] }, NOW);
    expect(routingSummaryText(health)).toBe(
      'The last run, at 3 Mar 2026, 14:05, found that all 3 protected mailboxes already had the rules they need.',
    );
    expect(needsAction(health, [])).toBe(false);
    expect(needsAction(health, ['RoutingDelivery must be "redirect"…'])).toBe(true);
  });

  it('changed: what was put right, mailbox by mailbox, with repairs counted', () => {
    const health = routingHealth(
      {
        run: run({ outcome: 'Changed', mailboxesInStep: 2, mailboxesChanged: 1 }),
        mailboxes: [
          mailbox({
            outcome: 'Changed',
            changes: 3,
            details:
              'Rules created 2, updated 1, deleted 0.\nThe routing folder was created.\nDrift: rule "CG spoc#ab12" was edited by someone and was put back.',
          }),
          // An older change is not this run's.
          mailbox({
            mailbox: 'office@oakfield.sch.uk',
            outcome: 'Changed',
            runAt: '2026-03-02T09:00:00Z',
            changes: 1,
            details: 'Rules created 1, updated 0, deleted 0.',
          }),
        ],
      },
      NOW,
    );
    expect(health.state).toBe('changed');
    expect(routingSummaryText(health)).toBe(
      'The last run, at 3 Mar 2026, 14:05, looked at 3 protected mailboxes and put 1 of them right. Every protected mailbox now has the rules it needs.',
    );
    expect(health.putRight.map(putRightText)).toEqual([
      'reception@oakfield.sch.uk: 3 rule changes; 1 rule someone had changed or removed was put back; the folder for restricted correspondence was made.',
    ]);
    expect(needsAction(health, [])).toBe(false);
  });

  it('failed: each failed mailbox in plain words, without the HTTP codes', () => {
    const health = routingHealth(
      {
        run: run({ outcome: 'Failed', mailboxesInStep: 2, mailboxesFailed: 1 }),
        mailboxes: [
          mailbox({
            outcome: 'Failed',
            failures: 1,
            details:
              "reception@oakfield.sch.uk: the mailbox's space for inbox rules is full, so rule CG#1 could not be saved. Remove rules this mailbox no longer needs, then run again. (Not retried.)\nreception@oakfield.sch.uk: creating a rule failed. Microsoft 365 is not answering. (HTTP 503, ServiceUnavailable)",
          }),
        ],
      },
      NOW,
    );
    expect(health.state).toBe('failed');
    expect(routingSummaryText(health)).toContain('1 mailbox could not be brought up to date');
    expect(health.failed).toHaveLength(1);
    expect(failedMailboxText(health.failed[0]!.mailbox, health.failed[0]!.reasons)).toBe(
      "reception@oakfield.sch.uk could not be updated. The mailbox's space for inbox rules is full, so rule CG#1 could not be saved. Remove rules this mailbox no longer needs, then run again. (Not retried.) Creating a rule failed. Microsoft 365 is not answering.",
    );
    expect(needsAction(health, [])).toBe(true);
  });

  it("a rule's key and fingerprint are ids: kept for the technical details, not the summary", () => {
    const health = routingHealth(
      {
        run: run({ outcome: 'Failed', mailboxesInStep: 2, mailboxesFailed: 1 }),
        mailboxes: [
          mailbox({
            outcome: 'Failed',
            failures: 1,
            details:
              'reception@oakfield.sch.uk: rule "Contact Guard: to the single point of contact [cg spoc-17 9f9f0a1b]" was not attempted because an earlier change to this mailbox failed.',
          }),
        ],
      },
      NOW,
    );
    expect(health.failed[0]!.reasons).toEqual([
      'Rule "Contact Guard: to the single point of contact" was not attempted because an earlier change to this mailbox failed.',
    ]);
  });

  it('a warning on a mailbox that did not fail needs action too', () => {
    const health = routingHealth(
      {
        run: run(),
        mailboxes: [
          mailbox({
            details:
              'reception@oakfield.sch.uk: its category list could not be read (HTTP 403); the mail is still marked, perhaps without colour.',
          }),
        ],
      },
      NOW,
    );
    expect(health.warnings).toEqual([
      {
        mailbox: 'reception@oakfield.sch.uk',
        reasons: [
          'Its category list could not be read; the mail is still marked, perhaps without colour.',
        ],
      },
    ]);
    expect(needsAction(health, [])).toBe(true);
  });

  it('a run more than a day old is a stopped job: needs action', () => {
    const fresh = routingHealth(
      { run: run(), mailboxes: [] },
      new Date(Date.parse(RUN_AT) + STALE_AFTER_MS),
    );
    expect(fresh.stale).toBe(false);
    const old = routingHealth(
      { run: run(), mailboxes: [] },
      new Date(Date.parse(RUN_AT) + STALE_AFTER_MS + 1),
    );
    expect(old.stale).toBe(true);
    expect(needsAction(old, [])).toBe(true);
    const unreadable = routingHealth(
      { run: run({ runAt: 'yesterday' }), mailboxes: [] },
      new Date(),
    );
    expect(unreadable.stale).toBe(true);
  });

  it('a trial run (plan) says nothing was changed', () => {
    const health = routingHealth(
      {
        run: run({ mode: 'plan', outcome: 'Planned', mailboxesInStep: 1, mailboxesChanged: 2 }),
        mailboxes: [],
      },
      NOW,
    );
    expect(routingSummaryText(health)).toBe(
      'The last run, at 3 Mar 2026, 14:05, was a trial that changed nothing: 2 mailboxes would be changed. The next scheduled run makes the changes.',
    );
  });
});

describe('the admin’s own mailbox, in sentences', () => {
  const plan = (over: Partial<MyPlan['plan']>): MyPlan => ({
    mailbox: 'it.admin@oakfield.sch.uk',
    isProtected: true,
    refusals: [],
    plan: {
      mailbox: 'it.admin@oakfield.sch.uk',
      folder: { name: 'Restricted correspondence', create: false },
      changes: [],
      inStep: 2,
      readOnlySkipped: 0,
      othersUntouched: 0,
      drift: [],
      estimatedBytes: 0,
      warnings: [],
      ...over,
    },
  });

  it('says what updating would do, with right plurals and no rule ids', () => {
    expect(planSummaryText(plan({}))).toBe(
      'Your mailbox has the 2 rules it needs. Nothing to change.',
    );
    const changes = [
      { kind: 'create' },
      { kind: 'create' },
      { kind: 'update' },
      { kind: 'delete' },
    ] as unknown as MyPlan['plan']['changes'];
    expect(
      planSummaryText(
        plan({
          folder: { name: 'Restricted correspondence', create: true },
          changes,
          drift: [{ kind: 'edited', ruleName: 'CG#1' }] as unknown as MyPlan['plan']['drift'],
        }),
      ),
    ).toBe(
      'Updating your mailbox will make the folder “Restricted correspondence”, add 2 rules, correct 1 rule and remove 1 rule. 1 rule was changed or removed in Outlook since the last run.',
    );
    expect(appliedText({ done: 1, failed: [] })).toBe('Made 1 change to your mailbox.');
    expect(appliedText({ done: 2, failed: ['CG#1: refused'] })).toBe(
      'Made 2 changes to your mailbox; 1 change could not be made: CG#1: refused',
    );
  });
});
