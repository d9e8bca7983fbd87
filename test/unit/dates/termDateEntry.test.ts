// The term dates an admin enters: every term and half-term must be there and be dates before the
// year is saved, because school-day windows and "the end of the term" (002 §50) are counted from
// them (DOMAIN.md, "Windows in working days": school holidays come from the school's term dates).
import { academicYearOn, validateAcademicYear, type AcademicYear } from '../../../src/policy/dates';
import { YEAR_2025_26 } from './fixtures';

describe('validateAcademicYear: a term left out or mistyped', () => {
  it('a missing term is asked for, and the order of the terms is not checked without it', () => {
    const year = { ...YEAR_2025_26, summer: undefined } as unknown as AcademicYear;
    expect(validateAcademicYear(year).problems).toEqual(['Enter the summer term.']);
  });

  it('a first day that is not a date is named, term by term', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      spring: { start: '2026-01-32', end: '2026-03-27' },
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'The first day of the spring term is not a date.',
    ]);
  });

  it('a half-term whose first day is not a date is named, and not checked against its term', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      autumn: { ...YEAR_2025_26.autumn, halfTerm: { start: 'half term', end: '2025-10-31' } },
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'The first day of the autumn term half-term is not a date.',
    ]);
  });
});

describe('academicYearOn', () => {
  it('a year named like 2025-26 speaks for 1 September 2025 to 31 August 2026', () => {
    const calendar = { years: [YEAR_2025_26] };
    expect(academicYearOn(calendar, '2025-09-01')?.label).toBe('2025-26');
    expect(academicYearOn(calendar, '2026-08-31')?.label).toBe('2025-26');
    expect(academicYearOn(calendar, '2025-08-31')).toBeUndefined();
    expect(academicYearOn(calendar, '2026-09-01')).toBeUndefined();
  });

  it('a year without a readable name speaks only for the days entered in it', () => {
    const unnamed: AcademicYear = { ...YEAR_2025_26, label: 'this year' };
    const calendar = { years: [unnamed] };
    // INSET days on 1 and 2 September are the first days entered; the summer term ends 22 July.
    expect(academicYearOn(calendar, '2025-09-01')?.label).toBe('this year');
    expect(academicYearOn(calendar, '2026-07-22')?.label).toBe('this year');
    expect(academicYearOn(calendar, '2025-08-31')).toBeUndefined();
    expect(academicYearOn(calendar, '2026-07-23')).toBeUndefined();
  });
});
