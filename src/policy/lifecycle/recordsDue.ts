// What the records themselves make due (issue 14, items 6 and 7), beside the deadlines of
// due.ts: a threat, violence or stalking the police have not been told of (002 §33), the chair of
// governors to be told of a letter (002 §49), the chair of the Local Area Group kept informed of
// every decision (004 Actions), behaviour that continued under a restriction (002
// §63), and Contact Restrictions items edited by hand so that they break the policies' rules (no
// restriction without a review date or longer than the longest term; a warning is not for all
// staff). Pure: the events, cases and list items come in, "today" is the school's date.
import { isInForce } from '../activeness';
import { sameDateMonthsLater } from '../dates/periods';
import { REPORTED_BEHAVIOURS, type Behaviour, type InformedAnswer } from '../events';
import { addDays, compareLocalDates, isLocalDate, londonDateOf } from '../londonDate';
import { normalizeAddress } from '../addresses';
import type { LocalDate, Restriction } from '../types';
import { DEFAULT_LIFECYCLE_SETTINGS } from './settings';
import type { CaseNotice, DecisionRecord, RestrictionCase, TransitionKind } from './types';

export const RECORDS_DUE_KINDS = [
  'reportToPolice',
  'notifyChair',
  'notifyLocalAreaGroup',
  'escalation',
  'noReviewDate',
  'endsBeyondLongestTerm',
  'warningOnStaffList',
] as const;
export type RecordsDueKind = (typeof RECORDS_DUE_KINDS)[number];

export const RECORDS_DUE_LABELS: Record<RecordsDueKind, string> = {
  reportToPolice:
    'A threat, violence or stalking was recorded and the police have not been told: it is always reported (002 §33; 000 §2.3)',
  notifyChair:
    'A letter went to the parent: the head teacher notifies the chair of governors (002 §49)',
  notifyLocalAreaGroup:
    'A decision was made in this case: the head teacher or senior leadership team informs the chair of the Local Area Group (004 Actions: "kept informed at all times")',
  escalation:
    'Unacceptable behaviour has continued under the restriction: the head teacher, with the chair of governors, may escalate the case to the County Council (002 §63)',
  noReviewDate:
    'In force on the Contact Restrictions list with no review date: set one (no restriction is indefinite: 002 §50, 000 §6.4)',
  endsBeyondLongestTerm:
    "Ends further ahead than the school's longest term: no restriction is indefinite; correct the end date (002 §50, §52)",
  warningOnStaffList:
    'A warning is on the Contact Restrictions list, which all staff read: delete the item; the warning is kept in the case (002 §51)',
};

/** Settings of these rules; where the schools' policies differ (docs/review.md). */
export interface RecordsDueSettings {
  /**
   * The longest a restriction may run, in months from today. 002 §50/§52: 3, 6 or 12 months (or
   * to a term's end); 001: 3 to 6 months, extended only in exceptional cases; 000, 003 and 004
   * name no longest term. One setting with the lifecycle's (LifecycleSettings.longestTermMonths,
   * the Settings key LongestTermMonths): what may be imposed is what the due list allows.
   */
  longestTermMonths: number;
  /** 002 §49: the chair is told of every letter to the parent (003's letters are cc'd to the chair). */
  notifyChairOfLetters: boolean;
  /** 002 §63 names the County Council; false where the school's policy names no escalation. */
  escalation: boolean;
  /** 004 Actions: the chair of the Local Area Group is kept informed; only 004 names one. */
  notifyLocalAreaGroup: boolean;
}

export const DEFAULT_RECORDS_DUE_SETTINGS: RecordsDueSettings = {
  longestTermMonths: DEFAULT_LIFECYCLE_SETTINGS.longestTermMonths,
  notifyChairOfLetters: true,
  escalation: true,
  notifyLocalAreaGroup: false,
};

/** The parts of a contact event these rules read (src/graph/repositories/eventsQueries.ts). */
export interface RecordedEvent {
  occurredAt: string;
  personName?: string;
  personEmail?: string;
  behaviours: readonly Behaviour[];
  policeInformed?: InformedAnswer;
}

/** One thing the records make due; shaped like due.ts's DueItem minus the day counts. */
export interface RecordsDue {
  kind: RecordsDueKind;
  personName: string;
  caseId?: string;
  /**
   * Late items: the day it fell due (a threat's day: it is reported at once; today for a list
   * item). Items to do now, with no deadline of their own (telling the chair, considering an
   * escalation): today.
   */
  due: LocalDate;
  state: 'late' | 'due';
  /** The day it arose, when that is not `due` (the letter's date, the first event's day). */
  since?: LocalDate;
  /** For a reminder to tell someone: whom, and which decision (its index in the case's history). */
  notice?: { to: CaseNotice['to']; decision: number };
}

/** Behaviour that counts as "unacceptable behaviour continues" (002 §63): headings A–D, threats. */
const UNACCEPTABLE: readonly Behaviour[] = [
  'AggressiveOrAbusive',
  'UnreasonableDemands',
  'UnreasonableLevelOfContact',
  'UnreasonableUseOfComplaints',
  ...REPORTED_BEHAVIOURS,
];

/** Decisions that send the parent a letter from the head teacher (002 §48, §50, §65). */
const LETTER_DECISIONS: ReadonlySet<TransitionKind> = new Set([
  'issueWarning',
  'impose',
  'extend',
  'vary',
]);

function dayOf(occurredAt: string): LocalDate | undefined {
  const instant = new Date(occurredAt);
  return Number.isNaN(instant.getTime()) ? undefined : londonDateOf(instant);
}

function nameOf(e: RecordedEvent): string {
  return e.personName?.trim() || e.personEmail?.trim() || '';
}

/** 002 §33: every recorded threat, violence or stalking the police were not told of. */
export function policeReportsDue(events: readonly RecordedEvent[], today: LocalDate): RecordsDue[] {
  const out: RecordsDue[] = [];
  for (const e of events) {
    if (e.policeInformed === 'Yes') continue;
    if (!e.behaviours.some((b) => REPORTED_BEHAVIOURS.includes(b))) continue;
    const day = dayOf(e.occurredAt);
    if (day === undefined || compareLocalDates(day, today) > 0) continue;
    out.push({ kind: 'reportToPolice', personName: nameOf(e), due: day, state: 'late' });
  }
  return out;
}

/** A reminder is shown this many days after the decision; after that it is late until recorded. */
const NOTICE_DAYS = 14;

function told(c: RestrictionCase, to: CaseNotice['to'], decision: number): boolean {
  // Read defensively: the case record is JSON a person could have edited.
  const notices: unknown = c.notices;
  return (
    Array.isArray(notices) &&
    notices.some(
      (n: unknown) =>
        typeof n === 'object' &&
        n !== null &&
        (n as CaseNotice).to === to &&
        (n as CaseNotice).decision === decision,
    )
  );
}

/** A case that is over: its old decisions are not brought back as reminders. */
const CLOSED: ReadonlySet<string> = new Set(['ended', 'overturned']);

/** Decisions that need telling `to`, not yet recorded as told, up to today. */
function noticesDue(
  cases: readonly RestrictionCase[],
  today: LocalDate,
  to: CaseNotice['to'],
  kind: RecordsDueKind,
  needs: (r: DecisionRecord) => boolean,
): RecordsDue[] {
  const lateFrom = addDays(today, -NOTICE_DAYS);
  const out: RecordsDue[] = [];
  for (const c of cases) {
    c.history.forEach((r, decision) => {
      if (!needs(r) || !isLocalDate(r.decidedOn)) return;
      if (compareLocalDates(r.decidedOn, today) > 0 || told(c, to, decision)) return;
      const late = compareLocalDates(r.decidedOn, lateFrom) < 0;
      // A closed case's reminders last the 14 days; an open case's stay until recorded.
      if (late && CLOSED.has(c.stage)) return;
      out.push({
        kind,
        personName: c.person.name,
        ...(c.id ? { caseId: c.id } : {}),
        due: late ? addDays(r.decidedOn, NOTICE_DAYS) : today,
        state: late ? 'late' : 'due',
        since: r.decidedOn,
        notice: { to, decision },
      });
    });
  }
  return out;
}

/** Decisions, not receipts: a concern, representations or an appeal received are not decided. */
function isLagDecision(kind: TransitionKind): boolean {
  return kind !== 'recordConcern' && kind !== 'recordRepresentations' && kind !== 'recordAppeal';
}

/** 002 §49: the head teacher's letter decisions (never a decision the chair or board made). */
function needsChair(r: DecisionRecord): boolean {
  return (
    LETTER_DECISIONS.has(r.transition) &&
    r.decidedBy.role !== 'chairOfGovernors' &&
    r.decidedBy.role !== 'governingBoard'
  );
}

/**
 * 002 §49: the chair of governors is told of each letter the head teacher writes to the parent.
 * Due from the letter's date until a reviewer records that the chair was told (recordNotice);
 * late after 14 days. Never for a decision the chair or the board made.
 */
export function chairNotificationsDue(
  cases: readonly RestrictionCase[],
  today: LocalDate,
  settings: RecordsDueSettings = DEFAULT_RECORDS_DUE_SETTINGS,
): RecordsDue[] {
  if (!settings.notifyChairOfLetters) return [];
  return noticesDue(cases, today, 'chairOfGovernors', 'notifyChair', needsChair);
}

/**
 * 004 Actions: "The Head and SLT will keep the Chair of the Local Area Group (LAG) informed at all
 * times." Every decision in a case (a warning, an imposition, a confirmation, a review, an end),
 * whoever made it, until a reviewer records that the chair of the LAG was told; late after 14 days.
 */
export function localAreaGroupNotificationsDue(
  cases: readonly RestrictionCase[],
  today: LocalDate,
  settings: RecordsDueSettings = DEFAULT_RECORDS_DUE_SETTINGS,
): RecordsDue[] {
  if (!settings.notifyLocalAreaGroup) return [];
  return noticesDue(cases, today, 'localAreaGroup', 'notifyLocalAreaGroup', (r) =>
    isLagDecision(r.transition),
  );
}

export type NoticeResult = { ok: true; case: RestrictionCase } | { ok: false; problem: string };

/**
 * Records that the chair (of governors, or of the LAG) was told of a decision, on `toldOn`, by
 * `recordedBy`. Refused, in plain words, for a decision that is not there, one that needs no such
 * notice, one already recorded, or a day that is not a date, is in the future or before the decision.
 */
export function recordNotice(
  c: RestrictionCase,
  notice: CaseNotice,
  today: LocalDate,
): NoticeResult {
  const r = Number.isInteger(notice.decision) ? c.history[notice.decision] : undefined;
  if (r === undefined) return { ok: false, problem: 'That decision is not in this case.' };
  if (notice.to === 'localAreaGroup' && !isLagDecision(r.transition))
    return { ok: false, problem: 'That is a record, not a decision to tell of.' };
  if (notice.to === 'chairOfGovernors' && !needsChair(r))
    return {
      ok: false,
      problem: 'The chair of governors is told only of the head teacher’s letters.',
    };
  if (told(c, notice.to, notice.decision))
    return { ok: false, problem: 'That has already been recorded.' };
  if (!isLocalDate(notice.toldOn)) return { ok: false, problem: 'The day told is not a date.' };
  if (compareLocalDates(notice.toldOn, today) > 0)
    return { ok: false, problem: 'The day told cannot be in the future.' };
  if (isLocalDate(r.decidedOn) && compareLocalDates(notice.toldOn, r.decidedOn) < 0)
    return { ok: false, problem: 'The day told cannot be before the decision.' };
  if (notice.recordedBy.trim() === '')
    return { ok: false, problem: 'Who recorded it is not known.' };
  return { ok: true, case: { ...c, notices: [...(c.notices ?? []), notice] } };
}

function lastDecision(history: readonly DecisionRecord[]): LocalDate | undefined {
  let last: LocalDate | undefined;
  for (const r of history) {
    if (
      isLocalDate(r.decidedOn) &&
      (last === undefined || compareLocalDates(r.decidedOn, last) > 0)
    )
      last = r.decidedOn;
  }
  return last;
}

function belongsTo(e: RecordedEvent, c: RestrictionCase): boolean {
  const email = e.personEmail ? normalizeAddress(e.personEmail) : '';
  if (email !== '') return c.person.emails.some((a) => normalizeAddress(a) === email);
  const name = e.personName?.trim().toLowerCase() ?? '';
  return name !== '' && name === c.person.name.trim().toLowerCase();
}

/**
 * 002 §63: a restriction is in place (provisional, in force or extended) and unacceptable
 * behaviour was recorded after its last decision: the head teacher may, with the chair, escalate.
 * A later decision (a review, a variation) answers it; one item per case, from the first such day.
 */
export function escalationsDue(
  cases: readonly RestrictionCase[],
  events: readonly RecordedEvent[],
  today: LocalDate,
  settings: RecordsDueSettings = DEFAULT_RECORDS_DUE_SETTINGS,
): RecordsDue[] {
  if (!settings.escalation) return [];
  const out: RecordsDue[] = [];
  for (const c of cases) {
    if (c.stage !== 'provisional' && c.stage !== 'active' && c.stage !== 'extended') continue;
    const since = lastDecision(c.history) ?? c.restriction?.startDate;
    if (since === undefined || !isLocalDate(since)) continue;
    let firstDay: LocalDate | undefined;
    for (const e of events) {
      if (!belongsTo(e, c) || !e.behaviours.some((b) => UNACCEPTABLE.includes(b))) continue;
      const day = dayOf(e.occurredAt);
      if (day === undefined || compareLocalDates(day, since) <= 0) continue;
      if (compareLocalDates(day, today) > 0) continue;
      if (firstDay === undefined || compareLocalDates(day, firstDay) < 0) firstDay = day;
    }
    if (firstDay !== undefined)
      out.push({
        kind: 'escalation',
        personName: c.person.name,
        ...(c.id ? { caseId: c.id } : {}),
        due: today,
        state: 'due',
        since: firstDay,
      });
  }
  return out;
}

/**
 * Issue 14 item 7, on the Contact Restrictions list as it is (edited by hand or by another tool):
 * an item in force with no review date, or ending more than the longest term ahead, and any
 * Warning item (a warning restricts nothing, so it is not for every member of staff to read).
 */
export function listItemsDue(
  restrictions: readonly Restriction[],
  today: LocalDate,
  settings: RecordsDueSettings = DEFAULT_RECORDS_DUE_SETTINGS,
): RecordsDue[] {
  const latestEnd = sameDateMonthsLater(today, settings.longestTermMonths);
  const out: RecordsDue[] = [];
  const push = (r: Restriction, kind: RecordsDueKind) =>
    out.push({ kind, personName: r.personName, due: today, state: 'late' });
  for (const r of restrictions) {
    if (r.status === 'Warning') {
      push(r, 'warningOnStaffList');
      continue;
    }
    if (!isInForce(r, today)) continue;
    if (r.reviewDate === undefined || !isLocalDate(r.reviewDate)) push(r, 'noReviewDate');
    if (compareLocalDates(r.endDate, latestEnd) > 0) push(r, 'endsBeyondLongestTerm');
  }
  return out;
}
