// The decision forms' state, and how it becomes a Transition (src/policy/lifecycle). Pure, so the
// forms' rules are tested without rendering.
import type { Duration, ReviewPlan } from '../../policy/dates/periods';
import type { TermName } from '../../policy/dates/schoolCalendar';
import type {
  DeciderRole,
  RestrictionCase,
  Transition,
  TransitionKind,
  WithoutWarningGround,
} from '../../policy/lifecycle/types';
import type { RestrictionTerms, Term, TermKind } from '../../policy/lifecycle/terms';
import { readAddressEntry } from '../../policy/addressEntry';

/** The duration choices policy 002 §50 names: 3, 6 or 12 months, or to the end of a term. */
export const DURATION_CHOICES = [
  { value: 'm3', label: '3 months' },
  { value: 'm6', label: '6 months' },
  { value: 'm12', label: '12 months' },
  { value: 'autumn', label: 'To the end of the autumn term' },
  { value: 'spring', label: 'To the end of the spring term' },
  { value: 'summer', label: 'To the end of the summer term' },
] as const;
export type DurationChoice = (typeof DURATION_CHOICES)[number]['value'];

export const REVIEW_PLAN_CHOICES: { value: '' | ReviewPlan; label: string }[] = [
  { value: '', label: "The school's usual plan" },
  { value: 'sixMonths', label: 'About every six months (003)' },
  { value: 'termly', label: 'Termly (001)' },
  { value: 'atEnd', label: 'When it ends' },
];

export const GROUND_LABELS: Record<WithoutWarningGround, string> = {
  violence: 'Violence',
  threats: 'Threats',
  stalking: 'Stalking',
  immediateSafety: 'Immediate safety of pupils or staff',
};

/** Terms whose days, times or conditions must be written out. */
export const TERMS_WITH_DETAIL: ReadonlySet<TermKind> = new Set([
  'phoneAtSetTimes',
  'premisesConditions',
]);

export interface FormState {
  deciderName: string;
  deciderRole: DeciderRole;
  reasons: string;
  summary: string;
  behaviour: string;
  whyUnacceptable: string;
  stepsTaken: string;
  whatFollows: string;
  /** Chosen terms (not `other`) and their written detail. */
  terms: Partial<Record<TermKind, string>>;
  /** Free-text terms, one per line (each becomes an `other` term). */
  otherTerms: string;
  spocName: string;
  spocEmail: string;
  staffGuidance: string;
  emergencyNote: string;
  duration: DurationChoice;
  reviewPlan: '' | ReviewPlan;
  withoutWarning: '' | WithoutWarningGround;
  receivedOn: string;
  /** The date on the parent's letter (representations): the chair's 10 days count from it (003). */
  letterDate: string;
  upheld: '' | 'yes' | 'no';
}

export function initialFormState(
  c: RestrictionCase | undefined,
  today: string,
  deciderName = '',
): FormState {
  const current = c?.restriction?.terms;
  const terms: Partial<Record<TermKind, string>> = {};
  const other: string[] = [];
  for (const t of current?.terms ?? []) {
    if (t.kind === 'other') other.push(t.detail ?? '');
    else terms[t.kind] = t.detail ?? '';
  }
  return {
    deciderName,
    deciderRole: 'headTeacher',
    reasons: '',
    summary: '',
    behaviour: '',
    whyUnacceptable: '',
    stepsTaken: '',
    whatFollows: '',
    terms,
    otherTerms: other.join('\n'),
    spocName: current?.spoc.name ?? '',
    spocEmail: current?.spoc.email ?? '',
    staffGuidance: current?.staffGuidance ?? '',
    emergencyNote: current?.emergencyNote ?? '',
    duration: 'm6',
    reviewPlan: '',
    withoutWarning: '',
    receivedOn: today,
    letterDate: '',
    upheld: '',
  };
}

export function durationOf(choice: DurationChoice): Duration {
  if (choice === 'm3') return { kind: 'months', months: 3 };
  if (choice === 'm6') return { kind: 'months', months: 6 };
  if (choice === 'm12') return { kind: 'months', months: 12 };
  return { kind: 'endOfTerm', term: choice as TermName };
}

export function termsOf(state: FormState): RestrictionTerms {
  const terms: Term[] = [];
  for (const [kind, detail] of Object.entries(state.terms) as [TermKind, string | undefined][]) {
    if (detail === undefined || kind === 'other') continue;
    const text = detail.trim();
    terms.push(text === '' ? { kind } : { kind, detail: text });
  }
  for (const line of state.otherTerms.split('\n')) {
    if (line.trim() !== '') terms.push({ kind: 'other', detail: line.trim() });
  }
  const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    terms,
    spoc: spocOf(state),
    ...(optional(state.staffGuidance) ? { staffGuidance: optional(state.staffGuidance) } : {}),
    ...(optional(state.emergencyNote) ? { emergencyNote: optional(state.emergencyNote) } : {}),
  };
}

/**
 * The single point of contact: an address pasted as `Name <address>` (or full-width) is read as
 * its address (issue 13 item 10), and its name fills an empty name box. What cannot be read is
 * passed on as typed, for the lifecycle rules to refuse.
 */
function spocOf(state: FormState): { name: string; email: string } {
  const entry = readAddressEntry(state.spocEmail);
  const name = state.spocName.trim();
  if (entry.kind !== 'address') return { name, email: state.spocEmail.trim() };
  return { name: name || (entry.name ?? ''), email: entry.address };
}

/** The decision the form describes. The lifecycle rules check it (and refuse in plain words). */
export function buildTransition(kind: TransitionKind, s: FormState): Transition {
  const common = {
    decidedBy: { name: s.deciderName.trim(), role: s.deciderRole },
    reasons: s.reasons.trim(),
  };
  const plan = s.reviewPlan === '' ? {} : { reviewPlan: s.reviewPlan };
  switch (kind) {
    case 'recordConcern':
      return { ...common, kind, summary: s.summary.trim() };
    case 'issueWarning':
      return {
        ...common,
        kind,
        behaviour: s.behaviour.trim(),
        whyUnacceptable: s.whyUnacceptable.trim(),
        stepsTaken: s.stepsTaken.trim(),
        ...(s.whatFollows.trim() ? { whatFollows: s.whatFollows.trim() } : {}),
      };
    case 'impose':
      return {
        ...common,
        kind,
        terms: termsOf(s),
        duration: durationOf(s.duration),
        ...plan,
        ...(s.withoutWarning ? { withoutWarning: s.withoutWarning } : {}),
      };
    case 'extend':
      return { ...common, kind, duration: durationOf(s.duration), ...plan };
    case 'vary':
      return { ...common, kind, terms: termsOf(s) };
    case 'recordRepresentations':
      return {
        ...common,
        kind,
        receivedOn: s.receivedOn,
        ...(s.letterDate.trim() ? { letterDate: s.letterDate.trim() } : {}),
      };
    case 'recordAppeal':
      return { ...common, kind, receivedOn: s.receivedOn };
    case 'decideAppeal':
      return { ...common, kind, upheld: s.upheld === 'yes' };
    case 'confirm':
    case 'overturn':
    case 'review':
    case 'end':
      return { ...common, kind };
  }
}

/** The parts of the form each decision needs. */
export function formParts(kind: TransitionKind) {
  return {
    summary: kind === 'recordConcern',
    warning: kind === 'issueWarning',
    terms: kind === 'impose' || kind === 'vary',
    duration: kind === 'impose' || kind === 'extend',
    withoutWarning: kind === 'impose',
    receivedOn: kind === 'recordRepresentations' || kind === 'recordAppeal',
    letterDate: kind === 'recordRepresentations',
    upheld: kind === 'decideAppeal',
  };
}
