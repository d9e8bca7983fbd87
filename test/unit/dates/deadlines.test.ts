import { createBankHolidayCalendar } from '../../../src/policy/dates/bankHolidays';
import {
  addCountingDays,
  appealDue,
  chairAnswerDue,
  countingDaysBetween,
  deemedReceipt,
  endDateFor,
  fixedBankHolidayCalendar,
  formatLongDate,
  formatWeekdayDate,
  monthsPeriodEnd,
  representationsDue,
  reviewDateFor,
  reviewOutcomeDue,
  sameDateMonthsLater,
  type DateRules,
} from '../../../src/policy/dates';
import { readSharePointDate, todayInLondon } from '../../../src/policy/londonDate';
import { SCHOOL } from './fixtures';

const bankHolidays = createBankHolidayCalendar();
const working: DateRules = { bankHolidays, school: SCHOOL, counting: 'workingDays' };
const schoolDays: DateRules = { bankHolidays, school: SCHOOL, counting: 'schoolDays' };

describe('working days across bank holidays', () => {
  it('does not count the start day; 0 days is the start day itself', () => {
    expect(addCountingDays('2026-03-02', 1, working).date).toBe('2026-03-03');
    expect(addCountingDays('2026-03-02', 0, working).date).toBe('2026-03-02');
  });

  it('skips weekends: from a Friday, or a letter dated on a Saturday', () => {
    expect(addCountingDays('2026-03-06', 1, working).date).toBe('2026-03-09');
    expect(addCountingDays('2026-03-07', 1, working).date).toBe('2026-03-09');
    expect(addCountingDays('2026-03-02', 10, working).date).toBe('2026-03-16');
  });

  it('skips the State Funeral (19 September 2022), a one-off bank holiday', () => {
    expect(addCountingDays('2022-09-16', 1, working).date).toBe('2022-09-20');
    expect(addCountingDays('2022-09-12', 10, working).date).toBe('2022-09-27');
  });

  it('skips the Coronation (8 May 2023) and the early May bank holiday', () => {
    expect(addCountingDays('2023-04-28', 1, working).date).toBe('2023-05-02');
    expect(addCountingDays('2023-05-05', 1, working).date).toBe('2023-05-09');
    expect(addCountingDays('2023-04-28', 10, working).date).toBe('2023-05-16');
  });

  it('skips the substitute days of Christmas 2027 (27 and 28 December)', () => {
    expect(addCountingDays('2027-12-24', 1, working).date).toBe('2027-12-29');
    expect(addCountingDays('2027-12-20', 10, working).date).toBe('2028-01-06');
  });

  it('skips extra closure days the school adds for a one-off holiday the library lacks', () => {
    const rules: DateRules = {
      ...working,
      bankHolidays: createBankHolidayCalendar({ extraClosures: ['2026-06-15'] }),
    };
    expect(addCountingDays('2026-06-12', 1, working).date).toBe('2026-06-15');
    expect(addCountingDays('2026-06-12', 1, rules).date).toBe('2026-06-16');
  });

  it('counts across both clock changes without moving a day', () => {
    // 29 March 2026 (clocks go forward) and 25 October 2026 (clocks go back) are Sundays.
    expect(addCountingDays('2026-03-27', 1, working).date).toBe('2026-03-30');
    expect(addCountingDays('2026-10-23', 1, working).date).toBe('2026-10-26');
    expect(addCountingDays('2026-10-23', 5, working).date).toBe('2026-10-30');
    // Whatever the zone of the computer, "today" is the London day at the instant.
    expect(todayInLondon(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // GMT
    expect(todayInLondon(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30'); // BST: 00:30
    expect(todayInLondon(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25'); // BST: 00:30
    expect(todayInLondon(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // GMT again
  });

  it('reads a SharePoint summer date-only value (previous day 23:00Z) as the intended day', () => {
    const letterDate = readSharePointDate('2026-06-04T23:00:00Z');
    expect(letterDate).toBe('2026-06-05');
    expect(representationsDue(letterDate!, working).date).toBe('2026-06-19');
    expect(readSharePointDate('2026-12-02T00:00:00Z')).toBe('2026-12-02');
  });

  it('refuses nonsense that only a programming error could give', () => {
    expect(() => addCountingDays('2026-02-30', 1, working)).toThrow(RangeError);
    expect(() => addCountingDays('2026-03-02', -1, working)).toThrow(RangeError);
    expect(() => addCountingDays('2026-03-02', 1.5, working)).toThrow(RangeError);
    expect(() => addCountingDays('2026-03-02', 1000, working)).toThrow(RangeError);
  });
});

describe('school days: the school holidays on or off', () => {
  it('10 days from a letter before Easter: working days vs school days', () => {
    // Working days: 23-27 March, 30 March-2 April, then Good Friday and Easter Monday skipped.
    expect(addCountingDays('2026-03-20', 10, working).date).toBe('2026-04-07');
    // School days: the Easter holiday runs 28 March to 12 April.
    expect(addCountingDays('2026-03-20', 10, schoolDays).date).toBe('2026-04-17');
  });

  it('skips half-term and closures in school days, not in working days', () => {
    expect(addCountingDays('2025-10-24', 1, working).date).toBe('2025-10-27');
    expect(addCountingDays('2025-10-24', 1, schoolDays).date).toBe('2025-11-03');
    expect(addCountingDays('2026-05-06', 1, schoolDays).date).toBe('2026-05-08');
  });

  it('counts INSET days as school days (staff are in school)', () => {
    expect(addCountingDays('2025-08-29', 1, schoolDays).date).toBe('2025-09-01');
  });

  it('counts days without term dates as working days, and says so', () => {
    const result = addCountingDays('2027-07-19', 10, schoolDays);
    // 20, 21 July are term days; 22 July to 31 August is the summer holiday (known to 2026-27).
    // 1 September 2027 onwards: no term dates entered.
    expect(result.date).toBe('2027-09-10');
    expect(result.notes).toEqual([
      'No term dates are entered for 2027-09-01 to 2027-09-10: those days were counted as working days.',
    ]);
    expect(addCountingDays('2026-03-02', 10, schoolDays).notes).toEqual([]);
    const none = addCountingDays('2026-03-02', 1, { bankHolidays, counting: 'schoolDays' });
    expect(none).toEqual({
      date: '2026-03-03',
      notes: ['No term dates are entered for 2026-03-03: it was counted as a working day.'],
    });
  });

  it('counts the days left between two dates', () => {
    expect(countingDaysBetween('2026-03-20', '2026-04-07', working)).toBe(10);
    expect(countingDaysBetween('2026-03-20', '2026-04-07', schoolDays)).toBe(5);
    expect(countingDaysBetween('2026-04-07', '2026-03-20', working)).toBe(0);
  });
});

describe('the windows of the policies', () => {
  it('representations within 10 working days of the letter, the answer within 10 of them (003)', () => {
    expect(representationsDue('2026-03-02', working).date).toBe('2026-03-16');
    expect(chairAnswerDue('2026-03-16', working).date).toBe('2026-03-30');
  });

  it('an appeal within 20 working days of receiving the decision (000 §7.1)', () => {
    expect(appealDue('2026-03-02', working).date).toBe('2026-03-30');
    // Over Easter: 20 working days from 20 March skip Good Friday and Easter Monday.
    expect(appealDue('2026-03-20', working).date).toBe('2026-04-21');
  });

  it('a posted letter is received on the second working day; email or by hand the same day', () => {
    expect(deemedReceipt('2026-04-02', 'post', schoolDays).date).toBe('2026-04-08');
    expect(deemedReceipt('2026-04-02', 'email', schoolDays).date).toBe('2026-04-02');
    expect(deemedReceipt('2026-04-02', 'hand', working).date).toBe('2026-04-02');
  });

  it("the review's outcome within 10 calendar days of the meeting (003)", () => {
    expect(reviewOutcomeDue('2026-12-20')).toBe('2026-12-30');
  });
});

describe('months', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-14'],
    ['2026-01-15', 6, '2026-07-14'],
    ['2026-01-15', 12, '2027-01-14'],
    ['2026-03-01', 1, '2026-03-31'], // across the spring clock change
    ['2026-09-25', 1, '2026-10-24'],
    ['2026-10-25', 3, '2027-01-24'], // the autumn clock change day itself
    ['2026-01-31', 1, '2026-02-28'], // 31 February does not exist: all of February
    ['2025-11-30', 3, '2026-02-28'],
    ['2023-11-30', 3, '2024-02-29'], // leap year
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-01', 3, '2027-02-28'],
  ])('%s for %i months ends on %s (inclusive)', (start, months, end) => {
    expect(monthsPeriodEnd(start, months)).toBe(end);
  });

  it('the same date months later, or the end of a shorter month', () => {
    expect(sameDateMonthsLater('2026-08-31', 6)).toBe('2027-02-28');
    expect(sameDateMonthsLater('2026-03-15', 6)).toBe('2026-09-15');
    expect(sameDateMonthsLater('2026-11-15', 2)).toBe('2027-01-15');
    expect(() => monthsPeriodEnd('2026-01-15', 0)).toThrow(RangeError);
  });
});

describe('durations and review dates', () => {
  it('3, 6 or 12 months (002 §50)', () => {
    expect(endDateFor('2026-03-02', { kind: 'months', months: 6 }, SCHOOL)).toEqual({
      ok: true,
      date: '2026-09-01',
    });
    expect(endDateFor('2026-03-02', { kind: 'months', months: 5 } as never, SCHOOL)).toEqual({
      ok: false,
      message:
        'Choose a duration: 3, 6 or 12 months, or to the end of the autumn, spring or summer term.',
    });
  });

  it('to the end of the autumn, spring or summer term', () => {
    expect(endDateFor('2026-03-02', { kind: 'endOfTerm', term: 'spring' }, SCHOOL)).toEqual({
      ok: true,
      date: '2026-03-27',
    });
    expect(endDateFor('2026-03-02', { kind: 'endOfTerm', term: 'summer' }, SCHOOL)).toEqual({
      ok: true,
      date: '2026-07-22',
    });
    expect(endDateFor('2026-03-02', { kind: 'endOfTerm', term: 'autumn' }, SCHOOL)).toEqual({
      ok: true,
      date: '2026-12-18',
    });
    // In the Easter holiday, "the spring term" is next year's.
    expect(endDateFor('2026-04-01', { kind: 'endOfTerm', term: 'spring' }, SCHOOL)).toEqual({
      ok: true,
      date: '2027-03-25',
    });
    const missing = endDateFor('2027-04-01', { kind: 'endOfTerm', term: 'spring' }, SCHOOL);
    expect(missing).toEqual({
      ok: false,
      message:
        "The school's term dates do not include the next spring term. Ask the admin to enter them, or choose a number of months.",
    });
  });

  it('reviews about every six months (003), never after the end', () => {
    expect(reviewDateFor('2026-03-02', 'sixMonths', '2027-03-01', SCHOOL)).toEqual({
      ok: true,
      date: '2026-09-02',
    });
    expect(reviewDateFor('2026-03-02', 'sixMonths', '2026-06-01', SCHOOL)).toEqual({
      ok: true,
      date: '2026-06-01',
    });
    expect(reviewDateFor('2026-03-02', 'atEnd', '2026-06-01', SCHOOL)).toEqual({
      ok: true,
      date: '2026-06-01',
    });
  });

  it('termly reviews (001): the end of this term, or the next when this one ends too soon', () => {
    expect(reviewDateFor('2026-01-12', 'termly', '2027-01-11', SCHOOL)).toEqual({
      ok: true,
      date: '2026-03-27',
    });
    expect(reviewDateFor('2026-03-10', 'termly', '2027-01-11', SCHOOL)).toEqual({
      ok: true,
      date: '2026-07-22',
    });
    expect(reviewDateFor('2026-07-30', 'termly', '2027-01-11', SCHOOL)).toEqual({
      ok: true,
      date: '2026-12-18',
    });
    expect(reviewDateFor('2027-06-30', 'termly', '2028-01-11', SCHOOL).ok).toBe(false);
    expect(reviewDateFor('2027-06-30', 'termly', '2027-07-10', SCHOOL)).toEqual({
      ok: true,
      date: '2027-07-10',
    });
  });
});

describe('dates in words', () => {
  it('writes en-GB long dates, the same in any zone', () => {
    expect(formatLongDate('2026-03-29')).toBe('29 March 2026');
    expect(formatLongDate('2026-10-25')).toBe('25 October 2026');
    expect(formatWeekdayDate('2026-03-13')).toBe('Friday 13 March 2026');
    expect(() => formatLongDate('tomorrow')).toThrow(RangeError);
  });

  it('a fixed calendar can stand in for the library', () => {
    const rules: DateRules = {
      bankHolidays: fixedBankHolidayCalendar(['2026-03-03']),
      counting: 'workingDays',
    };
    expect(addCountingDays('2026-03-02', 1, rules).date).toBe('2026-03-04');
  });
});
