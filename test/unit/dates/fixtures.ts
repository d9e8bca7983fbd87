// A school calendar like the ones admins enter: Oakfield's 2025-26 and 2026-27 term dates.
import type { AcademicYear, SchoolCalendar } from '../../../src/policy/dates';

export const YEAR_2025_26: AcademicYear = {
  label: '2025-26',
  autumn: {
    start: '2025-09-03',
    end: '2025-12-19',
    halfTerm: { start: '2025-10-27', end: '2025-10-31' },
  },
  spring: {
    start: '2026-01-05',
    end: '2026-03-27',
    halfTerm: { start: '2026-02-16', end: '2026-02-20' },
  },
  summer: {
    start: '2026-04-13',
    end: '2026-07-22',
    halfTerm: { start: '2026-05-26', end: '2026-05-29' },
  },
  insetDays: ['2025-09-01', '2025-09-02', '2026-01-05', '2026-06-26', '2026-07-22'],
  closures: [{ start: '2026-05-07', end: '2026-05-07', reason: 'Polling station' }],
};

export const YEAR_2026_27: AcademicYear = {
  label: '2026-27',
  autumn: {
    start: '2026-09-02',
    end: '2026-12-18',
    halfTerm: { start: '2026-10-26', end: '2026-10-30' },
  },
  spring: {
    start: '2027-01-04',
    end: '2027-03-25',
    halfTerm: { start: '2027-02-15', end: '2027-02-19' },
  },
  summer: {
    start: '2027-04-12',
    end: '2027-07-21',
    halfTerm: { start: '2027-05-31', end: '2027-06-04' },
  },
  insetDays: ['2026-09-01'],
  closures: [],
};

export const SCHOOL: SchoolCalendar = { years: [YEAR_2025_26, YEAR_2026_27] };
