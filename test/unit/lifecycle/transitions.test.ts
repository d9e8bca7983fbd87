import {
  ALLOWED_FROM,
  STAGES,
  TRANSITION_KINDS,
  applyTransition,
  availableTransitions,
  type RestrictionCase,
  type Stage,
  type Transition,
  type TransitionKind,
} from '../../../src/policy/lifecycle';
import { isInForce } from '../../../src/policy/activeness';
import { parseRestrictionItem } from '../../../src/policy/restrictionItem';
import { CHAIR, HEAD, T, TERMS, TODAY, caseAt, ctx, person, step } from './helpers';

const ON = '2026-03-06';

/** A valid transition of each kind, and the case it is tried on when the stage allows it. */
const VALID: Record<TransitionKind, Transition> = {
  recordConcern: T.concern,
  issueWarning: T.warning,
  impose: { ...T.impose, withoutWarning: 'threats' },
  recordRepresentations: T.representations,
  confirm: T.confirm,
  overturn: T.overturn,
  review: T.review,
  // Counted from the review (ON), 12 months ends after the extended case's end.
  extend: { ...T.extend, duration: { kind: 'months', months: 12 } },
  vary: T.vary,
  end: T.end,
  recordAppeal: T.appeal,
  decideAppeal: T.decideAppeal,
};

function prepared(stage: Stage, kind: TransitionKind): RestrictionCase {
  const c = caseAt(stage);
  // An appeal decision needs an appeal waiting.
  if (kind === 'decideAppeal' && ALLOWED_FROM.recordAppeal.includes(stage))
    return step(c, T.appeal, ON);
  // The chair confirms once representations are in (or the window has closed).
  if (kind === 'confirm' && stage === 'provisional') return step(c, T.representations, ON);
  return c;
}

describe('every transition from every stage', () => {
  const matrix = STAGES.flatMap((stage) => TRANSITION_KINDS.map((kind) => [stage, kind] as const));
  it.each(matrix)('from %s: %s', (stage, kind) => {
    const result = applyTransition(prepared(stage, kind), VALID[kind], ctx(ON));
    const allowed = ALLOWED_FROM[kind].includes(stage);
    if (!result.ok && allowed) throw new Error(`${result.message} ${result.problems.join(' ')}`);
    expect(result.ok).toBe(allowed);
    if (!result.ok) {
      expect(result.message).not.toMatch(/undefined|\{|\}/);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('offers exactly the transitions the stage allows', () => {
    expect(availableTransitions(caseAt('none'), ON)).toEqual([
      'recordConcern',
      'issueWarning',
      'impose',
    ]);
    expect(availableTransitions(caseAt('provisional'), ON)).toEqual([
      'recordRepresentations',
      'confirm',
      'overturn',
      'vary',
      'end',
      'recordAppeal',
    ]);
    expect(availableTransitions(step(caseAt('active'), T.appeal, ON), ON)).toContain(
      'decideAppeal',
    );
  });
});

describe('refusals say what is wrong in plain words', () => {
  it('no confirming what was never imposed', () => {
    for (const stage of ['none', 'concern', 'warning', 'ended'] as const) {
      const result = applyTransition(caseAt(stage), T.confirm, ctx(ON));
      expect(result).toEqual({
        ok: false,
        message: 'There is nothing to confirm: no restriction has been imposed.',
        problems: [],
      });
    }
    expect(applyTransition(caseAt('active'), T.confirm, ctx(ON))).toMatchObject({
      ok: false,
      message: 'This restriction has already been confirmed.',
    });
  });

  it('no reviewing, extending or varying what is not in force', () => {
    expect(applyTransition(caseAt('warning'), T.review, ctx(ON))).toMatchObject({
      message: 'There is no restriction in force to review.',
    });
    expect(applyTransition(caseAt('provisional'), T.extend, ctx(ON))).toMatchObject({
      message:
        'The restriction is still provisional: the chair of governors confirms or overturns it first.',
    });
    expect(applyTransition(caseAt('active'), T.impose, ctx(ON))).toMatchObject({
      message: 'A restriction is already in place. Vary or extend it instead.',
    });
    expect(applyTransition(caseAt('none'), T.end, ctx(ON))).toMatchObject({
      message: 'There is nothing in force to end.',
    });
  });

  it('only the chair of governors (or the board) confirms or overturns', () => {
    const c = step(caseAt('provisional'), T.representations, ON);
    expect(applyTransition(c, { ...T.confirm, decidedBy: HEAD }, ctx(ON))).toMatchObject({
      ok: false,
      message: 'Only the chair of governors or the governing board can confirm the restriction.',
    });
    expect(
      applyTransition(caseAt('none'), { ...T.impose, decidedBy: CHAIR }, ctx(ON)),
    ).toMatchObject({ ok: false });
  });

  it('the chair waits for the representations window (003) unless they have arrived', () => {
    const c = caseAt('provisional'); // letter dated 2 March: 10 working days to 16 March
    expect(applyTransition(c, T.confirm, ctx('2026-03-16'))).toMatchObject({
      ok: false,
      message:
        'The person may send representations until 16 March 2026. The chair confirms after that date, or once their representations have been received (policy 003).',
    });
    expect(applyTransition(c, T.confirm, ctx('2026-03-17')).ok).toBe(true);
    // Overturning early is always open: it is in the parent's favour.
    expect(applyTransition(c, T.overturn, ctx('2026-03-03')).ok).toBe(true);
  });

  it('every decision says who and why', () => {
    const result = applyTransition(
      person(),
      { ...T.concern, reasons: ' ', decidedBy: { name: '', role: 'headTeacher' } },
      ctx(ON),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        'Say who made the decision.',
        'Say why: every decision is recorded with its reasons (policy 002 §45).',
      ],
    });
  });

  it('a warning names the behaviour, why it is unacceptable and the steps taken (002 §48)', () => {
    const result = applyTransition(
      person(),
      { ...T.warning, behaviour: '', whyUnacceptable: '', stepsTaken: '' },
      ctx(ON),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        'Describe the unacceptable behaviour (002 §48).',
        'Explain why it is unacceptable (002 §48).',
        'Say what steps the school has taken (002 §48).',
      ],
    });
  });
});

describe('imposing a restriction', () => {
  it('without a prior warning only in extreme cases, named', () => {
    const refused = applyTransition(person(), T.impose, ctx(TODAY));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]).toMatch(/^No written warning has been given/);
    const extreme = applyTransition(
      person(),
      { ...T.impose, withoutWarning: 'threats' },
      ctx(TODAY),
    );
    expect(extreme.ok && extreme.case.restriction?.withoutWarning).toBe('threats');
    const bogus = applyTransition(
      person(),
      { ...T.impose, withoutWarning: 'rudeness' as never },
      ctx(TODAY),
    );
    expect(bogus.ok).toBe(false);
  });

  it('is provisional where the chair confirms (003), with the list item staff read', () => {
    const result = applyTransition(caseAt('warning'), T.impose, ctx(TODAY));
    if (!result.ok) throw new Error(result.message);
    expect(result.case.stage).toBe('provisional');
    expect(result.listChange).toEqual({
      action: 'create',
      fields: {
        Title: "Mary O'Brien",
        Emails: 'mary.obrien@example.org\nmob@example.net',
        Status: 'Provisional',
        StartDate: '2026-03-02',
        EndDate: '2026-09-01',
        ReviewDate: '2026-09-01',
        Handling: 'ForwardAndFile',
        SpocName: 'Office Manager',
        SpocEmail: 'office@oakfield.sch.uk',
        AllowedContact: 'Contact only with Office Manager.\nBy email only.',
        StaffGuidance: expect.stringContaining(
          'Do not reply yourself. Pass anything from this person to Office Manager.',
        ),
        EmergencyNote: expect.stringContaining('In an emergency'),
      },
    });
    expect(result.deadlines).toEqual([
      { kind: 'representations', due: '2026-03-16', notes: [] },
      { kind: 'review', due: '2026-09-01', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
    ]);
    // The item the lifecycle writes is one the sender check reads as in force.
    const parsed = parseRestrictionItem({ id: '1', fields: result.listChange!.fields });
    expect(parsed.ok && isInForce(parsed.restriction, TODAY)).toBe(true);
  });

  it('is active at once where the head teacher decides, with the appeal window (000 §7.1)', () => {
    const result = applyTransition(
      caseAt('warning'),
      T.impose,
      ctx(TODAY, { chairConfirms: false }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.case.stage).toBe('active');
    expect(result.listChange?.fields.Status).toBe('Active');
    expect(result.deadlines[0]).toEqual({ kind: 'appeal', due: '2026-03-30', notes: [] });
    // A posted letter is received two working days later; the window counts from then.
    const posted = applyTransition(
      caseAt('warning'),
      T.impose,
      ctx(TODAY, { chairConfirms: false, letterDelivery: 'post' }),
    );
    expect(posted.ok && posted.deadlines[0]?.due).toBe('2026-04-01');
  });

  it('every restriction has an end and a review date, for every duration', () => {
    const durations = [
      { kind: 'months', months: 3 },
      { kind: 'months', months: 6 },
      { kind: 'months', months: 12 },
      { kind: 'endOfTerm', term: 'autumn' },
      { kind: 'endOfTerm', term: 'spring' },
      { kind: 'endOfTerm', term: 'summer' },
    ] as const;
    for (const duration of durations) {
      const result = applyTransition(caseAt('warning'), { ...T.impose, duration }, ctx(TODAY));
      if (!result.ok) throw new Error(result.message);
      const r = result.case.restriction!;
      expect(r.endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.reviewDate <= r.endDate).toBe(true);
    }
    const spring = applyTransition(
      caseAt('warning'),
      { ...T.impose, duration: { kind: 'endOfTerm', term: 'spring' } },
      ctx(TODAY),
    );
    expect(spring.ok && spring.case.restriction?.endDate).toBe('2026-03-27');
  });

  it('refuses unsound terms, a start in the past, and a person without an address', () => {
    const result = applyTransition(
      { ...caseAt('warning'), person: { name: 'X Y', emails: [] } },
      {
        ...T.impose,
        startDate: '2026-03-01',
        terms: {
          terms: [{ kind: 'phoneAtSetTimes' }, { kind: 'emailOnly' }, { kind: 'letterOnly' }],
          spoc: { name: '', email: 'nope' },
        },
      },
      ctx(TODAY),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        'Write out "Phone calls only on set days and at set times": the days, times or conditions.',
        'Choose email only or letter only, not both.',
        'Name the single point of contact who reads their correspondence.',
        "The single point of contact's email address does not look like an address.",
        'Add at least one email address for the person, so that staff see the restriction when their email arrives.',
        'A restriction cannot start before today.',
      ],
    });
    expect(
      applyTransition(
        caseAt('warning'),
        { ...T.impose, terms: { ...TERMS, terms: [] } },
        ctx(TODAY),
      ),
    ).toMatchObject({
      problems: ['Choose at least one term for the restriction.'],
    });
  });

  it('after an earlier restriction ended, may be imposed again without a new warning (004)', () => {
    const again = applyTransition(caseAt('ended'), T.impose, ctx('2026-04-20'));
    expect(again.ok && again.listChange?.action).toBe('create');
    const withItem = applyTransition(
      { ...caseAt('ended'), restrictionItemId: '7' },
      T.impose,
      ctx('2026-04-20'),
    );
    expect(withItem.ok && withItem.listChange?.action).toBe('update');
  });

  it('says when the term dates needed are missing', () => {
    const result = applyTransition(
      caseAt('warning'),
      { ...T.impose, duration: { kind: 'endOfTerm', term: 'spring' }, startDate: '2027-04-01' },
      ctx(TODAY),
    );
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/term dates do not include the next spring term/),
    });
  });
});

describe('after imposing', () => {
  it('representations set the chair’s 10-working-day answer, and a late one is noted', () => {
    const c = caseAt('provisional');
    const onTime = applyTransition(c, T.representations, ctx(ON));
    expect(onTime.ok && onTime.case.deadlines.find((d) => d.kind === 'chairAnswer')?.due).toBe(
      '2026-03-20',
    );
    expect(onTime.ok && onTime.case.representations).toEqual({ receivedOn: ON, late: false });
    const late = applyTransition(
      c,
      { ...T.representations, receivedOn: '2026-03-18' },
      ctx('2026-03-18'),
    );
    expect(late.ok && late.case.representations?.late).toBe(true);
    expect(applyTransition(c, { ...T.representations, receivedOn: '2026-03-20' }, ctx(ON)).ok).toBe(
      false,
    );
  });

  it('confirming makes it Active and sets the six-month review (003)', () => {
    const result = applyTransition(
      step(caseAt('provisional'), T.representations, ON),
      T.confirm,
      ctx('2026-03-10'),
    );
    expect(result.ok && result.listChange).toEqual({
      action: 'create',
      fields: { Status: 'Active', ReviewDate: '2026-09-01' },
    });
    expect(result.ok && result.case.deadlines.map((d) => d.kind)).toEqual([
      'appeal',
      'review',
      'end',
    ]);
  });

  it('overturning, ending and an upheld appeal stop it at once for staff', () => {
    const overturned = applyTransition(caseAt('provisional'), T.overturn, ctx(ON));
    expect(overturned.ok && overturned.listChange?.fields).toEqual({ Status: 'Overturned' });
    const ended = applyTransition(caseAt('active'), T.end, ctx(ON));
    expect(ended.ok && ended.listChange?.fields).toEqual({ Status: 'Ended' });
    expect(ended.ok && ended.case.deadlines).toEqual([]);
    const appealed = step(caseAt('active'), T.appeal, ON);
    const upheld = applyTransition(appealed, { ...T.decideAppeal, upheld: true }, ctx(ON));
    expect(upheld.ok && upheld.case.stage).toBe('overturned');
    expect(upheld.ok && upheld.listChange?.fields).toEqual({ Status: 'Overturned' });
    const dismissed = applyTransition(appealed, T.decideAppeal, ctx(ON));
    expect(dismissed.ok && dismissed.case.stage).toBe('active');
    expect(dismissed.ok && dismissed.listChange).toBeNull();
    // A second decision on the same appeal is refused.
    expect(
      applyTransition(dismissed.ok ? dismissed.case : appealed, T.decideAppeal, ctx(ON)).ok,
    ).toBe(false);
  });

  it('closing a concern or a warning touches nothing staff see (002 §51: a warning is not on their list)', () => {
    const concern = applyTransition(caseAt('concern'), T.end, ctx(ON));
    expect(concern.ok && concern.listChange).toBeNull();
    const warning = applyTransition(caseAt('warning'), T.end, ctx(ON));
    expect(warning.ok && warning.listChange).toBeNull();
  });

  it('a warning goes on the list as Warning, restricting nothing, with a date to look again', () => {
    const result = applyTransition(person(), T.warning, ctx(TODAY));
    expect(result.ok && result.listChange?.fields).toMatchObject({
      Status: 'Warning',
      StartDate: TODAY,
      EndDate: null,
      ReviewDate: '2026-09-02',
    });
    expect(result.ok && result.deadlines).toEqual([
      { kind: 'warningReview', due: '2026-09-02', notes: [] },
      { kind: 'versionOfEvents', due: '2026-03-16', notes: [] },
    ]);
    const parsed = parseRestrictionItem({
      id: '1',
      fields: result.ok ? result.listChange!.fields : {},
    });
    expect(parsed.ok && isInForce(parsed.restriction, TODAY)).toBe(false);
  });

  it('a review keeps it and sets the next date; extending counts from the review (003 Level 3), reviewed termly (001)', () => {
    const active = caseAt('active'); // 2 March 2026 to 1 September 2026
    const reviewed = applyTransition(active, T.review, ctx('2026-08-20'));
    expect(reviewed.ok && reviewed.listChange?.fields).toEqual({ ReviewDate: '2026-09-01' });
    expect(reviewed.ok && reviewed.case.lastReviewedOn).toBe('2026-08-20');
    const extended = applyTransition(active, T.extend, ctx('2026-08-20'));
    expect(extended.ok && extended.listChange?.fields).toEqual({
      Status: 'Extended',
      EndDate: '2027-02-19',
      ReviewDate: '2026-12-18',
    });
  });

  it('an extension by 12 months is reviewed at the end of the first term that leaves time (001)', () => {
    // From 20 August: the autumn term of 2026-27 ends on 18 December, before the new end.
    const extended = applyTransition(
      caseAt('active'),
      { ...T.extend, duration: { kind: 'months', months: 12 } },
      ctx('2026-08-20'),
    );
    expect(extended.ok && extended.case.restriction?.reviewDate).toBe('2026-12-18');
  });

  it('varying changes what staff are told, not the dates', () => {
    const result = applyTransition(caseAt('active'), T.vary, ctx(ON));
    expect(result.ok && result.listChange?.fields).toMatchObject({
      Handling: 'Forward',
      AllowedContact: 'By letter only.\nContact only with Office Manager.',
    });
    expect(result.ok && result.listChange?.fields.EndDate).toBeUndefined();
  });

  it('a restriction past its end date is ended, never reviewed or extended', () => {
    const active = caseAt('active');
    expect(applyTransition(active, T.extend, ctx('2026-09-02'))).toMatchObject({
      ok: false,
      message:
        'This restriction ended on 1 September 2026. To restrict contact again, impose a new restriction.',
    });
    const closed = applyTransition(active, T.end, ctx('2026-09-02'));
    expect(closed.ok && closed.record.details[0]).toBe(
      'Recorded as ended: it ran to its end date, 1 September 2026.',
    );
    expect(applyTransition(active, T.impose, ctx('2026-09-02')).ok).toBe(true);
  });
});

describe('the records', () => {
  it('the decision keeps who, when and why; the audit entry keeps no reasons', () => {
    const result = applyTransition({ ...caseAt('warning'), id: 'case-9' }, T.impose, ctx(TODAY));
    if (!result.ok) throw new Error(result.message);
    expect(result.record).toMatchObject({
      transition: 'impose',
      fromStage: 'warning',
      toStage: 'provisional',
      decidedOn: TODAY,
      recordedAt: '2026-03-02T10:00:00.000Z',
      decidedBy: HEAD,
      recordedBy: { name: 'Ms Amara Head', email: 'head@oakfield.sch.uk' },
      reasons: 'Behaviour continued after the warning',
    });
    expect(result.case.history.at(-1)).toEqual(result.record);
    expect(result.audit).toEqual({
      key: 'RestrictionChanged:op-2026-03-02',
      action: 'RestrictionChanged',
      what: 'Restriction imposed (provisional) until 1 September 2026',
      actorName: 'Ms Amara Head',
      actorEmail: 'head@oakfield.sch.uk',
      at: '2026-03-02T10:00:00.000Z',
      target: 'case-9',
    });
    expect(JSON.stringify(result.audit)).not.toMatch(/continued|O'Brien|example\.org/);
  });

  it('never changes the case it was given', () => {
    const c = caseAt('warning');
    const before = JSON.stringify(c);
    applyTransition(c, T.impose, ctx(TODAY));
    expect(JSON.stringify(c)).toBe(before);
  });
});
