// Deadlines counted in working days or school days, and the windows the policies set. Pure: the
// calendars are parameters. How a day is counted:
// - The start day never counts: "within 10 working days of the date of this letter" (policy 003,
//   Appendix 5 and Model Letters 2 and 4) ends on the 10th counting day AFTER the letter's date,
//   whatever day of the week the letter is dated. 0 days gives the start day itself.
// - `workingDays`: Monday to Friday, except the bank holidays of England and Wales and the extra
//   closure days the school has added. School holidays count.
// - `schoolDays`: working days on which the school is open (term days and INSET days, not
//   half-terms, holidays or closures), from the term dates the admin entered. Policies differ
//   (DOMAIN.md), so the school chooses; where no term dates are entered for a day, it is counted as
//   a working day and the result says so in `notes`, rather than guessing the school's holidays.
// - Dates are calendar days in Europe/London: a clock change never moves a deadline.
import { addDays, compareLocalDates, isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';
import type { BankHolidayCalendar } from './calendar';
import { dayKind, type SchoolCalendar } from './schoolCalendar';

export const DAY_COUNTINGS = ['workingDays', 'schoolDays'] as const;
export type DayCounting = (typeof DAY_COUNTINGS)[number];

/** Everything the date rules need: passed in, never looked up. */
export interface DateRules {
  bankHolidays: BankHolidayCalendar;
  school?: SchoolCalendar;
  /** Whether school holidays are skipped in windows such as "10 working days". */
  counting: DayCounting;
}

export interface Deadline {
  date: LocalDate;
  /** Plain words about assumptions made (e.g. no term dates entered); empty when none. */
  notes: string[];
}

/** Longest window counted: a year of counting days. Beyond this the input is a mistake. */
const MAX_COUNTING_DAYS = 260;

export function countingLabel(counting: DayCounting): string {
  return counting === 'schoolDays' ? 'school days' : 'working days';
}

/** Whether a day counts, and whether that was decided without term dates. */
export function countsAsDay(
  date: LocalDate,
  rules: DateRules,
): { counts: boolean; assumed: boolean } {
  const kind = dayKind(date, rules.school, rules.bankHolidays);
  if (kind === 'weekend' || kind === 'bankHoliday') return { counts: false, assumed: false };
  if (rules.counting === 'workingDays') return { counts: true, assumed: false };
  if (kind === 'unknown') return { counts: true, assumed: true };
  return { counts: kind === 'term' || kind === 'inset', assumed: false };
}

function assumedNote(first: LocalDate, last: LocalDate): string {
  return first === last
    ? `No term dates are entered for ${first}: it was counted as a working day.`
    : `No term dates are entered for ${first} to ${last}: those days were counted as working days.`;
}

/**
 * The `days`-th counting day after `start` (the start day itself never counts). Throws RangeError
 * on a bad date or a count outside 0..260, which only a programming error can produce.
 */
export function addCountingDays(start: LocalDate, days: number, rules: DateRules): Deadline {
  if (!isLocalDate(start) || !Number.isInteger(days) || days < 0 || days > MAX_COUNTING_DAYS) {
    throw new RangeError('addCountingDays needs a YYYY-MM-DD date and 0 to 260 days');
  }
  let date = start;
  let counted = 0;
  let firstAssumed: LocalDate | undefined;
  let lastAssumed: LocalDate | undefined;
  while (counted < days) {
    date = addDays(date, 1);
    const { counts, assumed } = countsAsDay(date, rules);
    if (!counts) continue;
    counted += 1;
    if (assumed) {
      firstAssumed ??= date;
      lastAssumed = date;
    }
  }
  const notes = firstAssumed && lastAssumed ? [assumedNote(firstAssumed, lastAssumed)] : [];
  return { date, notes };
}

/** Counting days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countingDaysBetween(from: LocalDate, to: LocalDate, rules: DateRules): number {
  let count = 0;
  for (let day = addDays(from, 1); compareLocalDates(day, to) <= 0; day = addDays(day, 1)) {
    if (countsAsDay(day, rules).counts) count += 1;
  }
  return count;
}

/**
 * The windows in the policies, in counting days unless said otherwise. A school whose policy says
 * otherwise changes them in its settings (src/policy/lifecycle/settings.ts).
 */
export const POLICY_WINDOWS = {
  /** Policy 003, Level 3 and Model Letters 2 and 4: representations to the chair, from the letter's date. */
  representations: 10,
  /** Policy 003, Level 3: the chair answers "within 10 working days of the date of the parent's letter". */
  chairAnswer: 10,
  /** Policy 000 §7.1: appeal to the clerk to governors "within 20 working days of receiving" the decision. */
  appeal: 20,
  /** Policy 003, Appendix 5 Level 1: the parent may send their version of events within 10 working days. */
  versionOfEvents: 10,
  /** Policy 003, Level 3: the review's outcome is sent "within 10 days of the date of the meeting" (calendar days). */
  reviewOutcomeCalendarDays: 10,
} as const;

/** How a letter was sent, for when it is taken to have been received. */
export type DeliveryMethod = 'email' | 'hand' | 'post';

/**
 * The day a letter is taken to be received: the day it is sent by email or by hand, the second
 * working day after posting by post (the rule courts in England use for first class post, CPR
 * 6.26). Post is delivered on working days whatever the school's holidays, so this always counts
 * working days.
 */
export function deemedReceipt(
  sentOn: LocalDate,
  method: DeliveryMethod,
  rules: DateRules,
): Deadline {
  if (method !== 'post') return { date: sentOn, notes: [] };
  return addCountingDays(sentOn, 2, { ...rules, counting: 'workingDays' });
}

/** Representations to the chair of governors: 10 counting days from the letter's date (003). */
export function representationsDue(
  letterDate: LocalDate,
  rules: DateRules,
  days: number = POLICY_WINDOWS.representations,
): Deadline {
  return addCountingDays(letterDate, days, rules);
}

/** The chair's answer: 10 counting days from the date of the parent's representations (003). */
export function chairAnswerDue(
  representationsDate: LocalDate,
  rules: DateRules,
  days: number = POLICY_WINDOWS.chairAnswer,
): Deadline {
  return addCountingDays(representationsDate, days, rules);
}

/** An appeal to the clerk to governors: 20 counting days from receiving the decision (000 §7.1). */
export function appealDue(
  receivedOn: LocalDate,
  rules: DateRules,
  days: number = POLICY_WINDOWS.appeal,
): Deadline {
  return addCountingDays(receivedOn, days, rules);
}

/** The governing board's review outcome: 10 calendar days from the meeting (003, Level 3). */
export function reviewOutcomeDue(meetingDate: LocalDate): LocalDate {
  return addDays(meetingDate, POLICY_WINDOWS.reviewOutcomeCalendarDays);
}
