import { createBankHolidayCalendar } from '../../../src/policy/dates/bankHolidays';
import { addDays } from '../../../src/policy/londonDate';
import {
  fixedBankHolidayCalendar,
  isWeekend,
  loadBankHolidayCalendar,
} from '../../../src/policy/dates';

// gov.uk's list of bank holidays in England and Wales (the weekday ones: a Saturday Christmas
// is replaced by a substitute Monday or Tuesday, which is what the list shows).
const GOV_UK: Record<number, string[]> = {
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: [
    '2023-01-02',
    '2023-04-07',
    '2023-04-10',
    '2023-05-01',
    '2023-05-08',
    '2023-05-29',
    '2023-08-28',
    '2023-12-25',
    '2023-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};

function weekdayHolidays(year: number, isHoliday: (d: string) => boolean): string[] {
  const found: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    if (!isWeekend(d) && isHoliday(d)) found.push(d);
  }
  return found;
}

describe('bank holidays of England and Wales (date-holidays)', () => {
  const calendar = createBankHolidayCalendar();

  it.each(Object.keys(GOV_UK).map(Number))('match the gov.uk list for %i', (year) => {
    expect(weekdayHolidays(year, calendar.isBankHoliday)).toEqual(GOV_UK[year]);
  });

  it('knows the one-off days: the State Funeral and the Coronation', () => {
    expect(calendar.isBankHoliday('2022-09-19')).toBe(true);
    expect(calendar.nameOf('2022-09-19')).toMatch(/funeral/i);
    expect(calendar.isBankHoliday('2023-05-08')).toBe(true);
    expect(calendar.nameOf('2023-05-08')).toMatch(/coronation/i);
  });

  it('knows substitute days (Christmas 2027 on a Saturday)', () => {
    expect(calendar.isBankHoliday('2027-12-27')).toBe(true);
    expect(calendar.isBankHoliday('2027-12-28')).toBe(true);
    expect(calendar.nameOf('2027-12-28')).toMatch(/substitute/i);
    expect(calendar.isBankHoliday('2027-12-29')).toBe(false);
  });

  it('is not a Scottish or Northern Irish calendar', () => {
    expect(calendar.isBankHoliday('2026-01-02')).toBe(false); // Scotland only
    expect(calendar.isBankHoliday('2026-03-17')).toBe(false); // Northern Ireland only
    expect(calendar.isBankHoliday('2026-08-03')).toBe(false); // Scotland's summer holiday
  });

  it('adds extra closure days the library does not know, ignoring bad dates', () => {
    const withExtra = createBankHolidayCalendar({ extraClosures: ['2026-06-15', 'soon'] });
    expect(withExtra.isBankHoliday('2026-06-15')).toBe(true);
    expect(withExtra.nameOf('2026-06-15')).toBe('Extra closure day');
    expect(calendar.isBankHoliday('2026-06-15')).toBe(false);
    expect(withExtra.isBankHoliday('soon')).toBe(false);
  });

  it('loads lazily through the index, with the same answers', async () => {
    const loaded = await loadBankHolidayCalendar({ extraClosures: ['2026-06-15'] });
    expect(loaded.isBankHoliday('2027-12-28')).toBe(true);
    expect(loaded.isBankHoliday('2026-06-15')).toBe(true);
  });

  it('fixed calendars for tests keep names and drop bad dates', () => {
    const fixed = fixedBankHolidayCalendar([
      '2026-01-01',
      { date: '2026-04-03', name: 'Good Friday' },
      '2026-02-30',
    ]);
    expect(fixed.isBankHoliday('2026-01-01')).toBe(true);
    expect(fixed.nameOf('2026-04-03')).toBe('Good Friday');
    expect(fixed.isBankHoliday('2026-02-30')).toBe(false);
  });
});
