import { createBankHolidayCalendar } from '../../../src/policy/dates/bankHolidays';
import type { DateRules } from '../../../src/policy/dates';
import {
  DEFAULT_LIFECYCLE_SETTINGS,
  applyTransition,
  newCase,
  type Decider,
  type LifecycleSettings,
  type RestrictionCase,
  type RestrictionTerms,
  type Stage,
  type Transition,
  type TransitionContext,
} from '../../../src/policy/lifecycle';
import { SCHOOL } from '../dates/fixtures';

export const bankHolidays = createBankHolidayCalendar();
export const DATES: DateRules = { bankHolidays, school: SCHOOL, counting: 'workingDays' };
export const HEAD: Decider = { name: 'Ms Amara Head', role: 'headTeacher' };
export const CHAIR: Decider = { name: 'Mr Colin Chair', role: 'chairOfGovernors' };
export const PANEL: Decider = { name: 'Appeal panel', role: 'appealPanel' };
export const BOARD: Decider = { name: 'Governing board', role: 'governingBoard' };

export const TERMS: RestrictionTerms = {
  terms: [
    { kind: 'singlePointOfContact' },
    { kind: 'emailOnly' },
    { kind: 'readAndFiledWithoutAcknowledgement' },
    { kind: 'autoForwarding' },
  ],
  spoc: { name: 'Office Manager', email: 'Office@Oakfield.sch.uk' },
};

export function ctx(today: string, settings: Partial<LifecycleSettings> = {}): TransitionContext {
  return {
    today,
    now: new Date(`${today}T10:00:00Z`),
    recordedBy: { name: 'Ms Amara Head', email: 'head@oakfield.sch.uk' },
    dates: DATES,
    settings: { ...DEFAULT_LIFECYCLE_SETTINGS, ...settings },
    operationKey: `op-${today}`,
  };
}

export function person(): RestrictionCase {
  return newCase({ name: "Mary O'Brien", emails: ['mary.obrien@example.org', 'mob@example.net'] });
}

export function step(
  c: RestrictionCase,
  t: Transition,
  today: string,
  settings: Partial<LifecycleSettings> = {},
): RestrictionCase {
  const result = applyTransition(c, t, ctx(today, settings));
  if (!result.ok)
    throw new Error(`${t.kind} refused: ${result.message} ${result.problems.join(' ')}`);
  return result.case;
}

export const T = {
  concern: {
    kind: 'recordConcern',
    summary: 'Shouted at reception',
    decidedBy: HEAD,
    reasons: 'Reported by the office',
  },
  warning: {
    kind: 'issueWarning',
    behaviour: 'Twelve emails a day to class teachers',
    whyUnacceptable: 'It takes teachers away from teaching',
    stepsTaken: 'The head teacher met you on 2 February',
    decidedBy: HEAD,
    reasons: 'Continued after the meeting',
  },
  impose: {
    kind: 'impose',
    terms: TERMS,
    duration: { kind: 'months', months: 6 },
    decidedBy: HEAD,
    reasons: 'Behaviour continued after the warning',
  },
  representations: {
    kind: 'recordRepresentations',
    receivedOn: '2026-03-06',
    decidedBy: HEAD,
    reasons: 'Letter received',
  },
  confirm: { kind: 'confirm', decidedBy: CHAIR, reasons: 'Representations considered' },
  overturn: { kind: 'overturn', decidedBy: CHAIR, reasons: 'New information' },
  review: { kind: 'review', decidedBy: HEAD, reasons: 'Still needed' },
  extend: {
    kind: 'extend',
    duration: { kind: 'months', months: 6 },
    decidedBy: BOARD,
    reasons: 'Behaviour continued',
  },
  vary: {
    kind: 'vary',
    terms: { ...TERMS, terms: [{ kind: 'letterOnly' }, { kind: 'singlePointOfContact' }] },
    decidedBy: HEAD,
    reasons: 'Emails still excessive',
  },
  end: { kind: 'end', decidedBy: HEAD, reasons: 'Behaviour has improved' },
  appeal: {
    kind: 'recordAppeal',
    receivedOn: '2026-03-06',
    decidedBy: HEAD,
    reasons: 'Letter to the clerk',
  },
  decideAppeal: { kind: 'decideAppeal', upheld: false, decidedBy: PANEL, reasons: 'Panel met' },
} satisfies Record<string, Transition>;

export const TODAY = '2026-03-02';

/** A case at each stage, built through the machine itself on 2 March 2026. */
export function caseAt(stage: Stage): RestrictionCase {
  const warned = () => step(person(), T.warning, TODAY);
  const provisional = () => step(warned(), T.impose, TODAY);
  const active = () =>
    step(step(provisional(), T.representations, '2026-03-06'), T.confirm, '2026-03-06');
  switch (stage) {
    case 'none':
      return person();
    case 'concern':
      return step(person(), T.concern, TODAY);
    case 'warning':
      return warned();
    case 'provisional':
      return provisional();
    case 'active':
      return active();
    case 'extended':
      return step(active(), T.extend, '2026-03-06');
    case 'overturned':
      return step(provisional(), T.overturn, '2026-03-06');
    case 'ended':
      return step(active(), T.end, '2026-03-06');
  }
}

/** The refusal's message and problems, in order; fails the test if the transition was accepted. */
export function refusedWith(result: ReturnType<typeof applyTransition>): string[] {
  if (result.ok) throw new Error('expected a refusal');
  return [result.message, ...result.problems];
}

/** The accepted result; fails the test with the refusal's words if it was refused. */
export function decided(result: ReturnType<typeof applyTransition>) {
  if (!result.ok) throw new Error(`${result.message} ${result.problems.join(' ')}`);
  return result;
}
