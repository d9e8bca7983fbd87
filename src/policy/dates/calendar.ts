// The small interfaces the date rules take as parameters. Pure: no library is loaded here, so the
// rules (and their tests) never pull the bank-holiday data into a bundle that does not need it.
import { isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';

/** The bank holidays of England and Wales, plus any extra closure days the school has added. */
export interface BankHolidayCalendar {
  /** True on a bank holiday (substitute days included) or an extra closure day. */
  isBankHoliday(date: LocalDate): boolean;
  /** The holiday's name, for showing why a day was skipped; undefined on an ordinary day. */
  nameOf(date: LocalDate): string | undefined;
}

/** A calendar from a fixed list (tests, or a school that keeps its own list). Bad dates are ignored. */
export function fixedBankHolidayCalendar(
  days: Iterable<LocalDate | { date: LocalDate; name: string }>,
): BankHolidayCalendar {
  const names = new Map<LocalDate, string>();
  for (const day of days) {
    const date = typeof day === 'string' ? day : day.date;
    const name = typeof day === 'string' ? 'Closure day' : day.name;
    if (isLocalDate(date)) names.set(date, name);
  }
  return {
    isBankHoliday: (date) => names.has(date),
    nameOf: (date) => names.get(date),
  };
}

/** 1 = Monday ... 7 = Sunday (ISO 8601), for a `YYYY-MM-DD` day. */
export function isoWeekday(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const weekday = probe.getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}
