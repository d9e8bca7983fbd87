// What every decision shares (src/policy/lifecycle/handlers/common.ts), seen through
// applyTransition: required texts, the columns staff read, the appeal window and late letters.
import { applyTransition, type RestrictionCase } from '../../../src/policy/lifecycle';
import { T, TERMS, TODAY, bankHolidays, caseAt, ctx, person, step } from './helpers';

const ON = '2026-03-06';

describe('required texts (002 §48: a decision says what happened)', () => {
  it('a concern summary is kept without the spaces around it; blank or missing is refused', () => {
    const result = applyTransition(
      person(),
      { ...T.concern, summary: '   Shouted at reception  ' },
      ctx(ON),
    );
    expect(result.ok && result.case.concern).toEqual({
      recordedOn: ON,
      summary: 'Shouted at reception',
    });
    expect(result.ok && result.record.details).toEqual(['Informal concern: Shouted at reception']);
    const refused = {
      ok: false,
      message: 'The concern cannot be recorded yet.',
      problems: ['Write a short summary of the concern.'],
    };
    expect(applyTransition(person(), { ...T.concern, summary: '   ' }, ctx(ON))).toEqual(refused);
    expect(
      applyTransition(person(), { ...T.concern, summary: undefined as never }, ctx(ON)),
    ).toEqual(refused);
  });

  it('a warning text may be up to 2000 characters, and the refusal names the field and the limit', () => {
    const longest = 'b'.repeat(2000);
    const ok = applyTransition(person(), { ...T.warning, behaviour: longest }, ctx(TODAY));
    expect(ok.ok && ok.case.warning?.behaviour).toBe(longest);
    expect(
      applyTransition(person(), { ...T.warning, behaviour: `${longest}b` }, ctx(TODAY)),
    ).toEqual({
      ok: false,
      message: 'The warning cannot be recorded yet.',
      problems: ['Describe the unacceptable behaviour (002 §48): the most is 2000 characters.'],
    });
  });
});

describe('"a restriction is already in place" needs both a restriction and an in-force stage', () => {
  it('a person warned again after a restriction ended is told a warning was given, not that a restriction is in place', () => {
    // The ended restriction stays on the case as history.
    const warnedAgain = step(caseAt('ended'), T.warning, '2026-03-10');
    expect(warnedAgain.restriction).toBeDefined();
    expect(applyTransition(warnedAgain, T.concern, ctx('2026-03-10'))).toEqual({
      ok: false,
      message: 'You cannot record an informal concern: only a written warning has been given.',
      problems: [],
    });
  });

  it('a stored case marked in force without its restriction gets the plain stage message', () => {
    // The case store reads any known stage without checking that a restriction is recorded.
    const damaged: RestrictionCase = { ...person(), stage: 'active' };
    expect(applyTransition(damaged, { ...T.impose, withoutWarning: 'threats' }, ctx(ON))).toEqual({
      ok: false,
      message: 'You cannot impose a restriction: a restriction is in force.',
      problems: [],
    });
    const real = applyTransition(caseAt('active'), T.concern, ctx(ON));
    expect(real.ok === false && real.message).toBe(
      'A restriction is already in place, so you cannot record an informal concern. Record the contact as an event.',
    );
  });
});

describe('the columns staff read (Contact Restrictions list)', () => {
  it('the name, the single point of contact and their address are written without stray spaces', () => {
    const c: RestrictionCase = {
      ...caseAt('warning'),
      person: { ...person().person, name: "  Mary O'Brien " },
    };
    const result = applyTransition(
      c,
      {
        ...T.impose,
        terms: {
          ...TERMS,
          spoc: { name: '  Office Manager ', email: ' Office@Oakfield.sch.uk  ' },
        },
      },
      ctx(TODAY),
    );
    expect(result.ok && result.listChange?.fields).toMatchObject({
      Title: "Mary O'Brien",
      SpocName: 'Office Manager',
      SpocEmail: 'office@oakfield.sch.uk',
    });
  });

  it('the decision record lists each term in the words the person reads (003 Model Letters 2 and 4)', () => {
    const result = applyTransition(caseAt('warning'), T.impose, ctx(TODAY));
    expect(result.ok && result.record.details.slice(1)).toEqual([
      'All contact with the school must be with Office Manager only; no other member of staff will reply to you.',
      'You may contact the school by email only.',
      'Your correspondence will be read to make sure no new issue is raised, and then filed without acknowledgement.',
      'All your emails to the school will be passed automatically to Office Manager.',
    ]);
  });
});

describe('the appeal window (000 §7.1)', () => {
  it('a school whose policy has no appeal sets no appeal deadline', () => {
    const result = applyTransition(
      caseAt('warning'),
      T.impose,
      ctx(TODAY, { chairConfirms: false, appealDays: null }),
    );
    expect(result.ok && result.deadlines).toEqual([
      { kind: 'review', due: '2026-09-01', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
    ]);
  });

  it('the appeal deadline says when it counted days without term dates', () => {
    const noTermDates = {
      ...ctx(TODAY, { chairConfirms: false }),
      dates: { bankHolidays, counting: 'schoolDays' as const },
    };
    const result = applyTransition(caseAt('warning'), T.impose, noTermDates);
    expect(result.ok && result.deadlines[0]).toEqual({
      kind: 'appeal',
      due: '2026-03-30',
      notes: [
        'No term dates are entered for 2026-03-03 to 2026-03-30: those days were counted as working days.',
      ],
    });
  });
});

describe('late letters: a window closes at the end of its last day', () => {
  it('003: representations received on the last day of the window are on time, the day after late', () => {
    const c = caseAt('provisional'); // letter 2 March: representations until 16 March
    const onLastDay = applyTransition(
      c,
      { ...T.representations, receivedOn: '2026-03-16' },
      ctx('2026-03-16'),
    );
    expect(onLastDay.ok && onLastDay.case.representations).toEqual({
      receivedOn: '2026-03-16',
      late: false,
    });
    const dayAfter = applyTransition(
      c,
      { ...T.representations, receivedOn: '2026-03-17' },
      ctx('2026-03-17'),
    );
    expect(dayAfter.ok && dayAfter.case.representations?.late).toBe(true);
  });

  it('000 §7.1: an appeal is late only against the appeal window, not the representations window', () => {
    // Provisional: the only window open is for representations (closed on 16 March).
    const result = applyTransition(
      caseAt('provisional'),
      { ...T.appeal, receivedOn: '2026-03-18' },
      ctx('2026-03-18'),
    );
    expect(result.ok && result.case.appeal).toEqual({ receivedOn: '2026-03-18', late: false });
    expect(result.ok && result.record.details).toEqual([
      'Appeal received on 18 March 2026; it goes to the clerk to governors under the complaints procedure (000 §7.1).',
    ]);
  });
});

describe("the chair's early decision (003)", () => {
  it('confirming inside the representations window is refused with the date, and nothing else to fix', () => {
    expect(applyTransition(caseAt('provisional'), T.confirm, ctx('2026-03-10'))).toEqual({
      ok: false,
      message:
        'The person may send representations until 16 March 2026. The chair confirms after that date, or once their representations have been received (policy 003).',
      problems: [],
    });
  });
});
