// periodProblems: the degenerate periods the lifecycle refuses (002 §50 and §52), with the
// messages the review form shows.
import { LATEST_START_DAYS, periodProblems } from '../../../src/policy/dates/periods';

const base = {
  decidedOn: '2026-03-02',
  start: '2026-03-02',
  end: '2026-09-01',
  from: '2026-03-02',
  longestMonths: 12,
};

describe('periodProblems (002 §50: "3, 6 or 12 months or linked to the end of ... terms")', () => {
  it('002 §50: a sound period has no problems', () => {
    expect(periodProblems(base)).toEqual([]);
    expect(LATEST_START_DAYS).toBe(28);
  });

  it('002 §50: a start before the decision is refused', () => {
    expect(periodProblems({ ...base, start: '2026-03-01' })).toEqual([
      'A restriction cannot start before today.',
    ]);
  });

  it('002 §50: a start more than 28 days after the decision is refused; 28 days is allowed', () => {
    expect(periodProblems({ ...base, start: '2026-03-30', from: '2026-03-30' })).toEqual([]);
    expect(periodProblems({ ...base, start: '2026-03-31', from: '2026-03-31' })).toEqual([
      'A restriction starts within 28 days of the decision: 31 March 2026 is too far ahead (the latest is 30 March 2026). Decide nearer the time.',
    ]);
  });

  it('002 §50: an end on the start day (a term that ends today) is refused; the next day is allowed', () => {
    expect(periodProblems({ ...base, end: '2026-03-02' })).toEqual([
      'It would end on 2 March 2026, the day it starts: a restriction must last more than a day. Choose a later term or a number of months.',
    ]);
    expect(periodProblems({ ...base, end: '2026-03-01' })).toHaveLength(1);
    expect(periodProblems({ ...base, end: '2026-03-03' })).toEqual([]);
  });

  it('002 §50: an end past the longest term, counted from `from`, is refused; its last day is allowed', () => {
    expect(periodProblems({ ...base, end: '2027-03-01' })).toEqual([]);
    expect(periodProblems({ ...base, end: '2027-03-02' })).toEqual([
      "It would end on 2 March 2027, after the longest the school's policy allows: 12 months, to 1 March 2027. Choose a shorter duration.",
    ]);
    expect(periodProblems({ ...base, longestMonths: 6, end: '2026-09-02' })).toHaveLength(1);
    expect(periodProblems({ ...base, from: '2026-06-01', end: '2027-05-31' })).toEqual([]);
  });
});
