import {
  isInForce,
  isReviewOverdue,
  restrictionState,
  restrictionsInForce,
  type RestrictionState,
} from '../../../src/policy/activeness';
import { addDays } from '../../../src/policy/londonDate';
import type { Restriction } from '../../../src/policy/types';
import { TODAY, restriction } from './fixtures';

const yesterday = addDays(TODAY, -1);
const tomorrow = addDays(TODAY, 1);

describe('restrictionState', () => {
  it.each<[string, Partial<Restriction>, RestrictionState]>([
    ['active, well inside its dates', {}, 'inForce'],
    ['provisional', { status: 'Provisional' }, 'inForce'],
    ['extended', { status: 'Extended' }, 'inForce'],
    ['starts today', { startDate: TODAY }, 'inForce'],
    ['ends today (EndDate is inclusive)', { endDate: TODAY }, 'inForce'],
    ['one-day restriction today', { startDate: TODAY, endDate: TODAY }, 'inForce'],
    ['starts tomorrow', { startDate: tomorrow }, 'notStarted'],
    ['ended yesterday', { endDate: yesterday }, 'expired'],
    ['warning, dates covering today', { status: 'Warning' }, 'warningOnly'],
    ['overturned, dates covering today', { status: 'Overturned' }, 'overturned'],
    ['ended, dates covering today', { status: 'Ended' }, 'ended'],
    ['no end date (never indefinite)', { endDate: '' }, 'expired'],
  ])('%s -> %s', (_label, overrides, expected) => {
    expect(restrictionState(restriction(overrides), TODAY)).toBe(expected);
    expect(isInForce(restriction(overrides), TODAY)).toBe(expected === 'inForce');
  });

  it('treats a status outside the contract as restricting nothing', () => {
    const odd = restriction({ status: 'Paused' as Restriction['status'] });
    expect(isInForce(odd, TODAY)).toBe(false);
  });
});

describe('isReviewOverdue', () => {
  it.each<[string, Partial<Restriction>, boolean]>([
    ['review date yesterday', { reviewDate: yesterday }, true],
    ['review date today', { reviewDate: TODAY }, false],
    ['review date tomorrow', { reviewDate: tomorrow }, false],
    ['no review date', { reviewDate: undefined }, false],
    [
      'overdue but expired: no longer applies',
      { reviewDate: yesterday, endDate: yesterday },
      false,
    ],
    ['overdue but ended', { reviewDate: yesterday, status: 'Ended' }, false],
  ])('%s -> %s', (_label, overrides, expected) => {
    expect(isReviewOverdue(restriction(overrides), TODAY)).toBe(expected);
  });
});

describe('restrictionsInForce', () => {
  it('keeps only those that apply today, in order', () => {
    const all = [
      restriction({ id: 'a' }),
      restriction({ id: 'b', status: 'Ended' }),
      restriction({ id: 'c', endDate: yesterday }),
      restriction({ id: 'd', status: 'Extended' }),
    ];
    expect(restrictionsInForce(all, TODAY).map((r) => r.id)).toEqual(['a', 'd']);
  });
});
