// Whether an earlier warning or restriction still counts (002 §44, §48; 004 "within a reasonable
// period of time"), on case records as they may be kept: imported, reordered or incomplete.
import { priorWarning, type RestrictionCase } from '../../../src/policy/lifecycle';
import { T, TODAY, caseAt, person, step } from './helpers';

/** Imposed without warning (threats) on 2 March 2026, to end on 1 September 2026. */
const imposedWithoutWarning = (): RestrictionCase =>
  step(person(), { ...T.impose, withoutWarning: 'threats' }, TODAY);

describe('002 §48, 004: what counts as a prior warning', () => {
  it('004: a restriction waiting for the chair counts from its end date, for the period after it', () => {
    const provisional = imposedWithoutWarning();
    expect(provisional.stage).toBe('provisional');
    expect(priorWarning(provisional, '2027-09-01', 12)).toStrictEqual({
      counts: true,
      overturned: false,
    });
    expect(priorWarning(provisional, '2027-09-02', 12)).toStrictEqual({
      counts: false,
      lapsedOn: '2026-09-01',
      overturned: false,
    });
  });

  it('an imposition recorded without an end date counts from the day it was decided', () => {
    const provisional = imposedWithoutWarning();
    const noEnd = {
      ...provisional,
      history: provisional.history.map((r) => ({ ...r, deadlines: [] })),
    };
    expect(priorWarning(noEnd, '2027-03-02', 12).counts).toBe(true);
    expect(priorWarning(noEnd, '2027-03-03', 12)).toStrictEqual({
      counts: false,
      lapsedOn: '2026-03-02',
      overturned: false,
    });
  });

  it('002 §48: a written warning counts whether it is kept on the case or only in its decisions', () => {
    const warned = caseAt('warning'); // 2 March 2026
    const onTheCaseOnly = { ...warned, history: [] };
    const inTheDecisionsOnly = { ...warned, warning: undefined };
    for (const c of [onTheCaseOnly, inTheDecisionsOnly]) {
      expect(priorWarning(c, '2027-03-02', 12)).toStrictEqual({
        counts: true,
        overturned: false,
      });
      expect(priorWarning(c, '2027-03-03', 12)).toStrictEqual({
        counts: false,
        lapsedOn: '2026-03-02',
        overturned: false,
      });
    }
  });

  it('the lapsed date named is the latest, whatever order the decisions are kept in', () => {
    const active = caseAt('active'); // warned 2 March 2026; restriction to 1 September 2026
    const newestFirst = {
      ...active,
      warning: undefined,
      history: [...active.history].reverse(),
    };
    expect(priorWarning(newestFirst, '2027-09-01', 12).counts).toBe(true);
    expect(priorWarning(newestFirst, '2027-09-02', 12)).toStrictEqual({
      counts: false,
      lapsedOn: '2026-09-01',
      overturned: false,
    });
  });

  it('003 Model Letters 3 and 5: only an overturned restriction: nothing lapsed is named', () => {
    const overturned = step(imposedWithoutWarning(), T.overturn, '2026-03-06');
    expect(priorWarning(overturned, '2026-03-10', 12)).toStrictEqual({
      counts: false,
      overturned: true,
    });
  });
});
