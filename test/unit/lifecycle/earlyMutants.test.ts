// Before any restriction: an informal concern and a written warning (002 §46-48; 003 Appendix 5
// Level 1; 001 "In the first instance"), seen through applyTransition.
import { applyTransition, newCase, type TransitionResult } from '../../../src/policy/lifecycle';
import { T, ctx, person } from './helpers';

const TODAY = '2026-03-02';
const SENIOR = { name: 'Mr Deputy', role: 'seniorLeader' } as const;

function accepted(result: TransitionResult) {
  if (!result.ok) throw new Error(`${result.message} ${result.problems.join(' ')}`);
  return result;
}

describe('an informal concern (002 §46-47; 001 "In the first instance")', () => {
  it('is recorded with its summary, sets no deadline and changes nothing staff see', () => {
    const result = accepted(
      applyTransition(person(), { ...T.concern, summary: '  Shouted at reception ' }, ctx(TODAY)),
    );
    expect(result.case.stage).toBe('concern');
    expect(result.case.concern).toEqual({ recordedOn: TODAY, summary: 'Shouted at reception' });
    expect(result.deadlines).toEqual([]);
    expect(result.case.deadlines).toEqual([]);
    expect(result.listChange).toBeNull();
    expect(result.record.details).toEqual(['Informal concern: Shouted at reception']);
    expect(result.audit.what).toBe('Informal concern recorded');
  });

  it('is refused without a summary, saying what is missing', () => {
    expect(applyTransition(person(), { ...T.concern, summary: ' ' }, ctx(TODAY))).toEqual({
      ok: false,
      message: 'The concern cannot be recorded yet.',
      problems: ['Write a short summary of the concern.'],
    });
  });
});

describe('003 Appendix 5: the head teacher or a senior leader takes the early steps', () => {
  it('a senior leader may record a concern and give a written warning', () => {
    expect(applyTransition(person(), { ...T.concern, decidedBy: SENIOR }, ctx(TODAY)).ok).toBe(
      true,
    );
    expect(applyTransition(person(), { ...T.warning, decidedBy: SENIOR }, ctx(TODAY)).ok).toBe(
      true,
    );
  });
});

describe('a written warning (002 §48; 003 Appendix 5 Level 1)', () => {
  it('002 §48: is refused until the behaviour, why and the steps taken are written', () => {
    expect(
      applyTransition(
        person(),
        { ...T.warning, behaviour: '', whyUnacceptable: ' ', stepsTaken: '' },
        ctx(TODAY),
      ),
    ).toEqual({
      ok: false,
      message: 'The warning cannot be recorded yet.',
      problems: [
        'Describe the unacceptable behaviour (002 §48).',
        'Explain why it is unacceptable (002 §48).',
        'Say what steps the school has taken (002 §48).',
      ],
    });
  });

  it('002 §48: says what follows, trimmed, or the default when left blank', () => {
    const follows = (whatFollows: string) =>
      accepted(applyTransition(person(), { ...T.warning, whatFollows }, ctx(TODAY))).case.warning
        ?.whatFollows;
    expect(follows('   ')).toBe(
      'If this happens again, the school will restrict the ways in which you may contact it.',
    );
    expect(follows('  A restriction will follow. ')).toBe('A restriction will follow.');
  });

  it('goes on the all-staff list with the name, every address and plain guidance for staff', () => {
    const c = newCase({ name: "  Mary O'Brien ", emails: ['mary@example.org', 'mob@example.net'] });
    const result = accepted(applyTransition(c, T.warning, ctx(TODAY)));
    expect(result.listChange).toEqual({
      action: 'create',
      fields: {
        Title: "Mary O'Brien",
        Emails: 'mary@example.org\nmob@example.net',
        Status: 'Warning',
        StartDate: TODAY,
        EndDate: null,
        ReviewDate: '2026-09-02',
        Handling: null,
        SpocName: null,
        SpocEmail: null,
        AllowedContact: null,
        StaffGuidance:
          'A written warning has been given. Nothing is restricted: reply as usual, and log any further unacceptable contact as an event.',
        EmergencyNote: null,
      },
    });
    expect(result.record.details).toEqual([
      'Written warning given on 2 March 2026; looked at again on 2 September 2026.',
    ]);
    expect(result.audit.what).toBe('Written warning recorded');
  });

  it('a person with no email address gets no list item (staff could not match one)', () => {
    const c = newCase({ name: 'Mr Smith', emails: [] });
    expect(applyTransition(c, T.warning, ctx(TODAY))).toMatchObject({ ok: true, listChange: null });
  });

  it('003 Appendix 5 Level 1: their account of events is due only where the school asks for one', () => {
    const asked = accepted(applyTransition(person(), T.warning, ctx(TODAY)));
    expect(asked.deadlines.map((d) => d.kind)).toEqual(['warningReview', 'versionOfEvents']);
    const notAsked = accepted(
      applyTransition(person(), T.warning, ctx(TODAY, { versionOfEventsDays: null })),
    );
    expect(notAsked.deadlines).toEqual([{ kind: 'warningReview', due: '2026-09-02', notes: [] }]);
  });
});
