// What every transition handler shares: its shape, and the small helpers that turn a decision into
// Contact Restrictions columns and deadlines. Pure.
import { addCountingDays, deemedReceipt } from '../../dates/deadlines';
import { compareLocalDates } from '../../londonDate';
import type { LocalDate } from '../../types';
import type { LifecycleSettings } from '../settings';
import {
  allowedContactText,
  describeTermForPerson,
  emergencyNoteText,
  handlingFor,
  staffGuidanceText,
  type RestrictionTerms,
} from '../terms';
import type {
  CaseDeadline,
  CaseRestriction,
  DeciderRole,
  ListChange,
  RestrictionCase,
  RestrictionFields,
  Stage,
  Transition,
  TransitionContext,
  TransitionKind,
} from '../types';

export const RESTRICTING: ReadonlySet<Stage> = new Set(['provisional', 'active', 'extended']);
const TEXT_MAX = 2000;

export type TransitionOf<K extends TransitionKind> = Extract<Transition, { kind: K }>;

/** What a handler is given: the case, the decision, and what the dispatcher already checked. */
export interface HandlerInput<K extends TransitionKind> {
  c: RestrictionCase;
  t: TransitionOf<K>;
  ctx: TransitionContext;
  today: LocalDate;
  /** The case is a restriction past its end date (only `end` runs then). */
  expired: boolean;
  /** Problems found with who decided and why; a handler adds its own and refuses if any. */
  problems: string[];
  /** A copy of the case (history copied) for the handler to change. */
  next: RestrictionCase;
  itemAction: ListChange['action'];
}

export type HandlerOutcome =
  | { ok: false; message: string; problems: string[] }
  | {
      ok: true;
      toStage: Stage;
      /** The case's open deadlines after the decision, in full (kept, replaced or cleared). */
      deadlines: CaseDeadline[];
      listChange: ListChange | null;
      details: string[];
      /** The audit entry's plain words. */
      what: string;
    };

/** One row of the transition table: where it may start, who decides, and what it does. */
export interface TransitionSpec<K extends TransitionKind> {
  from: readonly Stage[];
  /** Who may take the decision (some depend on the school's settings or the decision itself). */
  deciders: (
    settings: LifecycleSettings,
    t: TransitionOf<K>,
    c: RestrictionCase,
  ) => readonly DeciderRole[];
  /** "You cannot <verb>". */
  verb: string;
  /** Refused with "this restriction ended on ..." once the restriction is past its end date. */
  refusedOnceExpired?: boolean;
  /** Allowed on a restriction past its end date, whatever its recorded stage. */
  allowedOnceExpired?: boolean;
  /** Why the case's stage refuses it, when a plainer message than the generic one fits. */
  stageRefusal?: (c: RestrictionCase) => string | undefined;
  apply: (input: HandlerInput<K>) => HandlerOutcome;
}

export type TransitionTable = { [K in TransitionKind]: TransitionSpec<K> };

export function refusal(message: string, problems: string[] = []): HandlerOutcome {
  return { ok: false, message, problems };
}

export function required(value: string | undefined, message: string, problems: string[]): string {
  const text = (value ?? '').trim();
  if (text === '') problems.push(message);
  else if (text.length > TEXT_MAX)
    problems.push(`${message.replace(/\.$/, '')}: the most is ${TEXT_MAX} characters.`);
  return text;
}

export function deadline(
  kind: CaseDeadline['kind'],
  due: LocalDate,
  notes: string[] = [],
): CaseDeadline {
  return { kind, due, notes };
}

export function isImposed(c: RestrictionCase): boolean {
  return c.restriction !== undefined && RESTRICTING.has(c.stage);
}

export function termFields(terms: RestrictionTerms): RestrictionFields {
  return {
    Handling: handlingFor(terms.terms),
    SpocName: terms.spoc.name.trim(),
    SpocEmail: terms.spoc.email.trim().toLowerCase(),
    AllowedContact: allowedContactText(terms),
    StaffGuidance: staffGuidanceText(terms),
    EmergencyNote: emergencyNoteText(terms),
  };
}

export function restrictionFields(
  person: RestrictionCase['person'],
  r: CaseRestriction,
  status: 'Provisional' | 'Active' | 'Extended',
): RestrictionFields {
  return {
    Title: person.name.trim(),
    Emails: person.emails.join('\n'),
    Status: status,
    StartDate: r.startDate,
    EndDate: r.endDate,
    ReviewDate: r.reviewDate,
    ...termFields(r.terms),
  };
}

export function statusFor(stage: Stage): 'Provisional' | 'Active' | 'Extended' {
  return stage === 'provisional' ? 'Provisional' : stage === 'extended' ? 'Extended' : 'Active';
}

/** Where a window's count starts: the letter's date, or its deemed receipt when posted. */
function receivedOn(ctx: TransitionContext): { date: LocalDate; notes: string[] } {
  return deemedReceipt(ctx.today, ctx.settings.letterDelivery ?? 'email', ctx.dates);
}

export function appealDeadline(ctx: TransitionContext): CaseDeadline[] {
  if (ctx.settings.appealDays === null) return [];
  const from = receivedOn(ctx);
  const due = addCountingDays(from.date, ctx.settings.appealDays, ctx.dates);
  return [deadline('appeal', due.date, [...from.notes, ...due.notes])];
}

export function termLines(terms: RestrictionTerms): string[] {
  return terms.terms.map((term) => describeTermForPerson(term, terms.spoc));
}

/** Whether a received date was after a window (the case's open deadline of that kind) closed. */
export function lateFor(c: RestrictionCase, kind: CaseDeadline['kind'], on: LocalDate): boolean {
  const window = c.deadlines.find((d) => d.kind === kind);
  return window !== undefined && compareLocalDates(on, window.due) > 0;
}
