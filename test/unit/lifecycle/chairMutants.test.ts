// The chair of governors' stage (003 Appendix 5 Level 3 and Model Letters 2-5), through
// applyTransition: representations, then the chair confirms or overturns.
import {
  applyTransition,
  type Decider,
  type RestrictionCase,
  type Transition,
} from '../../../src/policy/lifecycle';
import {
  BOARD,
  caseAt,
  CHAIR,
  ctx,
  DATES,
  decided,
  HEAD,
  PANEL,
  refusedWith,
  step,
  T,
  TERMS,
  TODAY,
} from './helpers';
import { YEAR_2025_26 } from '../dates/fixtures';

const ON = '2026-03-06';
const SENIOR: Decider = { name: 'Mr Deputy', role: 'seniorLeader' };
const STRICTER: Transition = {
  ...T.vary,
  terms: { ...TERMS, terms: [...TERMS.terms, { kind: 'premisesBan' }] },
};

function representations(receivedOn: string, decidedBy = HEAD): Transition {
  return { ...T.representations, receivedOn, decidedBy };
}

describe('representations to the chair of governors (003 Level 3)', () => {
  it('any reviewer but the appeal panel records representations received', () => {
    for (const decidedBy of [HEAD, SENIOR, CHAIR, BOARD]) {
      const result = applyTransition(
        caseAt('provisional'),
        representations(ON, decidedBy),
        ctx(ON),
      );
      expect([decidedBy.role, result.ok]).toEqual([decidedBy.role, true]);
    }
    expect(applyTransition(caseAt('provisional'), representations(ON, PANEL), ctx(ON))).toEqual({
      ok: false,
      message:
        'Only the head teacher, a senior leader, the chair of governors or the governing board can record representations to the chair of governors.',
      problems: [],
    });
  });

  it('are for a provisional restriction only (003)', () => {
    for (const stage of ['warning', 'active', 'extended'] as const)
      expect(applyTransition(caseAt(stage), representations(ON), ctx(ON))).toEqual({
        ok: false,
        message:
          'Representations to the chair of governors are for a provisional restriction only (policy 003).',
        problems: [],
      });
  });

  it('in time: recorded without a letter date, the chair’s answer replaces the representations window', () => {
    const result = decided(applyTransition(caseAt('provisional'), representations(ON), ctx(ON)));
    expect(result.case.stage).toBe('provisional');
    expect(result.case.representations).toStrictEqual({ receivedOn: ON, late: false });
    expect(result.deadlines).toEqual([
      { kind: 'review', due: '2026-09-01', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
      {
        kind: 'chairAnswer',
        due: '2026-03-20',
        notes: [
          "The date of the parent's letter was not given: the chair's answer is counted from the day it was received.",
        ],
      },
    ]);
    expect(result.listChange).toBeNull();
    expect(result.record.details).toEqual([
      'Representations received on 6 March 2026; the chair answers by 20 March 2026.',
    ]);
    expect(result.audit.what).toBe('Representations to the chair recorded');
  });

  it('late: still recorded for the chair to consider, and the record says the window had closed', () => {
    const result = decided(
      applyTransition(caseAt('provisional'), representations('2026-03-18'), ctx('2026-03-18')),
    );
    expect(result.case.representations).toStrictEqual({ receivedOn: '2026-03-18', late: true });
    expect(result.record.details).toEqual([
      'Representations received on 18 March 2026, after the window closed (the chair may still consider them); the chair answers by 1 April 2026.',
    ]);
  });

  it('an old chair’s answer date is replaced, never kept beside the new one', () => {
    const provisional = caseAt('provisional');
    const stale: RestrictionCase = {
      ...provisional,
      deadlines: [...provisional.deadlines, { kind: 'chairAnswer', due: '2026-03-09', notes: [] }],
    };
    const result = decided(applyTransition(stale, representations(ON), ctx(ON)));
    expect(result.deadlines.filter((d) => d.kind === 'chairAnswer')).toEqual([
      expect.objectContaining({ due: '2026-03-20' }),
    ]);
    expect(result.deadlines.map((d) => d.kind)).toEqual(['review', 'end', 'chairAnswer']);
  });

  it('may arrive on the day the restriction was imposed, not before it, nor in the future', () => {
    const c = caseAt('provisional'); // imposed on 2 March 2026
    expect(applyTransition(c, representations(TODAY), ctx(ON)).ok).toBe(true);
    expect(refusedWith(applyTransition(c, representations('2026-03-01'), ctx(ON)))).toEqual([
      'The representations cannot be recorded yet.',
      'Representations cannot be received before the restriction was imposed.',
    ]);
    expect(refusedWith(applyTransition(c, representations('2026-03-09'), ctx(ON)))).toEqual([
      'The representations cannot be recorded yet.',
      'Representations cannot be received in the future.',
    ]);
    expect(refusedWith(applyTransition(c, representations('6/3/2026'), ctx(ON)))).toEqual([
      'The representations cannot be recorded yet.',
      'The date the representations were received is not a date.',
    ]);
  });

  it('are recorded once', () => {
    const once = step(caseAt('provisional'), representations(ON), ON);
    expect(
      refusedWith(applyTransition(once, representations('2026-03-09'), ctx('2026-03-09'))),
    ).toEqual([
      'The representations cannot be recorded yet.',
      'Representations have already been recorded.',
    ]);
  });
});

describe('the chair confirms (003 Level 3: "decide whether to confirm or remove the conditions")', () => {
  it('once representations are in, at once, even before the window closes', () => {
    const withLetter = step(caseAt('provisional'), representations(ON), ON);
    const result = decided(applyTransition(withLetter, T.confirm, ctx(ON)));
    expect(result.case.stage).toBe('active');
    expect(result.listChange).toEqual({
      action: 'create',
      fields: { Status: 'Active', ReviewDate: '2026-09-01' },
    });
    expect(result.record.details).toEqual([
      'Confirmed by the chair of governors; review by 1 September 2026.',
    ]);
    expect(result.audit.what).toBe('Restriction confirmed');
  });

  it('the governing board may confirm too', () => {
    const withLetter = step(caseAt('provisional'), representations(ON), ON);
    const result = decided(
      applyTransition(withLetter, { ...T.confirm, decidedBy: BOARD }, ctx('2026-03-10')),
    );
    expect(result.record.details).toEqual([
      'Confirmed by the governing board; review by 1 September 2026.',
    ]);
  });

  it('003: the six-month review counts from the confirmation, on the restriction, the list and the deadlines', () => {
    const year = step(
      caseAt('warning'),
      { ...T.impose, duration: { kind: 'months', months: 12 } },
      TODAY,
    );
    const result = decided(applyTransition(year, T.confirm, ctx('2026-03-17')));
    expect(result.case.restriction?.reviewDate).toBe('2026-09-17');
    expect(result.listChange?.fields).toEqual({ Status: 'Active', ReviewDate: '2026-09-17' });
    expect(result.deadlines.map((d) => [d.kind, d.due])).toEqual([
      ['appeal', '2026-04-16'],
      ['review', '2026-09-17'],
      ['end', '2027-03-01'],
    ]);
    expect(result.record.details).toEqual([
      'Confirmed by the chair of governors; review by 17 September 2026.',
    ]);
  });

  // Stored cases the machine itself would not make: the rule is read from the case as it is.
  it('003: the chair waits only for an open window with no representations received', () => {
    const provisional = caseAt('provisional'); // window open until 16 March 2026
    const noWindow: RestrictionCase = {
      ...provisional,
      deadlines: provisional.deadlines.filter((d) => d.kind !== 'representations'),
    };
    expect(applyTransition(noWindow, T.confirm, ctx(ON)).ok).toBe(true);
    const receivedWindowListed: RestrictionCase = {
      ...provisional,
      representations: { receivedOn: ON, late: false },
    };
    expect(applyTransition(receivedWindowListed, T.confirm, ctx(ON)).ok).toBe(true);
    expect(applyTransition(provisional, T.confirm, ctx(ON)).ok).toBe(false);
  });

  it('refused without reasons', () => {
    const withLetter = step(caseAt('provisional'), representations(ON), ON);
    expect(
      refusedWith(applyTransition(withLetter, { ...T.confirm, reasons: ' ' }, ctx(ON))),
    ).toEqual([
      'The decision cannot be recorded yet.',
      'Say why: every decision is recorded with its reasons (policy 002 §45).',
    ]);
  });

  it('refused, saying why, when the term dates do not reach a termly review', () => {
    const termly = step(caseAt('warning'), { ...T.impose, reviewPlan: 'termly' }, TODAY);
    const oneYear = {
      ...ctx('2026-07-01'),
      dates: { ...DATES, school: { years: [YEAR_2025_26] } },
    };
    const message =
      "The school's term dates do not go far enough for a termly review. Ask the admin to enter the next year's term dates.";
    expect(applyTransition(termly, T.confirm, oneYear)).toEqual({
      ok: false,
      message,
      problems: [message],
    });
  });

  it('stricter terms confirmed: the record names who confirmed and the review date kept', () => {
    const varied = step(caseAt('active'), STRICTER, '2026-04-01');
    const withLetter = step(varied, representations('2026-04-08'), '2026-04-08');
    const result = decided(applyTransition(withLetter, T.confirm, ctx('2026-04-09')));
    expect(result.record.details).toEqual([
      'The new terms were confirmed by the chair of governors; review by 1 September 2026.',
    ]);
  });

  it('an active or extended restriction has already been confirmed', () => {
    for (const stage of ['active', 'extended'] as const)
      expect(applyTransition(caseAt(stage), T.confirm, ctx(ON))).toEqual({
        ok: false,
        message: 'This restriction has already been confirmed.',
        problems: [],
      });
  });
});

describe('the chair overturns', () => {
  it('a provisional restriction, at once, for staff too, with nothing more due', () => {
    const result = decided(applyTransition(caseAt('provisional'), T.overturn, ctx(ON)));
    expect(result.case.stage).toBe('overturned');
    expect(result.deadlines).toEqual([]);
    expect(result.case.deadlines).toEqual([]);
    expect(result.listChange).toEqual({ action: 'create', fields: { Status: 'Overturned' } });
    expect(result.record.details).toEqual([
      'Overturned by the chair of governors: it no longer applies.',
    ]);
    expect(result.audit.what).toBe('Restriction overturned');
  });

  it('the governing board may overturn too; the head teacher may not', () => {
    const result = decided(
      applyTransition(caseAt('provisional'), { ...T.overturn, decidedBy: BOARD }, ctx(ON)),
    );
    expect(result.record.details).toEqual([
      'Overturned by the governing board: it no longer applies.',
    ]);
    expect(
      applyTransition(caseAt('provisional'), { ...T.overturn, decidedBy: HEAD }, ctx(ON)),
    ).toEqual({
      ok: false,
      message: 'Only the chair of governors or the governing board can overturn the restriction.',
      problems: [],
    });
  });

  it('refused without reasons', () => {
    expect(
      refusedWith(applyTransition(caseAt('provisional'), { ...T.overturn, reasons: '' }, ctx(ON))),
    ).toEqual([
      'The decision cannot be recorded yet.',
      'Say why: every decision is recorded with its reasons (policy 002 §45).',
    ]);
  });

  it('stricter terms overturned: the record says the earlier terms apply again, and lists them', () => {
    const varied = step(caseAt('active'), STRICTER, '2026-04-01');
    const result = decided(applyTransition(varied, T.overturn, ctx('2026-04-02')));
    expect(result.record.details).toEqual([
      'The new terms were overturned by the chair of governors: the earlier terms apply again.',
      'All contact with the school must be with Office Manager only; no other member of staff will reply to you.',
      'You may contact the school by email only.',
      'Your correspondence will be read to make sure no new issue is raised, and then filed without acknowledgement.',
      'All your emails to the school will be passed automatically to Office Manager.',
    ]);
  });

  it('not one in force: an upheld appeal overturns that (000 §7.1)', () => {
    for (const stage of ['active', 'extended'] as const)
      expect(applyTransition(caseAt(stage), T.overturn, ctx(ON))).toEqual({
        ok: false,
        message:
          'Only a provisional restriction can be overturned by the chair; an appeal that is upheld overturns one in force.',
        problems: [],
      });
    expect(applyTransition(caseAt('warning'), T.overturn, ctx(ON))).toEqual({
      ok: false,
      message: 'There is nothing to overturn: no restriction has been imposed.',
      problems: [],
    });
  });
});
