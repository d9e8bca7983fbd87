// The lifecycle rules of issue 14, each against the policy paragraph it comes from.
import {
  addedTerms,
  applyTransition,
  extendersFor,
  priorWarning,
  DEFAULT_LIFECYCLE_SETTINGS,
  type RestrictionCase,
  type Transition,
} from '../../../src/policy/lifecycle';
import { sameDateMonthsLater } from '../../../src/policy/dates/periods';
import { addDays } from '../../../src/policy/londonDate';
import {
  BOARD,
  caseAt,
  CHAIR,
  ctx,
  HEAD,
  person,
  refusedWith,
  step,
  T,
  TERMS,
  TODAY,
} from './helpers';

const SENIOR = { name: 'Mr Deputy', role: 'seniorLeader' } as const;
const STRICTER: Transition = {
  ...T.vary,
  terms: { ...TERMS, terms: [...TERMS.terms, { kind: 'premisesBan' }] },
};
const LIGHTER: Transition = {
  ...T.vary,
  terms: { ...TERMS, terms: TERMS.terms.filter((t) => t.kind !== 'emailOnly') },
};

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

describe('varying the terms (003 Level 3: conditions are provisional until the chair confirms)', () => {
  it('003 Level 3: stricter terms go through the provisional stage and the representations window', () => {
    const result = applyTransition(caseAt('active'), STRICTER, ctx('2026-04-01'));
    if (!result.ok) throw new Error(result.message);
    expect(result.case.stage).toBe('provisional');
    expect(result.listChange?.fields).toMatchObject({
      Status: 'Provisional',
      AllowedContact: expect.stringContaining('Not permitted on the school premises.'),
    });
    expect(result.deadlines).toEqual([
      { kind: 'representations', due: '2026-04-17', notes: [] },
      { kind: 'review', due: '2026-09-01', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
    ]);
    expect(result.case.variation).toEqual({
      previousTerms: TERMS,
      previousStage: 'active',
      proposedOn: '2026-04-01',
    });
    expect(result.audit.what).toBe('Restriction terms varied (provisional)');
    // The chair waits for the window like an imposition.
    expect(applyTransition(result.case, T.confirm, ctx('2026-04-17')).ok).toBe(false);
  });

  it('003 Level 3: the chair confirming stricter terms returns the restriction to its stage, dates kept', () => {
    const varied = step(caseAt('extended'), STRICTER, '2026-04-01');
    const withLetter = step(
      varied,
      { ...T.representations, receivedOn: '2026-04-08' },
      '2026-04-08',
    );
    const confirmed = applyTransition(withLetter, T.confirm, ctx('2026-04-09'));
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.case.stage).toBe('extended');
    expect(confirmed.case.variation).toBeUndefined();
    expect(confirmed.listChange).toEqual({ action: 'create', fields: { Status: 'Extended' } });
    expect(confirmed.case.restriction?.reviewDate).toBe(varied.restriction?.reviewDate);
    expect(confirmed.deadlines.map((d) => d.kind)).toEqual(['appeal', 'review', 'end']);
    expect(confirmed.audit.what).toBe('Restriction terms confirmed');
  });

  it('003 Level 3: the chair overturning stricter terms restores the earlier terms, not the whole restriction', () => {
    const varied = step(caseAt('active'), STRICTER, '2026-04-01');
    const overturned = applyTransition(varied, T.overturn, ctx('2026-04-02'));
    if (!overturned.ok) throw new Error(overturned.message);
    expect(overturned.case.stage).toBe('active');
    expect(overturned.case.restriction?.terms).toEqual(TERMS);
    expect(overturned.case.variation).toBeUndefined();
    expect(overturned.listChange?.fields).toMatchObject({
      Status: 'Active',
      AllowedContact: 'Contact only with Office Manager.\nBy email only.',
    });
    expect(overturned.deadlines.map((d) => d.kind)).toEqual(['review', 'end']);
    expect(overturned.audit.what).toBe('Restriction terms overturned; earlier terms restored');
  });

  it('003 Level 3: a second stricter variation before the chair decides keeps what applied first', () => {
    const varied = step(caseAt('active'), STRICTER, '2026-04-01');
    const again = step(
      varied,
      {
        ...T.vary,
        terms: { ...STRICTER.terms, terms: [...STRICTER.terms.terms, { kind: 'witnessPresent' }] },
      } as Transition,
      '2026-04-02',
    );
    expect(again.variation).toEqual({
      previousTerms: TERMS,
      previousStage: 'active',
      proposedOn: '2026-04-02',
    });
    // A fresh window from the second letter (Easter Monday, 6 April 2026, does not count).
    expect(again.deadlines[0]).toEqual({ kind: 'representations', due: '2026-04-20', notes: [] });
  });

  it('003 Level 3: stricter terms on a provisional restriction restart its representations window', () => {
    const provisional = step(caseAt('provisional'), T.representations, '2026-03-06');
    const varied = applyTransition(provisional, STRICTER, ctx('2026-03-09'));
    if (!varied.ok) throw new Error(varied.message);
    expect(varied.case.stage).toBe('provisional');
    expect(varied.case.representations).toBeUndefined();
    expect(varied.case.variation).toBeUndefined();
    expect(varied.deadlines[0]).toEqual({ kind: 'representations', due: '2026-03-23', notes: [] });
  });

  it('lighter terms apply at once, with the appeal window (000 §7.1)', () => {
    const result = applyTransition(caseAt('active'), LIGHTER, ctx('2026-04-01'));
    if (!result.ok) throw new Error(result.message);
    expect(result.case.stage).toBe('active');
    expect(result.listChange?.fields.Status).toBeUndefined();
    expect(result.audit.what).toBe('Restriction terms varied');
    // Lighter terms may be decided by the chair, who may not impose.
    expect(applyTransition(caseAt('active'), { ...LIGHTER, decidedBy: CHAIR }, ctx(TODAY)).ok).toBe(
      true,
    );
  });

  it('002 §10: stricter terms are decided by those who may impose', () => {
    expect(
      applyTransition(caseAt('active'), { ...STRICTER, decidedBy: CHAIR }, ctx('2026-04-01')),
    ).toMatchObject({
      ok: false,
      message: 'Only the head teacher or the governing board can vary the terms.',
    });
  });

  it('000 §6.2 and §7.1: where the head teacher decides, stricter terms apply at once with the appeal window', () => {
    const active = step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false });
    const result = applyTransition(active, STRICTER, ctx('2026-04-01', { chairConfirms: false }));
    if (!result.ok) throw new Error(result.message);
    expect(result.case.stage).toBe('active');
    expect(result.deadlines.map((d) => d.kind)).toContain('appeal');
    expect(result.case.variation).toBeUndefined();
  });

  it('addedTerms: a new kind, or the same kind with new words, is stricter; removing one is not', () => {
    const phone = (detail: string) => ({ kind: 'phoneAtSetTimes' as const, detail });
    const base = { ...TERMS, terms: [phone('Mondays 9-10')] };
    expect(addedTerms(base, { ...TERMS, terms: [phone(' Mondays 9-10 ')] })).toEqual([]);
    expect(addedTerms(base, { ...TERMS, terms: [phone('Fridays 9-10')] })).toEqual([
      phone('Fridays 9-10'),
    ]);
    expect(addedTerms(TERMS, LIGHTER.kind === 'vary' ? LIGHTER.terms : TERMS)).toEqual([]);
  });
});

describe("the chair's 10 days count from the parent's letter (003 Level 3)", () => {
  it('003 Level 3: "within 10 working days of the date of the parent\'s letter"', () => {
    const result = applyTransition(
      caseAt('provisional'),
      { ...T.representations, receivedOn: '2026-03-09', letterDate: '2026-03-05' },
      ctx('2026-03-09'),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.deadlines.find((d) => d.kind === 'chairAnswer')).toEqual({
      kind: 'chairAnswer',
      due: '2026-03-19',
      notes: [],
    });
    expect(result.case.representations).toEqual({
      receivedOn: '2026-03-09',
      late: false,
      letterDate: '2026-03-05',
    });
    expect(result.record.details[0]).toBe(
      'Representations received on 9 March 2026 (letter dated 5 March 2026); the chair answers by 19 March 2026.',
    );
  });

  it("003 Level 3: without the letter's date, counted from receipt and the deadline says so", () => {
    const result = applyTransition(caseAt('provisional'), T.representations, ctx('2026-03-06'));
    expect(result.ok && result.deadlines.find((d) => d.kind === 'chairAnswer')).toEqual({
      kind: 'chairAnswer',
      due: '2026-03-20',
      notes: [
        "The date of the parent's letter was not given: the chair's answer is counted from the day it was received.",
      ],
    });
  });

  it("refuses a parent's letter dated after it arrived, before the head's letter, or not a date", () => {
    const c: RestrictionCase = caseAt('provisional');
    const with_ = (letterDate: string) =>
      applyTransition(
        c,
        { ...T.representations, receivedOn: '2026-03-06', letterDate },
        ctx('2026-03-06'),
      );
    expect(refusedWith(with_('2026-03-07'))).toEqual([
      'The representations cannot be recorded yet.',
      "The parent's letter cannot be dated after the day it was received.",
    ]);
    expect(refusedWith(with_('2026-03-01'))).toEqual([
      'The representations cannot be recorded yet.',
      "The parent's letter cannot be dated before the head teacher's letter.",
    ]);
    expect(refusedWith(with_('6/3/2026'))).toEqual([
      'The representations cannot be recorded yet.',
      "The date of the parent's letter is not a date.",
    ]);
    expect(with_('2026-03-02').ok).toBe(true);
    expect(with_('2026-03-06').ok).toBe(true);
  });

  it('003 Level 3: representations on stricter terms count from the variation letter', () => {
    const varied = step(caseAt('active'), STRICTER, '2026-04-01');
    expect(
      refusedWith(
        applyTransition(
          varied,
          { ...T.representations, receivedOn: '2026-03-31' },
          ctx('2026-04-02'),
        ),
      ),
    ).toContain('Representations cannot be received before the restriction was imposed.');
  });
});
