// Decisions on a restriction in force (003 Level 3 "maintain, extend or remove"; 001 "reviewed on
// a termly basis"; 002 §50): what a review, an extension, a variation and an ending record, and
// when each is refused, seen through applyTransition.
import {
  applyTransition,
  newCase,
  type RestrictionCase,
  type Transition,
  type TransitionContext,
  type TransitionResult,
} from '../../../src/policy/lifecycle';
import { T, TERMS, caseAt, ctx, person, step } from './helpers';

const APRIL = '2026-04-01';

const STRICTER: Transition = {
  ...T.vary,
  terms: { ...TERMS, terms: [...TERMS.terms, { kind: 'premisesBan' }] },
};
const LIGHTER: Transition = {
  ...T.vary,
  terms: { ...TERMS, terms: TERMS.terms.filter((t) => t.kind !== 'autoForwarding') },
};

/** A context whose school has entered no term dates. */
function withoutTermDates(today: string): TransitionContext {
  const base = ctx(today);
  return { ...base, dates: { ...base.dates, school: undefined } };
}

function accepted(result: TransitionResult) {
  if (!result.ok) throw new Error(`${result.message} ${result.problems.join(' ')}`);
  return result;
}

const REASONS_PROBLEM = 'Say why: every decision is recorded with its reasons (policy 002 §45).';

describe('every in-force decision is refused without its reasons (002 §45)', () => {
  it.each([
    ['review', T.review, caseAt('active'), 'The review cannot be recorded yet.'],
    ['extend', T.extend, caseAt('active'), 'The extension cannot be recorded yet.'],
    ['vary', LIGHTER, caseAt('active'), 'The new terms cannot be recorded yet.'],
    ['end', T.end, caseAt('active'), 'The decision cannot be recorded yet.'],
  ] as const)('%s without reasons is refused and records nothing', (_kind, t, c, message) => {
    expect(applyTransition(c, { ...t, reasons: '  ' } as Transition, ctx(APRIL))).toEqual({
      ok: false,
      message,
      problems: [REASONS_PROBLEM],
    });
  });
});

describe('a review keeps the restriction and sets the next review (003 Level 3 "maintain")', () => {
  it('003: a restriction in force is reviewed again on its own plan (about six months, capped at its end)', () => {
    const active = caseAt('active'); // imposed 2 March 2026 to 1 September 2026, six-monthly
    const result = accepted(applyTransition(active, T.review, ctx(APRIL)));
    expect(result.case.stage).toBe('active');
    expect(result.case.restriction).toEqual({ ...active.restriction, reviewDate: '2026-09-01' });
    expect(result.case.lastReviewedOn).toBe(APRIL);
    // The appeal window and the end stay; the review is replaced, not added.
    expect(result.deadlines).toEqual([
      { kind: 'appeal', due: '2026-04-07', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
      { kind: 'review', due: '2026-09-01', notes: [] },
    ]);
    expect(result.listChange).toEqual({ action: 'create', fields: { ReviewDate: '2026-09-01' } });
    expect(result.record.details).toEqual([
      'Reviewed and kept as it is until 1 September 2026; next review by 1 September 2026.',
    ]);
    expect(result.audit.what).toBe('Restriction reviewed and kept');
  });

  it('001 "reviewed on a termly basis": an extended restriction follows the school\'s plan for extended ones', () => {
    const extended = caseAt('extended'); // to 5 September 2026, reviewed termly (22 July 2026)
    // The school now reviews extended restrictions at their end: the setting applies, not the
    // plan recorded when it was extended.
    const atEnd = accepted(
      applyTransition(extended, T.review, ctx(APRIL, { extendedReviewPlan: 'atEnd' })),
    );
    expect(atEnd.case.stage).toBe('extended');
    expect(atEnd.case.restriction?.reviewDate).toBe('2026-09-05');
    expect(atEnd.deadlines).toEqual([
      { kind: 'appeal', due: '2026-04-07', notes: [] },
      { kind: 'end', due: '2026-09-05', notes: [] },
      { kind: 'review', due: '2026-09-05', notes: [] },
    ]);
  });

  it('a termly review with no term dates entered is refused, saying what to enter', () => {
    const message =
      "The school's term dates do not go far enough for a termly review. Ask the admin to enter the next year's term dates.";
    expect(applyTransition(caseAt('extended'), T.review, withoutTermDates(APRIL))).toEqual({
      ok: false,
      message,
      problems: [message],
    });
  });
});

describe('an extension (003 Level 3 "extend"; 002 §50)', () => {
  it('keeps the review plan the governors chose, and sets the appeal, review and end', () => {
    const active = caseAt('active');
    const result = accepted(
      applyTransition(active, { ...T.extend, reviewPlan: 'atEnd' }, ctx('2026-06-01')),
    );
    expect(result.case.stage).toBe('extended');
    expect(result.case.restriction).toEqual({
      ...active.restriction,
      duration: { kind: 'months', months: 6 },
      reviewPlan: 'atEnd',
      endDate: '2026-11-30',
      reviewDate: '2026-11-30',
    });
    expect(result.deadlines).toEqual([
      { kind: 'appeal', due: '2026-06-29', notes: [] },
      { kind: 'review', due: '2026-11-30', notes: [] },
      { kind: 'end', due: '2026-11-30', notes: [] },
    ]);
    expect(result.listChange?.fields).toEqual({
      Status: 'Extended',
      EndDate: '2026-11-30',
      ReviewDate: '2026-11-30',
    });
    expect(result.audit.what).toBe('Restriction extended to 30 November 2026');
  });

  it('an extension to a term end with no term dates entered is refused, saying what to do', () => {
    const result = applyTransition(
      caseAt('active'),
      { ...T.extend, duration: { kind: 'endOfTerm', term: 'autumn' } },
      withoutTermDates('2026-06-01'),
    );
    if (result.ok) throw new Error('expected a refusal');
    expect(result.message).toMatch(/term dates do not include the next autumn term/);
    expect(result.problems).toEqual([result.message]);
  });

  it('001 "termly": an extension reviewed termly with no term dates entered is refused', () => {
    const message =
      "The school's term dates do not go far enough for a termly review. Ask the admin to enter the next year's term dates.";
    expect(applyTransition(caseAt('active'), T.extend, withoutTermDates('2026-06-01'))).toEqual({
      ok: false,
      message,
      problems: [message],
    });
  });
});

describe('varying the terms (003 Level 3)', () => {
  it('003 Level 3: stricter terms are recorded as provisional, with the new terms in the record', () => {
    const result = accepted(applyTransition(caseAt('active'), STRICTER, ctx(APRIL)));
    expect(result.record.details).toEqual([
      'Terms varied to something stricter (provisional until the chair of governors decides):',
      'All contact with the school must be with Office Manager only; no other member of staff will reply to you.',
      'You may contact the school by email only.',
      'Your correspondence will be read to make sure no new issue is raised, and then filed without acknowledgement.',
      'All your emails to the school will be passed automatically to Office Manager.',
      'You may not come onto the school premises for any reason.',
    ]);
  });

  it('000 §7.1: lighter terms on a restriction in force count as a review and open a new appeal window', () => {
    const result = accepted(applyTransition(caseAt('active'), LIGHTER, ctx(APRIL)));
    expect(result.case.stage).toBe('active');
    expect(result.case.lastReviewedOn).toBe(APRIL);
    // The old appeal window (7 April) is replaced by one counted from this letter.
    expect(result.deadlines).toEqual([
      { kind: 'review', due: '2026-09-01', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
      { kind: 'appeal', due: '2026-05-01', notes: [] },
    ]);
    expect(result.record.details).toEqual([
      'Terms varied:',
      'All contact with the school must be with Office Manager only; no other member of staff will reply to you.',
      'You may contact the school by email only.',
      'Your correspondence will be read to make sure no new issue is raised, and then filed without acknowledgement.',
    ]);
  });

  it("003: lighter terms on a provisional restriction keep the chair's window, with no appeal yet and no review", () => {
    const provisional = caseAt('provisional');
    const result = accepted(applyTransition(provisional, LIGHTER, ctx('2026-03-04')));
    expect(result.case.stage).toBe('provisional');
    expect(result.case.lastReviewedOn).toBeUndefined();
    expect(result.deadlines).toEqual(provisional.deadlines);
    expect(result.deadlines.map((d) => d.kind)).toEqual(['representations', 'review', 'end']);
  });
});

describe('ending (003 Level 3 "remove")', () => {
  it('says what was closed: a concern, a warning or a restriction', () => {
    const closed = (c: RestrictionCase) => accepted(applyTransition(c, T.end, ctx(APRIL)));
    expect(closed(caseAt('concern')).audit.what).toBe('Concern closed');
    expect(closed(caseAt('warning')).audit.what).toBe('Warning closed');
    const ended = closed(caseAt('active'));
    expect(ended.audit.what).toBe('Restriction ended');
    expect(ended.record.details).toEqual(['Ended on 1 April 2026: it no longer applies.']);
    expect(ended.listChange).toEqual({ action: 'create', fields: { Status: 'Ended' } });
    expect(ended.deadlines).toEqual([]);
  });

  it('002 §51: closing a concern from an older version updates its item only when the person has an address', () => {
    const olderItem = (c: RestrictionCase): RestrictionCase => ({ ...c, restrictionItemId: '7' });
    const withAddress = step(person(), T.concern, APRIL);
    expect(applyTransition(olderItem(withAddress), T.end, ctx(APRIL))).toMatchObject({
      ok: true,
      listChange: { action: 'update', fields: { Status: 'Ended' } },
    });
    const noAddress = step(newCase({ name: 'Mr Smith', emails: [] }), T.concern, APRIL);
    expect(applyTransition(olderItem(noAddress), T.end, ctx(APRIL))).toMatchObject({
      ok: true,
      listChange: null,
    });
  });
});
