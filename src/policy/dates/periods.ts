// How long a restriction lasts and when it is reviewed (policy 002 §50 and §52: "3, 6 or 12 months
// or linked to the end of Autumn, Spring or Summer terms"; policy 001: "between 3 and 6 months ...
// reviewed on a termly basis" when extended; policy 003: reviewed "after approximately six months
// (and every six months after that)"). Pure; dates are London calendar days.
//
// Months: a restriction of N months starting on day D runs up to and including the day before the
// same date N months later (EndDate is inclusive, DOMAIN.md), so 3 months from 15 January 2026 ends
// on 14 April 2026 and a restriction never runs a day longer than the months the letter names.
// When that date does not exist (31 January + 1 month), the period runs to the end of the shorter
// month: 1 month from 31 January 2026 ends on 28 February 2026; 12 months from 29 February 2024
// ends on 28 February 2025.
import { addDays, compareLocalDates, isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';
import { formatLongDate as formatDay } from './format';
import {
  TERM_LABELS,
  TERM_NAMES,
  currentOrNextTerm,
  endOfTerm,
  type SchoolCalendar,
  type TermName,
} from './schoolCalendar';

export const DURATION_MONTHS = [3, 6, 12] as const;
export type DurationMonths = (typeof DURATION_MONTHS)[number];

export type Duration =
  { kind: 'months'; months: DurationMonths } | { kind: 'endOfTerm'; term: TermName };

export type PeriodResult = { ok: true; date: LocalDate } | { ok: false; message: string };

function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

function parts(date: LocalDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function format(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The same day of the month `months` months later, or the last day of that month when it is
 * shorter (31 August + 6 months = 28 or 29 February). Used for review dates.
 */
export function sameDateMonthsLater(date: LocalDate, months: number): LocalDate {
  if (!isLocalDate(date) || !Number.isInteger(months)) {
    throw new RangeError(
      'sameDateMonthsLater needs a YYYY-MM-DD date and a whole number of months',
    );
  }
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The last day (inclusive) of a period of `months` months that starts on `start` (see above). */
export function monthsPeriodEnd(start: LocalDate, months: number): LocalDate {
  if (!isLocalDate(start) || !Number.isInteger(months) || months < 1) {
    throw new RangeError('monthsPeriodEnd needs a YYYY-MM-DD date and at least one month');
  }
  const [, , day] = parts(start);
  const later = sameDateMonthsLater(start, months);
  // The same date exists: the period ends the day before it. It does not: the month is shorter,
  // so the period takes all of it.
  return Number(later.slice(8, 10)) === day ? addDays(later, -1) : later;
}

export function durationLabel(duration: Duration): string {
  return duration.kind === 'months'
    ? `${duration.months} months`
    : `until the end of the ${TERM_LABELS[duration.term]}`;
}

export function isDuration(value: unknown): value is Duration {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as { kind?: unknown; months?: unknown; term?: unknown };
  if (d.kind === 'months') return (DURATION_MONTHS as readonly unknown[]).includes(d.months);
  if (d.kind === 'endOfTerm') return (TERM_NAMES as readonly unknown[]).includes(d.term);
  return false;
}

/**
 * The EndDate of a restriction starting on `start`: N months (3, 6 or 12, policy 002 §50), or the
 * last day of the current or next autumn, spring or summer term from the term dates entered.
 */
export function endDateFor(
  start: LocalDate,
  duration: Duration,
  school: SchoolCalendar | undefined,
): PeriodResult {
  if (!isLocalDate(start)) return { ok: false, message: 'The start date is not a date.' };
  if (!isDuration(duration)) {
    return {
      ok: false,
      message:
        'Choose a duration: 3, 6 or 12 months, or to the end of the autumn, spring or summer term.',
    };
  }
  if (duration.kind === 'months')
    return { ok: true, date: monthsPeriodEnd(start, duration.months) };
  const end = endOfTerm(school, duration.term, start);
  if (end === undefined) {
    return {
      ok: false,
      message: `The school's term dates do not include the next ${TERM_LABELS[duration.term]}. Ask the admin to enter them, or choose a number of months.`,
    };
  }
  return { ok: true, date: end };
}

/** A restriction starts at most this many days after the decision (a later start is refused). */
export const LATEST_START_DAYS = 28;

/**
 * Plain problems with a restriction's period, or none: a start before the decision or more than
 * LATEST_START_DAYS after it (a decision about behaviour weeks away is made nearer the time, when
 * the letter and the review can fit it), an end that is not after the start (a term that ends on
 * the day it would start gives a one-day restriction), and an end past the longest term the
 * school's policy allows, counted from `from` (the start, or the review that extends it).
 */
export function periodProblems(p: {
  decidedOn: LocalDate;
  start: LocalDate;
  end: LocalDate;
  from: LocalDate;
  longestMonths: number;
}): string[] {
  const problems: string[] = [];
  const latestStart = addDays(p.decidedOn, LATEST_START_DAYS);
  if (compareLocalDates(p.start, p.decidedOn) < 0)
    problems.push('A restriction cannot start before today.');
  else if (compareLocalDates(p.start, latestStart) > 0)
    problems.push(
      `A restriction starts within ${LATEST_START_DAYS} days of the decision: ${formatDay(p.start)} is too far ahead (the latest is ${formatDay(latestStart)}). Decide nearer the time.`,
    );
  if (compareLocalDates(p.end, p.start) <= 0)
    problems.push(
      `It would end on ${formatDay(p.end)}, the day it starts: a restriction must last more than a day. Choose a later term or a number of months.`,
    );
  const longest = monthsPeriodEnd(p.from, p.longestMonths);
  if (compareLocalDates(p.end, longest) > 0)
    problems.push(
      `It would end on ${formatDay(p.end)}, after the longest the school's policy allows: ${p.longestMonths} months, to ${formatDay(longest)}. Choose a shorter duration.`,
    );
  return problems;
}

export const REVIEW_PLANS = ['sixMonths', 'termly', 'atEnd'] as const;
/**
 * `sixMonths`: about six months on (003); `termly`: at the end of each term (001, for extended
 * restrictions); `atEnd`: on the EndDate, for a short restriction that ends before either.
 */
export type ReviewPlan = (typeof REVIEW_PLANS)[number];

/** A termly review is at the end of the current term, unless that is sooner than this many days. */
export const TERMLY_REVIEW_MIN_DAYS = 28;

/**
 * The next ReviewDate from `from` under a plan, never after `endDate` (a restriction is reviewed
 * at the latest when it ends; there is no indefinite restriction in any policy).
 */
export function reviewDateFor(
  from: LocalDate,
  plan: ReviewPlan,
  endDate: LocalDate,
  school: SchoolCalendar | undefined,
): PeriodResult {
  if (!isLocalDate(from) || !isLocalDate(endDate))
    return { ok: false, message: 'The dates are not dates.' };
  const cap = (date: LocalDate): PeriodResult => ({
    ok: true,
    date: compareLocalDates(date, endDate) > 0 ? endDate : date,
  });
  if (plan === 'atEnd') return { ok: true, date: endDate };
  if (plan === 'sixMonths') return cap(sameDateMonthsLater(from, 6));
  const earliest = addDays(from, TERMLY_REVIEW_MIN_DAYS);
  // The current term's end when it leaves time to see how the restriction works, else the next.
  const term = currentOrNextTerm(school, earliest);
  if (term === undefined) {
    if (compareLocalDates(endDate, earliest) <= 0) return { ok: true, date: endDate };
    return {
      ok: false,
      message:
        "The school's term dates do not go far enough for a termly review. Ask the admin to enter the next year's term dates.",
    };
  }
  return cap(term.term.end);
}
