// The dispatcher every decision goes through (src/policy/lifecycle/machine.ts): today's date, the
// kind of decision, who decided and why, the records kept, and what is offered next.
import {
  applyTransition,
  availableTransitions,
  newCase,
  type Transition,
} from '../../../src/policy/lifecycle';
import { HEAD, T, TODAY, caseAt, ctx, person, step } from './helpers';

const ON = '2026-03-06';

describe('refused before anything else is looked at', () => {
  it("a decision is refused when today's date is not known", () => {
    for (const today of ['', '6 March 2026']) {
      expect(applyTransition(caseAt('warning'), T.impose, { ...ctx(ON), today })).toEqual({
        ok: false,
        message: "Today's date is not known.",
        problems: [],
      });
    }
  });

  it('a kind of decision the policies do not know is refused in plain words', () => {
    expect(
      applyTransition(person(), { ...T.concern, kind: 'ban' } as unknown as Transition, ctx(ON)),
    ).toEqual({ ok: false, message: 'That is not a decision the policies know.', problems: [] });
  });
});

describe('who may decide (002 §10 and §44; 000 §7.1)', () => {
  it('a decision with nobody named as deciding is refused with who may take it', () => {
    const { decidedBy: _none, ...nobody } = T.impose;
    expect(applyTransition(caseAt('warning'), nobody as unknown as Transition, ctx(TODAY))).toEqual(
      {
        ok: false,
        message: 'Only the head teacher or the governing board can impose a restriction.',
        problems: [],
      },
    );
  });

  it('000 §7.1: with three who may decide, the refusal lists them all', () => {
    const appealed = step(caseAt('active'), T.appeal, ON);
    expect(applyTransition(appealed, { ...T.decideAppeal, decidedBy: HEAD }, ctx(ON))).toEqual({
      ok: false,
      message:
        'Only the chair of governors, the governing board or the appeal panel can record the outcome of an appeal.',
      problems: [],
    });
  });
});

describe('every decision says who and why (002 §45)', () => {
  const who = 'Say who made the decision.';
  const why = 'Say why: every decision is recorded with its reasons (policy 002 §45).';

  it('a name of spaces, or none, is no name; missing reasons are no reasons', () => {
    const blank = applyTransition(
      person(),
      { ...T.concern, decidedBy: { name: '   ', role: 'headTeacher' } },
      ctx(ON),
    );
    expect(blank).toEqual({
      ok: false,
      message: 'The concern cannot be recorded yet.',
      problems: [who],
    });
    const missing = applyTransition(
      person(),
      {
        ...T.concern,
        decidedBy: { role: 'headTeacher' },
        reasons: undefined,
      } as unknown as Transition,
      ctx(ON),
    );
    expect(missing).toEqual({
      ok: false,
      message: 'The concern cannot be recorded yet.',
      problems: [who, why],
    });
  });

  it('reasons may run to 4000 characters, not more', () => {
    const longest = 'r'.repeat(4000);
    const ok = applyTransition(person(), { ...T.concern, reasons: longest }, ctx(ON));
    expect(ok.ok && ok.record.reasons).toBe(longest);
    expect(applyTransition(person(), { ...T.concern, reasons: `${longest}r` }, ctx(ON))).toEqual({
      ok: false,
      message: 'The concern cannot be recorded yet.',
      problems: ['The reasons are too long: the most is 4000 characters.'],
    });
  });

  it('the record keeps the name and reasons without the spaces around them', () => {
    const result = applyTransition(
      person(),
      {
        ...T.concern,
        decidedBy: { name: '  Ms Amara Head ', role: 'headTeacher' },
        reasons: '  Reported by the office \n',
      },
      ctx(ON),
    );
    expect(result.ok && result.record.decidedBy).toEqual({
      name: 'Ms Amara Head',
      role: 'headTeacher',
    });
    expect(result.ok && result.record.reasons).toBe('Reported by the office');
    expect(result.ok && result.case.history[0]?.reasons).toBe('Reported by the office');
  });
});

describe('a new case and what it offers', () => {
  it('a new case has nothing due, and offers a concern, a warning or a restriction', () => {
    const c = newCase({ name: "Mary O'Brien", emails: ['mary.obrien@example.org'] });
    expect(c).toEqual({
      person: { name: "Mary O'Brien", emails: ['mary.obrien@example.org'] },
      stage: 'none',
      deadlines: [],
      history: [],
    });
    expect(availableTransitions(c, TODAY)).toEqual(['recordConcern', 'issueWarning', 'impose']);
  });

  it('000 §7.1: once the appeal is decided, deciding it again is no longer offered', () => {
    const appealed = step(caseAt('active'), T.appeal, ON);
    expect(availableTransitions(appealed, ON)).toContain('decideAppeal');
    const dismissed = step(appealed, T.decideAppeal, ON);
    expect(dismissed.appeal?.outcome).toBe('dismissed');
    expect(availableTransitions(dismissed, ON)).not.toContain('decideAppeal');
    expect(availableTransitions(caseAt('active'), ON)).not.toContain('decideAppeal');
  });
});
