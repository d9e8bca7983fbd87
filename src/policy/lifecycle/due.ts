// The "due and overdue" panel: what falls due in the next days and what is late. Pure. A
// restriction past its review date without a review is overdue, never silently kept (DOMAIN.md:
// fair to the parent); one past its end date that still shows as in force is listed so the record
// is closed; an in-force restriction without an end or review date is listed (no policy allows an
// indefinite restriction).
import { addDays, compareLocalDates, isLocalDate } from '../londonDate';
import { countingDaysBetween, type DateRules } from '../dates/deadlines';
import type { BankHolidayCalendar } from '../dates/calendar';
import type { SchoolCalendar } from '../dates/schoolCalendar';
import type { LocalDate } from '../types';
import { isExpired } from './machine';
import { DEADLINE_LABELS, type DeadlineKind, type RestrictionCase } from './types';
import { RECORDS_DUE_LABELS, type RecordsDue, type RecordsDueKind } from './recordsDue';

export type DueKind =
  DeadlineKind | 'chairDecision' | 'expiredNotClosed' | 'noEndOrReview' | RecordsDueKind;

export interface DueItem {
  caseId?: string;
  personName: string;
  kind: DueKind;
  due: LocalDate;
  /** `late`: the day has passed with nothing recorded; `due`: it falls within the horizon. */
  state: 'late' | 'due';
  /** Calendar days from today (negative when late). */
  daysFromToday: number;
  /** Working or school days left, as the school counts them (0 when late or today). */
  countingDaysLeft: number;
  label: string;
  /** The day it arose, when that is not `due` (a letter's date, the first event's day). */
  since?: LocalDate;
  /** A reminder to tell someone of a decision, which a reviewer records as done (recordsDue.ts). */
  notice?: RecordsDue['notice'];
}

export const DUE_LABELS: Record<DueKind, string> = {
  ...DEADLINE_LABELS,
  chairDecision:
    'The window for representations has closed: the chair of governors confirms or overturns (003)',
  expiredNotClosed: 'Ran to its end date: record that it has ended',
  noEndOrReview: 'In force with no end or review date: set them (no restriction is indefinite)',
  ...RECORDS_DUE_LABELS,
};

/** Deadlines that stay open until something is recorded; the others only matter while ahead. */
const LATE_WHEN_PASSED: ReadonlySet<DeadlineKind> = new Set([
  'review',
  'chairAnswer',
  'warningReview',
]);

function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  const ms = (d: LocalDate) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/**
 * What falls due within `horizonDays` calendar days of today (today included), and what is late,
 * late first (oldest first), then by date. `calendar` and `school` count the working days left.
 */
export function dueItems(
  cases: readonly RestrictionCase[],
  today: LocalDate,
  calendar: BankHolidayCalendar,
  horizonDays = 14,
  options: {
    school?: SchoolCalendar;
    counting?: DateRules['counting'];
    /** What the records make due (recordsDue.ts): listed with the deadlines, each citing its paragraph. */
    records?: readonly RecordsDue[];
  } = {},
): DueItem[] {
  const rules: DateRules = {
    bankHolidays: calendar,
    school: options.school,
    counting: options.counting ?? 'workingDays',
  };
  const horizon = addDays(today, horizonDays);
  const items: DueItem[] = [];
  const push = (c: RestrictionCase, kind: DueKind, due: LocalDate, state: 'late' | 'due') => {
    items.push({
      ...(c.id ? { caseId: c.id } : {}),
      personName: c.person.name,
      kind,
      due,
      state,
      daysFromToday: calendarDaysBetween(today, due),
      countingDaysLeft: countingDaysBetween(today, due, rules),
      label: DUE_LABELS[kind],
    });
  };
  for (const c of cases) {
    const restricting = c.stage === 'provisional' || c.stage === 'active' || c.stage === 'extended';
    if (restricting && isExpired(c, today)) {
      push(c, 'expiredNotClosed', c.restriction!.endDate, 'late');
      continue;
    }
    if (
      restricting &&
      (c.restriction === undefined ||
        !isLocalDate(c.restriction.endDate) ||
        !isLocalDate(c.restriction.reviewDate))
    ) {
      push(c, 'noEndOrReview', today, 'late');
      continue;
    }
    const open = c.stage === 'warning' || restricting;
    if (!open) continue;
    for (const d of c.deadlines) {
      if (!isLocalDate(d.due)) continue;
      if (d.kind === 'warningReview' && c.stage !== 'warning') continue;
      if (compareLocalDates(d.due, today) < 0) {
        if (LATE_WHEN_PASSED.has(d.kind)) push(c, d.kind, d.due, 'late');
        else if (d.kind === 'representations' && c.stage === 'provisional')
          push(c, 'chairDecision', d.due, 'late');
      } else if (compareLocalDates(d.due, horizon) <= 0) {
        push(c, d.kind, d.due, 'due');
      }
    }
    // The review date on the restriction itself decides, whatever the deadline list says.
    const r = c.restriction;
    if (
      restricting &&
      r &&
      !c.deadlines.some((d) => d.kind === 'review') &&
      compareLocalDates(r.reviewDate, horizon) <= 0
    ) {
      push(c, 'review', r.reviewDate, compareLocalDates(r.reviewDate, today) < 0 ? 'late' : 'due');
    }
  }
  for (const r of options.records ?? []) {
    items.push({
      ...(r.caseId ? { caseId: r.caseId } : {}),
      personName: r.personName,
      kind: r.kind,
      due: r.due,
      state: r.state,
      daysFromToday: calendarDaysBetween(today, r.due),
      countingDaysLeft: countingDaysBetween(today, r.due, rules),
      label: DUE_LABELS[r.kind],
      ...(r.since ? { since: r.since } : {}),
      ...(r.notice ? { notice: r.notice } : {}),
    });
  }
  return items.sort((a, b) => {
    if (a.state !== b.state) return a.state === 'late' ? -1 : 1;
    return compareLocalDates(a.due, b.due) || a.personName.localeCompare(b.personName);
  });
}
