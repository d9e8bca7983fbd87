// Dates and windows in the words a letter uses (003: representations "within 10 working days";
// 000 §7.1: an appeal "within 20 working days"): the letter must name the same kind of day the
// deadline was counted in, and never print a date it could not read.
import {
  countingLabel,
  formatLongDate,
  formatWeekdayDate,
  fixedBankHolidayCalendar,
} from '../../../src/policy/dates';

describe('the kind of day a window is counted in', () => {
  it('003, 000 §7.1: working days are named as working days, school days as school days', () => {
    expect(countingLabel('workingDays')).toBe('working days');
    expect(countingLabel('schoolDays')).toBe('school days');
  });
});

describe('dates in words', () => {
  it('a weekday date has no comma and is the same day in every zone', () => {
    expect(formatWeekdayDate('2026-01-01')).toBe('Thursday 1 January 2026');
    expect(formatWeekdayDate('2026-12-31')).toBe('Thursday 31 December 2026');
  });

  it('a date that is not a date is refused, not printed', () => {
    expect(() => formatWeekdayDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatLongDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('a fixed calendar of closure days', () => {
  it('names a closure day given without a name, and ignores entries that are not dates', () => {
    const calendar = fixedBankHolidayCalendar([
      '2026-03-03',
      { date: '2026-05-04', name: 'Early May bank holiday' },
      'next Friday',
    ]);
    expect(calendar.nameOf('2026-03-03')).toBe('Closure day');
    expect(calendar.nameOf('2026-05-04')).toBe('Early May bank holiday');
    expect(calendar.isBankHoliday('2026-03-04')).toBe(false);
    expect(calendar.nameOf('next Friday')).toBeUndefined();
    expect(calendar.isBankHoliday('next Friday')).toBe(false);
  });
});
