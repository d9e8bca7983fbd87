// The date-time forms a StartDate, EndDate or ReviewDate can arrive in (Graph, SharePoint's REST
// API, Power Automate, a CSV import), each read as the school day it stands for. A day read one
// off moves the day a restriction starts or ends, and an expired restriction must stop applying at
// once (DOMAIN.md, "Fair to the parent"): so each form is pinned to its day here.
import { readSharePointDate } from '../../../src/policy/londonDate';

describe('readSharePointDate: forms of date-time', () => {
  it.each([
    // No zone: a wall-clock time at the school, whose date part is the day (read as UTC instead,
    // 23:30 would round to the next day).
    ['no zone, late evening', '2026-06-01T23:30:00', '2026-06-01'],
    ['no zone, no seconds', '2026-06-01T23:30', '2026-06-01'],
    ['no zone, a space for the T', '2026-06-01 23:30:00', '2026-06-01'],
    // A positive offset is subtracted: 14:00 at +02:00 is 12:00Z, still 1 June.
    ['positive offset', '2026-06-01T14:00:00+02:00', '2026-06-01'],
    ['positive offset without colon', '2026-06-01T14:00:00+0200', '2026-06-01'],
    ['positive offset with minutes (India)', '2026-06-01T17:30:00+05:30', '2026-06-01'],
    ['midnight at +10:00 (a Sydney site)', '2026-06-02T00:00:00+10:00', '2026-06-02'],
    ['the largest offset there is (+18:00)', '2026-06-02T18:00:00+18:00', '2026-06-02'],
    ['the largest negative offset (-18:00)', '2026-06-01T06:00:00-18:00', '2026-06-02'],
    // No seconds, with a zone.
    ['no seconds, Z', '2026-06-01T23:00Z', '2026-06-02'],
    ['no seconds, offset', '2026-06-02T00:00+01:00', '2026-06-02'],
    // The last second of a day and of a year are real times.
    ['23:59:59Z', '2026-06-01T23:59:59Z', '2026-06-02'],
    ['31 December', '2026-12-31T00:00:00Z', '2026-12-31'],
    ['31 December as a plain date', '2026-12-31', '2026-12-31'],
    // The nearest UTC midnight names the day: up to 12:00:00Z is this day, after it the next.
    ['12:00:00Z is this day', '2026-06-01T12:00:00Z', '2026-06-01'],
    ['12:00:01Z is the next day', '2026-06-01T12:00:01Z', '2026-06-02'],
  ])('%s: %j -> %s', (_label, value, expected) => {
    expect(readSharePointDate(value)).toBe(expected);
  });

  it.each([
    ['day 00', '2026-06-00T23:00:00Z'],
    ['day 00 as a plain date', '2026-06-00'],
    ['day 32', '2026-01-32T00:00:00Z'],
    ['month 00', '2026-00-10T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['year 0000', '0000-06-01T00:00:00Z'],
    ['31 June', '2026-06-31T00:00:00Z'],
    ['29 February in a common year', '2027-02-29T00:00:00Z'],
    ['hour 24', '2026-06-01T24:00:00Z'],
    ['minute 60', '2026-06-01T23:60Z'],
    ['second 60', '2026-06-01T23:59:60Z'],
    ['an offset beyond 18 hours', '2026-06-01T23:00:00+18:01'],
    ['a negative offset beyond 18 hours', '2026-06-01T23:00:00-18:30'],
    ['a one-digit hour', '2026-06-01T9:00:00Z'],
    // The instant is fine, but the day it stands for is outside years 0001-9999.
    ['a day after 31 December 9999', '9999-12-31T23:00:00-02:00'],
    ['a day before 1 January 0001', '0001-01-01T00:00:00+14:00'],
  ])('%s: %j is not a date', (_label, value) => {
    expect(readSharePointDate(value)).toBeUndefined();
  });

  it('reads 29 February in a leap year with a time', () => {
    expect(readSharePointDate('2028-02-29T00:00:00Z')).toBe('2028-02-29');
  });
});
