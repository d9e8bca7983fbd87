import { createBankHolidayCalendar } from '../../../src/policy/dates/bankHolidays';
import {
  countPupilDays,
  currentOrNextTerm,
  dayKind,
  endOfTerm,
  isSchoolDay,
  isWorkingDay,
  termOn,
  validateAcademicYear,
  validateSchoolCalendar,
  type AcademicYear,
} from '../../../src/policy/dates';
import { SCHOOL, YEAR_2025_26, YEAR_2026_27 } from './fixtures';

const bank = createBankHolidayCalendar();

describe('the school calendar: validation', () => {
  it('accepts a sound year, and counts about 190 pupil days without a warning', () => {
    expect(validateAcademicYear(YEAR_2025_26, bank)).toEqual({ problems: [], warnings: [] });
    expect(countPupilDays(YEAR_2025_26, bank)).toBeGreaterThan(180);
    expect(countPupilDays(YEAR_2025_26, bank)).toBeLessThan(200);
    expect(validateSchoolCalendar(SCHOOL, bank).problems).toEqual([]);
  });

  it('names each problem in plain words', () => {
    const bad: AcademicYear = {
      label: '2025/26',
      autumn: { start: '2025-09-03', end: '2025-08-19' },
      spring: {
        start: '2026-01-05',
        end: '2026-03-27',
        halfTerm: { start: '2026-04-01', end: '2026-04-03' },
      },
      summer: { start: '2026-03-20', end: '2026-02-30' },
      insetDays: ['2025-09-01', '2025-09-01', 'Monday'],
      closures: [{ start: '2026-05-08', end: '2026-05-07' }],
    };
    const { problems } = validateAcademicYear(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Name the academic year like 2025-26 (the year the autumn term starts, then the next).',
        'The autumn term ends before it starts.',
        'The last day of the summer term is not a date.',
        '1 INSET day is not a date.',
        'An INSET day is entered twice.',
        'The closure 1 ends before it starts.',
      ]),
    );
  });

  it('requires the terms in order, half-terms inside them, and the label to match', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      label: '2024-25',
      summer: { start: '2026-03-20', end: '2026-07-22' },
      spring: { ...YEAR_2025_26.spring, halfTerm: { start: '2026-03-30', end: '2026-04-03' } },
    };
    expect(validateAcademicYear(year).problems).toEqual([
      'The summer term must start after the spring term ends.',
      'The autumn term of 2024-25 should start in 2024.',
      'The summer term of 2024-25 should end in 2025.',
      'The spring term half-term must fall inside the spring term.',
    ]);
  });

  it('keeps INSET days and closures inside the year, and warns about odd ones', () => {
    const year: AcademicYear = {
      ...YEAR_2025_26,
      insetDays: [
        '2025-09-01',
        '2025-09-06',
        '2026-09-01',
        '2026-01-05',
        '2026-06-26',
        '2026-07-22',
      ],
    };
    const check = validateAcademicYear(year);
    expect(check.problems).toEqual([
      'INSET days and closures must fall between 1 September 2025 and 31 August 2026.',
    ]);
    expect(check.warnings).toEqual([
      '6 INSET days entered; schools in England have up to 5.',
      'An INSET day falls on a weekend: check the date.',
    ]);
  });

  it('warns when the pupil days are far from 190', () => {
    const short: AcademicYear = {
      ...YEAR_2025_26,
      summer: { start: '2026-04-13', end: '2026-05-22' },
    };
    expect(validateAcademicYear(short, bank).warnings[0]).toMatch(
      /give \d+ pupil days; schools in England usually have 190/,
    );
  });

  it('refuses overlapping or repeated years', () => {
    const overlapping: AcademicYear = {
      ...YEAR_2026_27,
      autumn: { ...YEAR_2026_27.autumn, start: '2026-07-01' },
    };
    expect(validateSchoolCalendar({ years: [YEAR_2025_26, overlapping] }).problems).toContain(
      '2026-27 starts before 2025-26 ends.',
    );
    expect(validateSchoolCalendar({ years: [YEAR_2025_26, YEAR_2025_26] }).problems).toContain(
      'An academic year is entered twice.',
    );
  });
});

describe('the school calendar: days', () => {
  it.each([
    ['2025-09-01', 'inset'],
    ['2025-09-03', 'term'],
    ['2025-09-06', 'weekend'],
    ['2025-10-28', 'halfTerm'],
    ['2025-12-22', 'holiday'],
    ['2025-12-25', 'bankHoliday'],
    ['2026-01-05', 'inset'],
    ['2026-04-03', 'bankHoliday'],
    ['2026-04-08', 'holiday'],
    ['2026-05-07', 'closure'],
    ['2026-05-25', 'bankHoliday'],
    ['2026-05-27', 'halfTerm'],
    ['2026-08-20', 'holiday'],
    ['2027-09-01', 'unknown'],
    ['2025-08-20', 'unknown'],
  ])('%s is %s', (date, kind) => {
    expect(dayKind(date, SCHOOL, bank)).toBe(kind);
  });

  it('school days are term and INSET days; working days ignore school holidays', () => {
    expect(isSchoolDay('2025-09-01', SCHOOL, bank)).toBe(true);
    expect(isSchoolDay('2025-10-28', SCHOOL, bank)).toBe(false);
    expect(isWorkingDay('2025-10-28', bank)).toBe(true);
    expect(isWorkingDay('2025-12-25', bank)).toBe(false);
    expect(isWorkingDay('2025-12-27', bank)).toBe(false);
  });

  it('finds the term of a day, and the end of the current or next named term', () => {
    expect(termOn(SCHOOL, '2025-10-28')?.name).toBe('autumn'); // half-term is inside the term
    expect(termOn(SCHOOL, '2025-12-22')).toBeUndefined();
    expect(currentOrNextTerm(SCHOOL, '2025-12-22')?.name).toBe('spring');
    expect(endOfTerm(SCHOOL, 'autumn', '2025-11-10')).toBe('2025-12-19');
    expect(endOfTerm(SCHOOL, 'autumn', '2025-12-19')).toBe('2025-12-19');
    expect(endOfTerm(SCHOOL, 'autumn', '2025-12-20')).toBe('2026-12-18');
    expect(endOfTerm(SCHOOL, 'summer', '2025-11-10')).toBe('2026-07-22');
    expect(endOfTerm(SCHOOL, 'spring', '2027-04-01')).toBeUndefined();
    expect(endOfTerm(undefined, 'spring', '2027-04-01')).toBeUndefined();
  });
});
