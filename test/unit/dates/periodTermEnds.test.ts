// The term-end paths of periods: a restriction "linked to the end of Autumn, Spring or Summer terms"
// (002 §50) and a termly review of an extended restriction (001, "Imposing Restrictions": "reviewed
// on a termly basis"), against the school's own term dates. No policy allows an indefinite
// restriction, so a review never falls after the end (DOMAIN.md, "Durations").
import {
  durationLabel,
  endDateFor,
  isDuration,
  monthsPeriodEnd,
  reviewDateFor,
  sameDateMonthsLater,
  TERMLY_REVIEW_MIN_DAYS,
} from '../../../src/policy/dates';
import { SCHOOL } from './fixtures';

describe('endDateFor: to the end of a term (002 §50)', () => {
  it('002 §50: during a term, "the end of this term" is its last day', () => {
    expect(endDateFor('2025-11-03', { kind: 'endOfTerm', term: 'autumn' }, SCHOOL)).toEqual({
      ok: true,
      date: '2025-12-19',
    });
  });

  it('002 §50: after the autumn term has ended, "the end of the autumn term" is next year\'s', () => {
    expect(endDateFor('2025-12-22', { kind: 'endOfTerm', term: 'autumn' }, SCHOOL)).toEqual({
      ok: true,
      date: '2026-12-18',
    });
  });

  it('002 §50: a term end with no term dates entered is refused, with what to do', () => {
    expect(endDateFor('2026-03-02', { kind: 'endOfTerm', term: 'summer' }, undefined)).toEqual({
      ok: false,
      message:
        "The school's term dates do not include the next summer term. Ask the admin to enter them, or choose a number of months.",
    });
  });

  it('002 §50: a start that is not a date is refused before the duration is looked at', () => {
    expect(endDateFor('2026-02-30', { kind: 'months', months: 3 }, SCHOOL)).toEqual({
      ok: false,
      message: 'The start date is not a date.',
    });
  });

  it('002 §50: only 3, 6 or 12 months or the end of the autumn, spring or summer term', () => {
    expect(isDuration({ kind: 'months', months: 3 })).toBe(true);
    expect(isDuration({ kind: 'months', months: 12 })).toBe(true);
    expect(isDuration({ kind: 'endOfTerm', term: 'summer' })).toBe(true);
    expect(isDuration({ kind: 'months', months: 4 })).toBe(false);
    expect(isDuration({ kind: 'endOfTerm', term: 'winter' })).toBe(false);
    expect(isDuration({ kind: 'endOfTerm', months: 3 })).toBe(false);
    expect(isDuration({ kind: 'weeks', months: 3 })).toBe(false);
    expect(isDuration(null)).toBe(false);
    expect(isDuration('months')).toBe(false);
    const refused = endDateFor(
      '2026-03-02',
      { kind: 'endOfTerm', term: 'winter' } as never,
      SCHOOL,
    );
    expect(refused.ok).toBe(false);
  });

  it('002 §50: the duration in words, as the letter states it', () => {
    expect(durationLabel({ kind: 'months', months: 6 })).toBe('6 months');
    expect(durationLabel({ kind: 'endOfTerm', term: 'spring' })).toBe(
      'until the end of the spring term',
    );
  });
});

describe('reviewDateFor: termly reviews (001) and their term-end paths', () => {
  // The spring term 2026 ends on Friday 27 March.
  it(`001: the current term's end when it is at least ${TERMLY_REVIEW_MIN_DAYS} days away`, () => {
    expect(reviewDateFor('2026-02-27', 'termly', '2027-01-11', SCHOOL)).toEqual({
      ok: true,
      date: '2026-03-27',
    });
  });

  it(`001: the next term's end when this one is fewer than ${TERMLY_REVIEW_MIN_DAYS} days away`, () => {
    expect(reviewDateFor('2026-02-28', 'termly', '2027-01-11', SCHOOL)).toEqual({
      ok: true,
      date: '2026-07-22',
    });
  });

  it('001: a term end after the restriction ends is capped at the end (no review after it)', () => {
    expect(reviewDateFor('2026-01-12', 'termly', '2026-03-20', SCHOOL)).toEqual({
      ok: true,
      date: '2026-03-20',
    });
    expect(reviewDateFor('2026-01-12', 'termly', '2026-03-27', SCHOOL)).toEqual({
      ok: true,
      date: '2026-03-27',
    });
  });

  it('001: past the last term entered, a restriction ending by the earliest review day is reviewed at its end', () => {
    // 30 June 2027 + 28 days = 28 July 2027, after the last term entered (ends 21 July 2027).
    expect(reviewDateFor('2027-06-30', 'termly', '2027-07-28', SCHOOL)).toEqual({
      ok: true,
      date: '2027-07-28',
    });
    expect(reviewDateFor('2027-06-30', 'termly', '2027-07-29', SCHOOL)).toEqual({
      ok: false,
      message:
        "The school's term dates do not go far enough for a termly review. Ask the admin to enter the next year's term dates.",
    });
  });

  it('001: without any term dates a termly review is refused, not guessed', () => {
    expect(reviewDateFor('2026-03-02', 'termly', '2027-03-01', undefined).ok).toBe(false);
  });

  it('003: the six-monthly review is not capped when the end is later, and is capped on the end day itself', () => {
    expect(reviewDateFor('2026-03-02', 'sixMonths', '2026-09-02', SCHOOL)).toEqual({
      ok: true,
      date: '2026-09-02',
    });
    expect(reviewDateFor('2026-03-02', 'sixMonths', '2026-09-01', SCHOOL)).toEqual({
      ok: true,
      date: '2026-09-01',
    });
  });

  it('refuses dates that are not dates', () => {
    expect(reviewDateFor('2026-13-01', 'atEnd', '2026-09-01', SCHOOL)).toEqual({
      ok: false,
      message: 'The dates are not dates.',
    });
    expect(reviewDateFor('2026-03-01', 'atEnd', 'soon', SCHOOL)).toEqual({
      ok: false,
      message: 'The dates are not dates.',
    });
  });
});

describe('months: the edges of the rule', () => {
  it('002 §50: a period of one month is allowed; none, or part of one, is refused', () => {
    expect(monthsPeriodEnd('2026-03-02', 1)).toBe('2026-04-01');
    expect(() => monthsPeriodEnd('2026-03-02', 0)).toThrow(RangeError);
    expect(() => monthsPeriodEnd('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => monthsPeriodEnd('2 March', 3)).toThrow(RangeError);
  });

  it('months later across the end of a year, and backwards', () => {
    expect(sameDateMonthsLater('2026-12-15', 1)).toBe('2027-01-15');
    expect(sameDateMonthsLater('2026-11-30', 3)).toBe('2027-02-28');
    expect(sameDateMonthsLater('2026-03-31', -1)).toBe('2026-02-28');
    expect(() => sameDateMonthsLater('2026-03-31', 0.5)).toThrow(RangeError);
    expect(() => sameDateMonthsLater('2026-02-30', 1)).toThrow(RangeError);
  });
});
