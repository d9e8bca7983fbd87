import { isInForce, restrictionState } from '../../../src/policy/activeness';
import { addDays, isLocalDate, londonDateOf } from '../../../src/policy/londonDate';
import type { Restriction } from '../../../src/policy/types';
import { TODAY, restriction } from './fixtures';

describe('isLocalDate: edges of the calendar and of the type', () => {
  it('accepts 1 January of year 1 and rejects year 0 (there is no year 0)', () => {
    expect(isLocalDate('0001-01-01')).toBe(true);
    expect(addDays('0001-01-01', 1)).toBe('0001-01-02');
    expect(isLocalDate('0000-12-31')).toBe(false);
  });

  it.each<[string, unknown]>([
    ['an array holding a date', ['2026-05-14']],
    ['an object that prints as a date', { toString: (): string => '2026-05-14' }],
    ['a String object', new String('2026-05-14')],
  ])('rejects %s: only a string is a LocalDate', (_label, value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe('londonDateOf: refuses anything but a valid Date', () => {
  it.each<[string, unknown]>([
    ['an invalid Date', new Date(NaN)],
    ['a date string', '2026-05-14'],
    ['a number of milliseconds', 0],
    ['an object with getTime', { getTime: (): number => 0 }],
  ])('%s throws a RangeError that says what it needs', (_label, value) => {
    expect(() => londonDateOf(value as Date)).toThrow(RangeError);
    expect(() => londonDateOf(value as Date)).toThrow('londonDateOf needs a valid Date');
  });
});

describe('addDays: refusal message', () => {
  it('says what it needs when the date is not a real day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(
      'addDays needs a YYYY-MM-DD date and a whole number of days',
    );
  });
});

describe('restrictionState: a status outside the contract', () => {
  it('is treated as ended, so it never restricts (DOMAIN.md "Fair to the parent")', () => {
    const odd = restriction({ status: 'Paused' as Restriction['status'] });
    expect(restrictionState(odd, TODAY)).toBe('ended');
    expect(isInForce(odd, TODAY)).toBe(false);
  });
});
