import {
  addDays,
  compareLocalDates,
  isLocalDate,
  londonDateOf,
  readSharePointDate,
  todayInLondon,
} from '../../../src/policy/londonDate';
import { GARBAGE_CASES } from './fixtures';

// 2026: clocks go forward at 01:00 UTC on Sunday 29 March, back at 01:00 UTC on Sunday 25 October.
describe('londonDateOf', () => {
  it.each([
    ['winter midnight (GMT = UTC)', '2026-01-15T00:00:00Z', '2026-01-15'],
    ['winter, just before midnight', '2026-01-15T23:59:59Z', '2026-01-15'],
    ['summer: 23:00 UTC is already tomorrow', '2026-07-01T23:00:00Z', '2026-07-02'],
    ['summer: 22:59 UTC is still today', '2026-07-01T22:59:59Z', '2026-07-01'],
    ['spring change: night before, GMT', '2026-03-28T23:30:00Z', '2026-03-28'],
    ['spring change: 00:59 UTC, still GMT', '2026-03-29T00:59:59Z', '2026-03-29'],
    ['spring change: 01:00 UTC is 02:00 BST', '2026-03-29T01:00:00Z', '2026-03-29'],
    ['spring change: first BST midnight', '2026-03-29T23:00:00Z', '2026-03-30'],
    ['autumn change: last BST midnight', '2026-10-24T23:00:00Z', '2026-10-25'],
    ['autumn change: 00:30 UTC is 01:30 BST', '2026-10-25T00:30:00Z', '2026-10-25'],
    ['autumn change: 23:00 UTC is now 23:00 GMT', '2026-10-25T23:00:00Z', '2026-10-25'],
    ['autumn change: first GMT midnight', '2026-10-26T00:00:00Z', '2026-10-26'],
    ['new year in summer-time-free winter', '2026-12-31T23:59:59Z', '2026-12-31'],
  ])('%s: %s -> %s', (_label, instant, expected) => {
    expect(londonDateOf(new Date(instant))).toBe(expected);
  });

  it('todayInLondon is the London day of the given instant', () => {
    expect(todayInLondon(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
  });

  it('throws a RangeError for an invalid Date rather than inventing a day', () => {
    expect(() => londonDateOf(new Date(NaN))).toThrow(RangeError);
  });
});

describe('readSharePointDate', () => {
  it.each([
    ['midnight BST sent as 23:00 UTC the day before', '2026-06-01T23:00:00Z', '2026-06-02'],
    ['midnight GMT sent as 00:00 UTC', '2026-12-02T00:00:00Z', '2026-12-02'],
    ['plain date taken as is', '2026-06-01', '2026-06-01'],
    ['plain date with spaces', ' 2026-06-01 ', '2026-06-01'],
    ['day of the spring change (midnight still GMT)', '2026-03-29T00:00:00Z', '2026-03-29'],
    ['day after the spring change (midnight BST)', '2026-03-29T23:00:00Z', '2026-03-30'],
    ['day of the autumn change (midnight still BST)', '2026-10-24T23:00:00Z', '2026-10-25'],
    ['day after the autumn change (midnight GMT)', '2026-10-26T00:00:00Z', '2026-10-26'],
    ['2025 spring change', '2025-03-30T23:00:00Z', '2025-03-31'],
    ['2025 autumn change', '2025-10-26T00:00:00Z', '2025-10-26'],
    ['fractional seconds', '2026-06-01T23:00:00.000Z', '2026-06-02'],
    ['explicit +01:00 offset', '2026-06-02T00:00:00+01:00', '2026-06-02'],
    ['offset without colon', '2026-06-02T00:00:00+0100', '2026-06-02'],
    ['negative offset', '2026-06-01T19:00:00-04:00', '2026-06-02'],
    ['no zone: a London wall-clock time', '2026-06-02T00:00:00', '2026-06-02'],
    ['lower-case designators', '2026-06-01t23:00:00z', '2026-06-02'],
    ['leap day', '2028-02-29', '2028-02-29'],
    // A site in another regional time zone stores its own local midnight.
    ['midnight in a UTC site', '2026-06-02T00:00:00Z', '2026-06-02'],
    ['midnight EDT in a New York site', '2026-06-02T04:00:00Z', '2026-06-02'],
    ['midnight EST in a New York site', '2026-01-10T05:00:00Z', '2026-01-10'],
    ['midnight PDT in a Los Angeles site', '2026-06-02T07:00:00Z', '2026-06-02'],
    ['midnight CEST in a Berlin site', '2026-06-01T22:00:00Z', '2026-06-02'],
    ['noon UTC, as Contact Guard writes a day', '2026-06-02T12:00:00Z', '2026-06-02'],
  ])('%s: %j -> %s', (_label, value, expected) => {
    expect(readSharePointDate(value)).toBe(expected);
  });

  it('reads a valid Date as its London day', () => {
    expect(readSharePointDate(new Date('2026-06-01T23:00:00Z'))).toBe('2026-06-02');
  });

  it.each([
    '',
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-6-1',
    '01/06/2026',
    '1 June 2026',
    '2026-06-01T24:00:00Z',
    '2026-06-01T23:60:00Z',
    '2026-06-01T23:00:00+25:00',
    '2026-06-01T23:00:00Zjunk',
    'yesterday',
    '1780354800000',
  ])('gives undefined for %j', (value) => {
    expect(readSharePointDate(value)).toBeUndefined();
  });

  it.each(GARBAGE_CASES)('never throws on %s', (_label, value) => {
    expect(() => readSharePointDate(value)).not.toThrow();
  });

  it('gives undefined for non-string garbage', () => {
    for (const value of [undefined, null, 0, 1780354800000, true, {}, [], new Date(NaN)]) {
      expect(readSharePointDate(value)).toBeUndefined();
    }
  });
});

describe('isLocalDate', () => {
  it.each([
    ['2026-06-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-06-01T00:00:00Z', false],
    ['', false],
    [20260601, false],
  ])('%j -> %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe('compareLocalDates', () => {
  it.each([
    ['2026-06-01', '2026-06-02', -1],
    ['2026-06-02', '2026-06-01', 1],
    ['2026-06-01', '2026-06-01', 0],
    ['2025-12-31', '2026-01-01', -1],
    ['2026-09-30', '2026-10-01', -1],
  ])('%s vs %s -> %d', (a, b, sign) => {
    expect(Math.sign(compareLocalDates(a, b))).toBe(sign);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-06-01', 1, '2026-06-02'],
    ['2026-06-01', -1, '2026-05-31'],
    ['2026-06-01', 0, '2026-06-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %d -> %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('throws a RangeError for a date that is not YYYY-MM-DD', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-06-01', 1.5)).toThrow(RangeError);
  });
});
