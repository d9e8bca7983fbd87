// The school's own calendar: the term dates an admin enters per academic year. There is no national
// source of term dates (DOMAIN.md): each school or local authority sets three terms with their
// half-terms, about 190 pupil days plus up to 5 INSET days, and may close on other days (a polling
// day, snow). Pure data, validation in plain words, and queries. No I/O.
import { addDays, compareLocalDates, isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';
import { isWeekend, type BankHolidayCalendar } from './calendar';

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERM_NAMES)[number];
export const TERM_LABELS: Record<TermName, string> = {
  autumn: 'autumn term',
  spring: 'spring term',
  summer: 'summer term',
};

/** Both ends inclusive. */
export interface DateRange {
  start: LocalDate;
  end: LocalDate;
}

export interface Term extends DateRange {
  /** The half-term holiday inside the term (first to last day off, weekends included or not). */
  halfTerm?: DateRange;
}

export interface Closure extends DateRange {
  /** Plain words for the admin ("Polling day"); never shown to parents. */
  reason?: string;
}

export interface AcademicYear {
  /** `2025-26`: the autumn term starts in the first year. */
  label: string;
  autumn: Term;
  spring: Term;
  summer: Term;
  /** Staff training days: staff are in school, pupils are not. */
  insetDays: LocalDate[];
  /** Other days the school is closed to everyone (inside or outside the terms). */
  closures: Closure[];
}

export interface SchoolCalendar {
  years: AcademicYear[];
}

/**
 * What a day is at the school. `unknown` when no academic year entered covers it: the rules then
 * fall back to working days and say so, rather than guessing the school's holidays.
 */
export type DayKind =
  'weekend' | 'bankHoliday' | 'closure' | 'inset' | 'term' | 'halfTerm' | 'holiday' | 'unknown';

const LABEL = /^(\d{4})-(\d{2})$/;
/** Pupil days in a year in England; validation warns outside a generous band around it. */
export const USUAL_PUPIL_DAYS = 190;
const PUPIL_DAYS_TOLERANCE = 10;
const MAX_INSET_DAYS = 5;

export interface CalendarCheck {
  /** Problems that make the year unusable: it must be corrected before it is saved. */
  problems: string[];
  /** Things worth a second look that do not stop it being saved. */
  warnings: string[];
}

function within(date: LocalDate, range: DateRange): boolean {
  return compareLocalDates(range.start, date) <= 0 && compareLocalDates(date, range.end) <= 0;
}

function labelYears(label: string): [number, number] | undefined {
  const match = LABEL.exec(label);
  if (!match) return undefined;
  const first = Number(match[1]);
  if ((first + 1) % 100 !== Number(match[2])) return undefined;
  return [first, first + 1];
}

// A year saved without its INSET days or closures (both optional to enter) has none of either.
function insetDaysOf(year: AcademicYear): readonly LocalDate[] {
  return Array.isArray(year.insetDays) ? year.insetDays : [];
}
function closuresOf(year: AcademicYear): readonly DateRange[] {
  return Array.isArray(year.closures)
    ? year.closures.filter((c): c is DateRange => typeof c === 'object' && c !== null)
    : [];
}

/** The days the year speaks for: 1 September to 31 August, stretched to any day entered outside. */
export function academicYearSpan(year: AcademicYear): DateRange {
  const years = labelYears(year.label);
  const dates = [
    year.autumn.start,
    year.summer.end,
    ...insetDaysOf(year),
    ...closuresOf(year).flatMap((c) => [c.start, c.end]),
  ].filter((d) => isLocalDate(d));
  let start = years ? `${years[0]}-09-01` : (dates[0] ?? '');
  let end = years ? `${years[1]}-08-31` : (dates[0] ?? '');
  for (const date of dates) {
    if (compareLocalDates(date, start) < 0) start = date;
    if (compareLocalDates(date, end) > 0) end = date;
  }
  return { start, end };
}

function checkRange(range: DateRange | undefined, what: string, problems: string[]): boolean {
  if (range === undefined || range === null || typeof range !== 'object') {
    problems.push(`Enter the ${what}.`);
    return false;
  }
  let ok = true;
  if (!isLocalDate(range.start)) {
    problems.push(`The first day of the ${what} is not a date.`);
    ok = false;
  }
  if (!isLocalDate(range.end)) {
    problems.push(`The last day of the ${what} is not a date.`);
    ok = false;
  }
  if (ok && compareLocalDates(range.end, range.start) < 0) {
    problems.push(`The ${what} ends before it starts.`);
    ok = false;
  }
  return ok;
}

/** Pupil days: weekdays in term, outside half-terms, bank holidays, INSET days and closures. */
export function countPupilDays(year: AcademicYear, bank: BankHolidayCalendar): number {
  const calendar: SchoolCalendar = { years: [year] };
  let count = 0;
  for (const name of TERM_NAMES) {
    const term = year[name];
    for (let day = term.start; compareLocalDates(day, term.end) <= 0; day = addDays(day, 1)) {
      if (dayKind(day, calendar, bank) === 'term') count += 1;
    }
  }
  return count;
}

/**
 * Checks one academic year as an admin entered it. Problems (in plain words) must be put right;
 * warnings are worth a look. With a bank-holiday calendar it also counts the pupil days.
 */
export function validateAcademicYear(
  year: AcademicYear,
  bank?: BankHolidayCalendar,
): CalendarCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  const years = typeof year.label === 'string' ? labelYears(year.label) : undefined;
  if (years === undefined) {
    problems.push(
      'Name the academic year like 2025-26 (the year the autumn term starts, then the next).',
    );
  }
  const termsOk = TERM_NAMES.map((name) => checkRange(year[name], TERM_LABELS[name], problems));
  if (termsOk.every(Boolean)) {
    if (compareLocalDates(year.spring.start, year.autumn.end) <= 0)
      problems.push('The spring term must start after the autumn term ends.');
    if (compareLocalDates(year.summer.start, year.spring.end) <= 0)
      problems.push('The summer term must start after the spring term ends.');
    if (years !== undefined) {
      const autumnYear = Number(year.autumn.start.slice(0, 4));
      const summerYear = Number(year.summer.end.slice(0, 4));
      if (autumnYear !== years[0])
        problems.push(`The autumn term of ${year.label} should start in ${years[0]}.`);
      if (summerYear !== years[1])
        problems.push(`The summer term of ${year.label} should end in ${years[1]}.`);
    }
    for (const name of TERM_NAMES) {
      const term = year[name];
      if (isWeekend(term.start))
        warnings.push(`The ${TERM_LABELS[name]} starts on a weekend day: check the date.`);
      // No half-term entered (absent, or null as JSON writes it).
      if (term.halfTerm === undefined || term.halfTerm === null) continue;
      if (!checkRange(term.halfTerm, `${TERM_LABELS[name]} half-term`, problems)) continue;
      if (!within(term.halfTerm.start, term) || !within(term.halfTerm.end, term))
        problems.push(
          `The ${TERM_LABELS[name]} half-term must fall inside the ${TERM_LABELS[name]}.`,
        );
    }
  }
  const insetDays = Array.isArray(year.insetDays) ? year.insetDays : [];
  const badInset = insetDays.filter((d) => !isLocalDate(d)).length;
  if (badInset > 0)
    problems.push(`${badInset} INSET ${badInset === 1 ? 'day is' : 'days are'} not a date.`);
  if (new Set(insetDays).size !== insetDays.length) problems.push('An INSET day is entered twice.');
  if (insetDays.length > MAX_INSET_DAYS)
    warnings.push(
      `${insetDays.length} INSET days entered; schools in England have up to ${MAX_INSET_DAYS}.`,
    );
  const weekendInset = insetDays.filter((d) => isLocalDate(d) && isWeekend(d)).length;
  if (weekendInset > 0) warnings.push('An INSET day falls on a weekend: check the date.');
  const closures = Array.isArray(year.closures) ? year.closures : [];
  closures.forEach((closure, index) => checkRange(closure, `closure ${index + 1}`, problems));

  if (problems.length === 0 && years !== undefined) {
    const span = academicYearSpan({ ...year, insetDays: [], closures: [] });
    const outside = [...insetDays, ...closures.flatMap((c) => [c.start, c.end])].filter(
      (d) => !within(d, span),
    ).length;
    if (outside > 0)
      problems.push(
        `INSET days and closures must fall between 1 September ${years[0]} and 31 August ${years[1]}.`,
      );
  }
  if (problems.length === 0 && bank !== undefined) {
    const pupilDays = countPupilDays(year, bank);
    if (Math.abs(pupilDays - USUAL_PUPIL_DAYS) > PUPIL_DAYS_TOLERANCE)
      warnings.push(
        `These dates give ${pupilDays} pupil days; schools in England usually have ${USUAL_PUPIL_DAYS}. Check the dates.`,
      );
  }
  return { problems, warnings };
}

/** Checks every year, and that no two years overlap. Messages name the year they are about. */
export function validateSchoolCalendar(
  calendar: SchoolCalendar,
  bank?: BankHolidayCalendar,
): CalendarCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  const years = Array.isArray(calendar?.years) ? calendar.years : [];
  for (const year of years) {
    const check = validateAcademicYear(year, bank);
    const name = typeof year.label === 'string' && year.label !== '' ? year.label : 'A year';
    problems.push(...check.problems.map((p) => `${name}: ${p}`));
    warnings.push(...check.warnings.map((w) => `${name}: ${w}`));
  }
  const labels = years.map((y) => y.label);
  if (new Set(labels).size !== labels.length) problems.push('An academic year is entered twice.');
  const ordered = [...years]
    .filter((y) => isLocalDate(y.autumn?.start) && isLocalDate(y.summer?.end))
    .sort((a, b) => compareLocalDates(a.autumn.start, b.autumn.start));
  for (let i = 1; i < ordered.length; i += 1) {
    const previous = ordered[i - 1]!;
    const current = ordered[i]!;
    if (compareLocalDates(current.autumn.start, previous.summer.end) <= 0)
      problems.push(`${current.label} starts before ${previous.label} ends.`);
  }
  return { problems, warnings };
}

/** The academic year whose span holds the day, if one was entered. */
export function academicYearOn(
  calendar: SchoolCalendar | undefined,
  date: LocalDate,
): AcademicYear | undefined {
  return calendar?.years.find((year) => within(date, academicYearSpan(year)));
}

/** What the day is at the school (see DayKind). Weekends and bank holidays come first. */
export function dayKind(
  date: LocalDate,
  calendar: SchoolCalendar | undefined,
  bank: BankHolidayCalendar,
): DayKind {
  if (isWeekend(date)) return 'weekend';
  if (bank.isBankHoliday(date)) return 'bankHoliday';
  const year = academicYearOn(calendar, date);
  if (year === undefined) return 'unknown';
  if (closuresOf(year).some((closure) => within(date, closure))) return 'closure';
  if (insetDaysOf(year).includes(date)) return 'inset';
  for (const name of TERM_NAMES) {
    const term = year[name];
    if (!within(date, term)) continue;
    return term.halfTerm != null && within(date, term.halfTerm) ? 'halfTerm' : 'term';
  }
  return 'holiday';
}

/** The school is open to staff: a term day or an INSET day. */
export function isSchoolDay(
  date: LocalDate,
  calendar: SchoolCalendar | undefined,
  bank: BankHolidayCalendar,
): boolean {
  const kind = dayKind(date, calendar, bank);
  return kind === 'term' || kind === 'inset';
}

/** A weekday that is not a bank holiday (school holidays count). */
export function isWorkingDay(date: LocalDate, bank: BankHolidayCalendar): boolean {
  return !isWeekend(date) && !bank.isBankHoliday(date);
}

export interface TermRef {
  year: AcademicYear;
  name: TermName;
  term: Term;
}

function allTerms(calendar: SchoolCalendar | undefined): TermRef[] {
  const terms = (calendar?.years ?? []).flatMap((year) =>
    TERM_NAMES.map((name) => ({ year, name, term: year[name] })),
  );
  return terms
    .filter((t) => isLocalDate(t.term?.start) && isLocalDate(t.term?.end))
    .sort((a, b) => compareLocalDates(a.term.start, b.term.start));
}

/** The term the day falls in (half-term days included), if any. */
export function termOn(calendar: SchoolCalendar | undefined, date: LocalDate): TermRef | undefined {
  return allTerms(calendar).find((t) => within(date, t.term));
}

/** The term the day falls in, or else the next one to start; undefined when none is entered. */
export function currentOrNextTerm(
  calendar: SchoolCalendar | undefined,
  date: LocalDate,
): TermRef | undefined {
  return allTerms(calendar).find((t) => compareLocalDates(date, t.term.end) <= 0);
}

/**
 * The last day of the current or next term with this name: the current one when the day is in it,
 * otherwise the next to end. Undefined when no such term is entered (the admin must add the year).
 */
export function endOfTerm(
  calendar: SchoolCalendar | undefined,
  name: TermName,
  from: LocalDate,
): LocalDate | undefined {
  return allTerms(calendar).find((t) => t.name === name && compareLocalDates(from, t.term.end) <= 0)
    ?.term.end;
}
