// The edges of the date rules a letter relies on: periods and reviews (002 §50, 003), counted
// windows (003 Level 3, 000 §7.1), the bank holidays of England and Wales, and dates in words.
import { createBankHolidayCalendar } from '../../../src/policy/dates/bankHolidays';
import {
  addCountingDays,
  countsAsDay,
  formatLongDate,
  formatWeekdayDate,
  isDuration,
  monthsPeriodEnd,
  reviewDateFor,
  sameDateMonthsLater,
  type DateRules,
} from '../../../src/policy/dates';
import { SCHOOL } from './fixtures';

const bankHolidays = createBankHolidayCalendar();
const working: DateRules = { bankHolidays, school: SCHOOL, counting: 'workingDays' };

describe('periods: months and reviews', () => {
  it('a year written with leading zeros keeps its four digits, so the result is still a date', () => {
    expect(sameDateMonthsLater('0999-01-15', 1)).toBe('0999-02-15');
    expect(monthsPeriodEnd('0999-01-15', 1)).toBe('0999-02-14');
  });

  it('002 §50: a period of no months, part of a month or from a day that is not a date is refused, saying why', () => {
    const why = 'monthsPeriodEnd needs a YYYY-MM-DD date and at least one month';
    expect(() => monthsPeriodEnd('2026-03-02', 0)).toThrow(why);
    expect(() => monthsPeriodEnd('2026-03-02', -3)).toThrow(why);
    expect(() => monthsPeriodEnd('2026-03-02', 1.5)).toThrow(why);
    expect(() => monthsPeriodEnd('2 March', 3)).toThrow(why);
    expect(() => sameDateMonthsLater('2 March', 3)).toThrow(
      'sameDateMonthsLater needs a YYYY-MM-DD date and a whole number of months',
    );
  });

  it('002 §50: nothing at all is not a duration', () => {
    expect(isDuration(undefined)).toBe(false);
    expect(isDuration(null)).toBe(false);
  });

  it('a review "at the end" is on the EndDate, even when a term ends before it', () => {
    // The summer term 2026 ends on 22 July, long before this restriction ends.
    expect(reviewDateFor('2026-03-02', 'atEnd', '2027-03-01', SCHOOL)).toEqual({
      ok: true,
      date: '2027-03-01',
    });
  });
});

describe('counted windows', () => {
  it('a weekend or bank holiday never counts, and is never taken as an assumption', () => {
    const noTermDates: DateRules = { bankHolidays, counting: 'schoolDays' };
    expect(countsAsDay('2026-03-07', noTermDates)).toEqual({ counts: false, assumed: false });
    expect(countsAsDay('2026-04-03', noTermDates)).toEqual({ counts: false, assumed: false });
    expect(countsAsDay('2026-03-09', noTermDates)).toEqual({ counts: true, assumed: true });
  });

  it('counts up to 260 working days (a year); one more is refused, saying why', () => {
    // 52 weeks of weekdays from Monday 2 March 2026, plus the 8 bank holidays skipped on the way.
    expect(addCountingDays('2026-03-02', 260, working)).toEqual({ date: '2027-03-11', notes: [] });
    expect(() => addCountingDays('2026-03-02', 261, working)).toThrow(
      'addCountingDays needs a YYYY-MM-DD date and 0 to 260 days',
    );
  });
});

describe('bank holidays of England and Wales', () => {
  it("Mother's Day, Easter Sunday and Father's Day are observances, not bank holidays", () => {
    expect(bankHolidays.nameOf('2026-03-15')).toBeUndefined();
    expect(bankHolidays.isBankHoliday('2026-04-05')).toBe(false);
    expect(bankHolidays.nameOf('2026-06-21')).toBeUndefined();
    expect(bankHolidays.nameOf('2026-04-06')).toMatch(/easter monday/i);
  });

  it('a missing date (nothing read from a list) is no holiday, and does not throw', () => {
    expect(bankHolidays.nameOf(null as never)).toBeUndefined();
    expect(bankHolidays.isBankHoliday(undefined as never)).toBe(false);
  });
});

describe('dates in words', () => {
  it('a date that is not a date is refused, saying which rule refused it', () => {
    expect(() => formatLongDate('2026-02-30')).toThrow('formatLongDate needs a YYYY-MM-DD date');
    expect(() => formatWeekdayDate('soon')).toThrow('formatWeekdayDate needs a YYYY-MM-DD date');
  });
});
