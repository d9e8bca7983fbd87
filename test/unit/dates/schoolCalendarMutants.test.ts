// The school's term dates at their edges: what an admin sees when a year is entered oddly, which days
// a year speaks for, and the terms the rules read from it (002 §50 "the end of Autumn, Spring or
// Summer terms"; DOMAIN.md, "Windows in working days": school days come from the school's term dates).
import { createBankHolidayCalendar } from '../../../src/policy/dates/bankHolidays';
import {
  academicYearOn,
  academicYearSpan,
  countPupilDays,
  currentOrNextTerm,
  endOfTerm,
  fixedBankHolidayCalendar,
  isSchoolDay,
  termOn,
  validateAcademicYear,
  validateSchoolCalendar,
  type AcademicYear,
  type SchoolCalendar,
} from '../../../src/policy/dates';
import { SCHOOL, YEAR_2025_26, YEAR_2026_27 } from './fixtures';

const bank = createBankHolidayCalendar();
const NAME_THE_YEAR =
  'Name the academic year like 2025-26 (the year the autumn term starts, then the next).';

/** The summer term of 2025-26 ending on another day (the other dates as the fixture). */
function summerEndingOn(end: string): AcademicYear {
  return { ...YEAR_2025_26, summer: { ...YEAR_2025_26.summer, end } };
}

describe('academicYearSpan: the days a year speaks for', () => {
  it('closures before 1 September or after 31 August stretch the year to cover them', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      closures: [
        { start: '2025-08-28', end: '2025-08-29' },
        { start: '2026-09-01', end: '2026-09-02' },
      ],
    };
    expect(academicYearSpan(year)).toEqual({ start: '2025-08-28', end: '2026-09-02' });
    expect(academicYearOn({ years: [year] }, '2026-09-02')?.label).toBe('2025-26');
  });

  it('an INSET day that is not a date does not stretch the year', () => {
    const year: AcademicYear = { ...YEAR_2025_26, insetDays: ['Monday', '2025-02-30'] };
    expect(academicYearSpan(year)).toEqual({ start: '2025-09-01', end: '2026-08-31' });
  });

  it('a year with neither a readable name nor a readable date speaks for no day', () => {
    const year = {
      label: 'this year',
      autumn: { start: 'September', end: 'December' },
      spring: { start: 'January', end: 'March' },
      summer: { start: 'April', end: 'July' },
      insetDays: [],
      closures: [],
    } as AcademicYear;
    expect(academicYearSpan(year)).toEqual({ start: '', end: '' });
    expect(academicYearOn({ years: [year] }, '2026-01-05')).toBeUndefined();
  });
});

describe('validateAcademicYear: the name of the year', () => {
  it('refuses a name whose second year does not follow the first (2025-27)', () => {
    expect(validateAcademicYear({ ...YEAR_2025_26, label: '2025-27' }).problems).toEqual([
      NAME_THE_YEAR,
    ]);
  });

  it('with an unreadable name, asks for the name and checks the rest without it', () => {
    expect(validateAcademicYear({ ...YEAR_2025_26, label: '2025/26' })).toEqual({
      problems: [NAME_THE_YEAR],
      warnings: [],
    });
  });

  it('refuses a name that is not text, even when it reads like one', () => {
    const year = { ...YEAR_2025_26, label: ['2025-26'] } as unknown as AcademicYear;
    expect(validateAcademicYear(year).problems).toEqual([NAME_THE_YEAR]);
  });
});

describe('validateAcademicYear: terms entered oddly', () => {
  it('a term entered as words rather than dates is asked for, as a missing one is', () => {
    const asWords = { ...YEAR_2025_26, autumn: 'from 3 September' } as unknown as AcademicYear;
    expect(validateAcademicYear(asWords).problems).toEqual(['Enter the autumn term.']);
    const missing = { ...YEAR_2025_26, autumn: undefined } as unknown as AcademicYear;
    expect(validateAcademicYear(missing).problems).toEqual(['Enter the autumn term.']);
  });

  it('a last day that is not a date is named once, not also as ending before the start', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      autumn: { ...YEAR_2025_26.autumn, end: '2025-02-30' },
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'The last day of the autumn term is not a date.',
    ]);
  });

  it('a term that ends before it starts is not then checked against its half-term', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      autumn: { ...YEAR_2025_26.autumn, end: '2025-08-19' },
    };
    expect(validateAcademicYear(year).problems).toEqual(['The autumn term ends before it starts.']);
  });

  it('the spring term may not start on the day the autumn term ends', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      spring: { ...YEAR_2025_26.spring, start: '2025-12-19' },
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'The spring term must start after the autumn term ends.',
    ]);
  });

  it('the summer term may not start on the day the spring term ends', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      summer: { ...YEAR_2025_26.summer, start: '2026-03-27' },
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'The summer term must start after the spring term ends.',
    ]);
  });

  it('warns when a term starts on a weekend day', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      autumn: { ...YEAR_2025_26.autumn, start: '2025-09-06' },
    };
    expect(validateAcademicYear(year)).toEqual({
      problems: [],
      warnings: ['The autumn term starts on a weekend day: check the date.'],
    });
  });

  it('a half-term that runs past the end of its term is refused', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      spring: { ...YEAR_2025_26.spring, halfTerm: { start: '2026-03-23', end: '2026-04-03' } },
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'The spring term half-term must fall inside the spring term.',
    ]);
  });
});

describe('validateAcademicYear: INSET days and closures', () => {
  it('a year entered without INSET days or closures is sound', () => {
    const year = {
      ...YEAR_2025_26,
      insetDays: undefined,
      closures: undefined,
    } as unknown as AcademicYear;
    expect(validateAcademicYear(year)).toEqual({ problems: [], warnings: [] });
  });

  it('counts the INSET days that are not dates, in plain words', () => {
    const year: AcademicYear = { ...YEAR_2025_26, insetDays: ['Monday', '2026-02-30'] };
    expect(validateAcademicYear(year).problems).toEqual(['2 INSET days are not a date.']);
  });

  it('refuses a closure after the year ends (31 August)', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      closures: [{ start: '2026-09-02', end: '2026-09-02' }],
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'INSET days and closures must fall between 1 September 2025 and 31 August 2026.',
    ]);
  });
});

describe('pupil days (about 190 a year in England)', () => {
  it('counts the last day of each term', () => {
    // Three weeks of five weekdays, no half-terms, no holidays: 15 pupil days.
    const year: AcademicYear = {
      label: '2025-26',
      autumn: { start: '2025-09-01', end: '2025-09-05' },
      spring: { start: '2026-01-05', end: '2026-01-09' },
      summer: { start: '2026-07-13', end: '2026-07-17' },
      insetDays: [],
      closures: [],
    };
    expect(countPupilDays(year, fixedBankHolidayCalendar([]))).toBe(15);
  });

  it('warns outside 180 to 200 pupil days, not at 180 or 200 themselves', () => {
    const warning = (days: number): string =>
      `These dates give ${days} pupil days; schools in England usually have 190. Check the dates.`;
    expect(countPupilDays(summerEndingOn('2026-07-06'), bank)).toBe(180);
    expect(validateAcademicYear(summerEndingOn('2026-07-06'), bank).warnings).toEqual([]);
    expect(validateAcademicYear(summerEndingOn('2026-07-03'), bank).warnings).toEqual([
      warning(179),
    ]);
    expect(countPupilDays(summerEndingOn('2026-08-04'), bank)).toBe(200);
    expect(validateAcademicYear(summerEndingOn('2026-08-04'), bank).warnings).toEqual([]);
    expect(validateAcademicYear(summerEndingOn('2026-08-05'), bank).warnings).toEqual([
      warning(201),
    ]);
  });

  it('does not count pupil days while the year still has problems', () => {
    const shortAndUnnamed: AcademicYear = {
      ...YEAR_2025_26,
      label: '2025/26',
      summer: { start: '2026-04-13', end: '2026-05-22' },
    };
    expect(validateAcademicYear(shortAndUnnamed, bank)).toEqual({
      problems: [NAME_THE_YEAR],
      warnings: [],
    });
  });
});

describe('validateSchoolCalendar: every year, named', () => {
  it('a sound calendar has neither problems nor warnings', () => {
    expect(validateSchoolCalendar(SCHOOL, bank)).toEqual({ problems: [], warnings: [] });
  });

  it('no calendar, or one without years, has nothing to report', () => {
    expect(validateSchoolCalendar(undefined as unknown as SchoolCalendar)).toEqual({
      problems: [],
      warnings: [],
    });
    expect(validateSchoolCalendar({ years: undefined } as unknown as SchoolCalendar)).toEqual({
      problems: [],
      warnings: [],
    });
  });

  it('names the year of each problem, and leaves a year without a first term out of the overlap check', () => {
    const calendar = {
      years: [YEAR_2025_26, { ...YEAR_2026_27, autumn: undefined }],
    } as unknown as SchoolCalendar;
    expect(validateSchoolCalendar(calendar)).toEqual({
      problems: ['2026-27: Enter the autumn term.'],
      warnings: [],
    });
  });

  it('leaves a year without a summer term out of the overlap check', () => {
    const calendar = {
      years: [{ ...YEAR_2025_26, summer: undefined }, YEAR_2026_27],
    } as unknown as SchoolCalendar;
    expect(validateSchoolCalendar(calendar)).toEqual({
      problems: ['2025-26: Enter the summer term.'],
      warnings: [],
    });
  });

  it('names the year of each warning', () => {
    const weekendStart: AcademicYear = {
      ...YEAR_2025_26,
      autumn: { ...YEAR_2025_26.autumn, start: '2025-09-06' },
    };
    expect(validateSchoolCalendar({ years: [weekendStart, YEAR_2026_27] })).toEqual({
      problems: [],
      warnings: ['2025-26: The autumn term starts on a weekend day: check the date.'],
    });
  });

  it('calls a year with an empty or missing name "A year"', () => {
    expect(validateSchoolCalendar({ years: [{ ...YEAR_2025_26, label: '' }] }).problems).toEqual([
      `A year: ${NAME_THE_YEAR}`,
    ]);
    const unnamed = { ...YEAR_2025_26, label: undefined } as unknown as AcademicYear;
    expect(validateSchoolCalendar({ years: [unnamed] }).problems).toEqual([
      `A year: ${NAME_THE_YEAR}`,
    ]);
  });

  it('checks overlaps in date order, whatever order the years were entered in', () => {
    expect(validateSchoolCalendar({ years: [YEAR_2026_27, YEAR_2025_26] })).toEqual({
      problems: [],
      warnings: [],
    });
    const overlapping: AcademicYear = {
      ...YEAR_2026_27,
      autumn: { ...YEAR_2026_27.autumn, start: '2026-07-01' },
    };
    expect(validateSchoolCalendar({ years: [overlapping, YEAR_2025_26] }).problems).toEqual([
      '2026-27 starts before 2025-26 ends.',
    ]);
  });

  it('a year may not start on the day the year before ends', () => {
    const touching: AcademicYear = {
      ...YEAR_2026_27,
      autumn: { ...YEAR_2026_27.autumn, start: '2026-07-22' },
    };
    expect(validateSchoolCalendar({ years: [YEAR_2025_26, touching] }).problems).toEqual([
      '2026-27 starts before 2025-26 ends.',
    ]);
  });
});

describe('terms read from the calendar', () => {
  it('an ordinary term day is a school day', () => {
    expect(isSchoolDay('2025-09-03', SCHOOL, bank)).toBe(true);
    expect(isSchoolDay('2025-12-22', SCHOOL, bank)).toBe(false);
  });

  it('002 §50: terms are read in date order, whatever order the years were entered in', () => {
    const reversed: SchoolCalendar = { years: [YEAR_2026_27, YEAR_2025_26] };
    const next = currentOrNextTerm(reversed, '2025-12-22');
    expect([next?.year.label, next?.name]).toEqual(['2025-26', 'spring']);
    expect(endOfTerm(reversed, 'autumn', '2025-11-10')).toBe('2025-12-19');
  });

  it('a term left out is skipped, and the others are still found', () => {
    const calendar = {
      years: [{ ...YEAR_2025_26, summer: undefined }],
    } as unknown as SchoolCalendar;
    expect(termOn(calendar, '2025-10-01')?.name).toBe('autumn');
    expect(currentOrNextTerm(calendar, '2026-03-30')).toBeUndefined();
  });

  it('a term whose last day is not a date is skipped, not taken to run for ever', () => {
    const calendar: SchoolCalendar = {
      years: [{ ...YEAR_2025_26, autumn: { start: '2025-09-03', end: 'Christmas' } }],
    };
    expect(termOn(calendar, '2026-08-01')).toBeUndefined();
    expect(currentOrNextTerm(calendar, '2026-08-01')).toBeUndefined();
    expect(endOfTerm(calendar, 'autumn', '2025-10-01')).toBeUndefined();
  });
});

describe('a year saved with nothing where a list or a term should be (JSON null, or left out)', () => {
  it('a null term, half-term or closure is reported in plain words, never a crash', () => {
    const noAutumn = { ...YEAR_2025_26, autumn: null } as unknown as AcademicYear;
    expect(validateAcademicYear(noAutumn, bank).problems).toContain('Enter the autumn term.');
    const nullClosure = { ...YEAR_2025_26, closures: [null] } as unknown as AcademicYear;
    expect(() => validateAcademicYear(nullClosure, bank)).not.toThrow();
    // A null half-term is no half-term, as an absent one is.
    const noHalfTerm = {
      ...YEAR_2025_26,
      autumn: { ...YEAR_2025_26.autumn, halfTerm: null },
    } as unknown as AcademicYear;
    expect(validateAcademicYear(noHalfTerm, bank).problems).toEqual([]);
  });

  it('a year with no INSET or closure lists has none: its span and its days are read, not a crash', () => {
    const bare = {
      ...YEAR_2025_26,
      insetDays: undefined,
      closures: undefined,
    } as unknown as AcademicYear;
    expect(validateAcademicYear(bare, bank).problems).toEqual([]);
    expect(academicYearSpan(bare)).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    const calendar: SchoolCalendar = { years: [bare] };
    expect(isSchoolDay('2025-10-01', calendar, bank)).toBe(true);
  });
});
