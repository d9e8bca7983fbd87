// Imposing a restriction (src/policy/lifecycle/handlers/impose.ts; 002 §49-52; 003 Level 3 and
// Model Letters 2 and 4; 001 "Imposing Restrictions"; 000 §6), seen through applyTransition.
import { applyTransition, type RestrictionCase } from '../../../src/policy/lifecycle';
import { T, TODAY, caseAt, ctx, person } from './helpers';

const EXTREME_ONLY =
  'Without one, a restriction is only for extreme cases (violence, threats, stalking, or a risk to the immediate safety of staff or pupils: policies 001, 002 §33, 004): say which.';
const NOT_YET = 'The restriction cannot be imposed yet.';

describe('imposing is refused, with every problem listed, until the details are sound', () => {
  it('002 §33, 004: nobody warned and no extreme ground named: told plainly that no warning was given', () => {
    expect(applyTransition(person(), T.impose, ctx(TODAY))).toEqual({
      ok: false,
      message: NOT_YET,
      problems: [`No written warning has been given. ${EXTREME_ONLY}`],
    });
  });

  it('002 §33: a ground for no warning that is not one of the extreme cases is refused, saying which count', () => {
    expect(
      applyTransition(
        caseAt('warning'),
        { ...T.impose, withoutWarning: 'rudeness' as never },
        ctx(TODAY),
      ),
    ).toEqual({
      ok: false,
      message: NOT_YET,
      problems: [
        'Choose why there was no warning first: violence, threats, stalking, or a risk to immediate safety.',
      ],
    });
  });

  it("the list item needs the person's name: blank or missing is refused", () => {
    const refused = { ok: false, message: NOT_YET, problems: ["Add the person's name."] };
    for (const name of ['   ', undefined]) {
      const c: RestrictionCase = {
        ...caseAt('warning'),
        person: { name: name as string, emails: ['mary.obrien@example.org'] },
      };
      expect(applyTransition(c, T.impose, ctx(TODAY))).toEqual(refused);
    }
  });

  it('a start date that is not a date is refused as such', () => {
    expect(
      applyTransition(caseAt('warning'), { ...T.impose, startDate: 'next week' }, ctx(TODAY)),
    ).toEqual({ ok: false, message: NOT_YET, problems: ['The start date is not a date.'] });
  });

  it('002 §50: an end at a term the school has not entered is refused, and the reason is listed', () => {
    const message =
      "The school's term dates do not include the next spring term. Ask the admin to enter them, or choose a number of months.";
    expect(
      applyTransition(
        caseAt('warning'),
        { ...T.impose, duration: { kind: 'endOfTerm', term: 'spring' }, startDate: '2027-04-01' },
        ctx(TODAY),
      ),
    ).toEqual({ ok: false, message, problems: [message] });
  });

  it('001 "reviewed on a termly basis": without term dates far enough ahead, a termly review is refused', () => {
    const message =
      "The school's term dates do not go far enough for a termly review. Ask the admin to enter the next year's term dates.";
    expect(
      applyTransition(
        person(),
        { ...T.impose, withoutWarning: 'threats', reviewPlan: 'termly' },
        ctx('2027-07-01'),
      ),
    ).toEqual({ ok: false, message, problems: [message] });
  });
});

describe('what the decision record and the audit say (002 §45)', () => {
  it('003: where the chair confirms, the record and the audit say provisional', () => {
    const result = applyTransition(caseAt('warning'), T.impose, ctx(TODAY));
    if (!result.ok) throw new Error(result.message);
    expect(result.record.details[0]).toBe(
      'Restriction imposed (provisional until the chair of governors decides): 6 months, from 2 March 2026 to 1 September 2026; review by 1 September 2026.',
    );
    expect(result.record.details).toHaveLength(5);
    expect(result.audit.what).toBe('Restriction imposed (provisional) until 1 September 2026');
  });

  it('000 §6.2: where the head teacher decides, in force at once, and nothing says provisional', () => {
    const result = applyTransition(
      caseAt('warning'),
      { ...T.impose, duration: { kind: 'months', months: 3 } },
      ctx(TODAY, { chairConfirms: false }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.record.details[0]).toBe(
      'Restriction imposed: 3 months, from 2 March 2026 to 1 June 2026; review by 1 June 2026.',
    );
    expect(result.audit.what).toBe('Restriction imposed until 1 June 2026');
  });
});
