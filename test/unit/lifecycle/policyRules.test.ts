// The lifecycle rules of issue 14, each against the policy paragraph it comes from.
import {
  applyTransition,
  extendersFor,
  priorWarning,
  DEFAULT_LIFECYCLE_SETTINGS,
} from '../../../src/policy/lifecycle';
import { sameDateMonthsLater } from '../../../src/policy/dates/periods';
import { addDays } from '../../../src/policy/londonDate';
import { BOARD, CHAIR, HEAD, T, TODAY, caseAt, ctx, person, step } from './helpers';

const SENIOR = { name: 'Mr Deputy', role: 'seniorLeader' } as const;

function refusedWith(result: ReturnType<typeof applyTransition>): string[] {
  if (result.ok) throw new Error('expected a refusal');
  return [result.message, ...result.problems];
}

describe('a warning counts only within a reasonable period (004 "within a reasonable period of time")', () => {
  it('004: a written warning counts for 12 months by default, to the same date a year on', () => {
    const warned = caseAt('warning'); // 2 March 2026
    expect(applyTransition(warned, T.impose, ctx('2027-03-02')).ok).toBe(true);
    const lapsed = applyTransition(warned, T.impose, ctx('2027-03-03'));
    expect(refusedWith(lapsed)).toContain(
      'The last written warning or restriction (2 March 2026) is more than 12 months ago, so it no longer counts as a warning (004: "within a reasonable period of time"). Give a new written warning first. Without one, a restriction is only for extreme cases (violence, threats, stalking, or a risk to the immediate safety of staff or pupils: policies 001, 002 §33, 004): say which.',
    );
    // An extreme ground still allows it (001, 002 §33, 004).
    expect(
      applyTransition(warned, { ...T.impose, withoutWarning: 'violence' }, ctx('2027-03-03')).ok,
    ).toBe(true);
  });

  it('004: the reasonable period is a school setting (warningValidMonths)', () => {
    const warned = caseAt('warning');
    expect(applyTransition(warned, T.impose, ctx('2026-09-02', { warningValidMonths: 6 })).ok).toBe(
      true,
    );
    expect(applyTransition(warned, T.impose, ctx('2026-09-03', { warningValidMonths: 6 })).ok).toBe(
      false,
    );
    expect(DEFAULT_LIFECYCLE_SETTINGS.warningValidMonths).toBe(12);
  });

  it('003 Model Letters 3 and 5 ("overturned"): an overturned restriction is not a warning', () => {
    // Imposed without warning (threats), then overturned by the chair: nothing warns.
    const imposed = step(person(), { ...T.impose, withoutWarning: 'threats' }, TODAY);
    const overturned = step(imposed, T.overturn, '2026-03-06');
    expect(priorWarning(overturned, '2026-03-10', 12)).toEqual({
      counts: false,
      overturned: true,
    });
    expect(refusedWith(applyTransition(overturned, T.impose, ctx('2026-03-10')))).toContain(
      'No written warning has been given, and an overturned restriction is not a warning. Without one, a restriction is only for extreme cases (violence, threats, stalking, or a risk to the immediate safety of staff or pupils: policies 001, 002 §33, 004): say which.',
    );
    // An appeal upheld overturns it too.
    const confirmed = step(step(imposed, T.representations, '2026-03-06'), T.confirm, '2026-03-06');
    const appealed = step(confirmed, T.appeal, '2026-03-09');
    const upheld = step(appealed, { ...T.decideAppeal, upheld: true }, '2026-03-10');
    expect(priorWarning(upheld, '2026-03-11', 12).counts).toBe(false);
    // A written warning given before the overturned restriction still counts.
    const warnedThenOverturned = step(caseAt('provisional'), T.overturn, '2026-03-06');
    expect(priorWarning(warnedThenOverturned, '2026-03-10', 12)).toEqual({
      counts: true,
      overturned: false,
    });
  });

  it('004: an earlier restriction counts as a warning for the period after it stopped applying', () => {
    // Imposed without warning on 2 March 2026 (threats), ended early on 6 March 2026.
    const imposed = step(person(), { ...T.impose, withoutWarning: 'threats' }, TODAY);
    const ended = step(
      step(step(imposed, T.representations, '2026-03-06'), T.confirm, '2026-03-06'),
      T.end,
      '2026-03-06',
    );
    expect(priorWarning(ended, '2027-03-06', 12).counts).toBe(true);
    expect(priorWarning(ended, '2027-03-07', 12)).toEqual({
      counts: false,
      lapsedOn: '2026-03-06',
      overturned: false,
    });
    // One that ran to its end (1 September 2026) counts from its end date, extended or not.
    const active = step(step(imposed, T.representations, '2026-03-06'), T.confirm, '2026-03-06');
    expect(priorWarning(active, '2027-09-01', 12).counts).toBe(true);
    expect(priorWarning(active, '2027-09-02', 12).lapsedOn).toBe('2026-09-01');
    const extended = step(active, T.extend, '2026-08-20');
    const extendedTo = extended.restriction!.endDate;
    expect(priorWarning(extended, sameDateMonthsLater(extendedTo, 12), 12).counts).toBe(true);
    expect(
      priorWarning(extended, addDays(sameDateMonthsLater(extendedTo, 12), 1), 12).lapsedOn,
    ).toBe(extendedTo);
    // Recorded as ended after it ran out: the end date, not the day it was recorded.
    const recorded = step(active, T.end, '2026-10-01');
    expect(priorWarning(recorded, '2027-09-02', 12).lapsedOn).toBe('2026-09-01');
  });

  it('nobody warned: no warning, nothing lapsed, nothing overturned', () => {
    expect(priorWarning(person(), TODAY, 12)).toEqual({ counts: false, overturned: false });
  });
});

describe('who may impose is a school setting (002 §10 and §44: "only ... at a Headteacher/Governor level")', () => {
  it('002 §10: by default the head teacher or the governing board, not a senior leader', () => {
    expect(applyTransition(caseAt('warning'), T.impose, ctx(TODAY)).ok).toBe(true);
    expect(
      applyTransition(caseAt('warning'), { ...T.impose, decidedBy: BOARD }, ctx(TODAY)).ok,
    ).toBe(true);
    expect(
      applyTransition(caseAt('warning'), { ...T.impose, decidedBy: SENIOR }, ctx(TODAY)),
    ).toEqual({
      ok: false,
      message: 'Only the head teacher or the governing board can impose a restriction.',
      problems: [],
    });
  });

  it('003 "or a member of the school\'s leadership team in their absence": a school may add senior leaders', () => {
    const settings = { imposers: ['headTeacher', 'seniorLeader'] as const };
    expect(
      applyTransition(caseAt('warning'), { ...T.impose, decidedBy: SENIOR }, ctx(TODAY, settings))
        .ok,
    ).toBe(true);
    // 001 "The Head Teacher will make this decision": the head teacher alone.
    expect(
      applyTransition(
        caseAt('warning'),
        { ...T.impose, decidedBy: BOARD },
        ctx(TODAY, { imposers: ['headTeacher'] }),
      ),
    ).toMatchObject({ ok: false, message: 'Only the head teacher can impose a restriction.' });
  });
});

describe('extensions (003 Level 3 "Governors may decide to maintain, extend or remove"; 002 §50)', () => {
  it('003 Level 3: where the chair confirms, the chair or the governing board extends, not the head', () => {
    expect(extendersFor(DEFAULT_LIFECYCLE_SETTINGS)).toEqual([
      'chairOfGovernors',
      'governingBoard',
    ]);
    expect(
      applyTransition(caseAt('active'), { ...T.extend, decidedBy: HEAD }, ctx('2026-08-20')),
    ).toMatchObject({
      ok: false,
      message: 'Only the chair of governors or the governing board can extend the restriction.',
    });
    expect(
      applyTransition(caseAt('active'), { ...T.extend, decidedBy: CHAIR }, ctx('2026-08-20')).ok,
    ).toBe(true);
  });

  it('001 and 002 §50: where the head teacher decides, the head teacher extends too; a school may name its own', () => {
    const headDecides = { ...DEFAULT_LIFECYCLE_SETTINGS, chairConfirms: false };
    expect(extendersFor(headDecides)).toEqual([
      'headTeacher',
      'chairOfGovernors',
      'governingBoard',
    ]);
    expect(extendersFor({ ...headDecides, extenders: ['governingBoard'] })).toEqual([
      'governingBoard',
    ]);
    const active = step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false });
    expect(
      applyTransition(
        active,
        { ...T.extend, decidedBy: HEAD },
        ctx('2026-08-20', { chairConfirms: false }),
      ).ok,
    ).toBe(true);
  });
});

describe('extensions count from the review (003 Level 3) and cannot stack past the longest term (002 §50)', () => {
  it('003 Level 3: an extension counts from the review that decides it, never from the old end', () => {
    const active = caseAt('active'); // 2 March 2026 to 1 September 2026
    const extended = applyTransition(active, T.extend, ctx('2026-06-01')); // 6 months
    expect(extended.ok && extended.case.restriction?.endDate).toBe('2026-11-30');
    expect(extended.ok && extended.record.details[0]).toBe(
      'Extended by 6 months from 1 June 2026 to 30 November 2026; reviewed by 22 July 2026.',
    );
    expect(extended.ok && extended.case.lastReviewedOn).toBe('2026-06-01');
  });

  it('002 §50: extensions cannot stack past the longest term, and must end later than now', () => {
    const active = caseAt('active');
    // Extending twice in a row counts from the review each time: 12 months at most from today.
    const once = step(
      active,
      { ...T.extend, duration: { kind: 'months', months: 12 } },
      '2026-08-20',
    );
    const twice = applyTransition(
      once,
      { ...T.extend, duration: { kind: 'months', months: 12 } },
      ctx('2026-12-18'),
    );
    expect(twice.ok && twice.case.restriction?.endDate).toBe('2027-12-17');
    // A school whose longest term is 6 months (001 "between 3 and 6 months") refuses 12.
    expect(
      refusedWith(
        applyTransition(
          active,
          { ...T.extend, duration: { kind: 'months', months: 12 } },
          ctx('2026-08-20', { longestTermMonths: 6 }),
        ),
      ),
    ).toEqual([
      'The extension cannot be recorded yet.',
      "It would end on 19 August 2027, after the longest the school's policy allows: 6 months, to 19 February 2027. Choose a shorter duration.",
    ]);
    // Three months from 1 June ends on 31 August, before the current end: not an extension.
    expect(
      refusedWith(
        applyTransition(
          active,
          { ...T.extend, duration: { kind: 'months', months: 3 } },
          ctx('2026-06-01'),
        ),
      ),
    ).toEqual([
      'The extension cannot be recorded yet.',
      'Counted from today, 3 months ends on 31 August 2026, no later than it already ends (1 September 2026). Choose a longer duration, or keep it as it is with a review.',
    ]);
    // Ending on the very day it already ends is no extension either.
    expect(
      applyTransition(
        active,
        { ...T.extend, duration: { kind: 'months', months: 3 } },
        ctx('2026-06-02'),
      ).ok,
    ).toBe(false);
    expect(
      applyTransition(
        active,
        { ...T.extend, duration: { kind: 'months', months: 3 } },
        ctx('2026-06-03'),
      ).ok,
    ).toBe(true);
  });

  it('002 §50 "linked to the end of ... terms": a term that ends on the review day is refused', () => {
    // The summer term ends on 22 July 2026.
    expect(
      refusedWith(
        applyTransition(
          caseAt('active'),
          { ...T.extend, duration: { kind: 'endOfTerm', term: 'summer' } },
          ctx('2026-07-22'),
        ),
      ),
    ).toContain(
      'It would end on 22 July 2026, the day it starts: a restriction must last more than a day. Choose a later term or a number of months.',
    );
  });
});

describe('degenerate periods are refused when imposing (002 §50 and §52)', () => {
  it('002 §50: a term end that is the start day gives a one-day restriction: refused', () => {
    const result = applyTransition(
      caseAt('warning'),
      { ...T.impose, duration: { kind: 'endOfTerm', term: 'spring' } },
      ctx('2026-03-27'),
    );
    expect(refusedWith(result)).toEqual([
      'The restriction cannot be imposed yet.',
      'It would end on 27 March 2026, the day it starts: a restriction must last more than a day. Choose a later term or a number of months.',
    ]);
  });

  it('002 §50: a start years ahead is refused (at most 28 days after the decision)', () => {
    const far = applyTransition(
      caseAt('warning'),
      { ...T.impose, startDate: '2028-03-01' },
      ctx(TODAY),
    );
    expect(refusedWith(far)).toEqual([
      'The restriction cannot be imposed yet.',
      'A restriction starts within 28 days of the decision: 1 March 2028 is too far ahead (the latest is 30 March 2026). Decide nearer the time.',
    ]);
    expect(
      applyTransition(caseAt('warning'), { ...T.impose, startDate: '2026-03-30' }, ctx(TODAY)).ok,
    ).toBe(true);
    expect(
      applyTransition(caseAt('warning'), { ...T.impose, startDate: '2026-03-31' }, ctx(TODAY)).ok,
    ).toBe(false);
  });

  it('001 "between 3 and 6 months": a school may set a shorter longest term for imposing', () => {
    expect(
      refusedWith(
        applyTransition(
          caseAt('warning'),
          { ...T.impose, duration: { kind: 'months', months: 12 } },
          ctx(TODAY, { longestTermMonths: 6 }),
        ),
      ),
    ).toContain(
      "It would end on 1 March 2027, after the longest the school's policy allows: 6 months, to 1 September 2026. Choose a shorter duration.",
    );
  });
});
