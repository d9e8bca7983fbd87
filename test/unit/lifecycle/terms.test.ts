// The terms a restriction may set, as the parent is told them (letters) and as staff are told them
// (the Contact Restrictions columns the pane shows).
import {
  allowedContactText,
  describeTermForPerson,
  staffGuidanceText,
  type RestrictionTerms,
} from '../../../src/policy/lifecycle';

const spoc = { name: 'Priya Shah', email: 'business.manager@oakfield.sch.uk' };
const terms = (...kinds: RestrictionTerms['terms']): RestrictionTerms => ({ terms: kinds, spoc });

describe('terms of a restriction', () => {
  it('002 §57, 001 d: in person by appointment only, told to the parent and to staff', () => {
    expect(describeTermForPerson({ kind: 'byAppointment' }, spoc)).toBe(
      'You may see a member of staff in person by appointment only.',
    );
    expect(allowedContactText(terms({ kind: 'byAppointment' }))).toBe(
      'In person by appointment only.',
    );
  });

  it('002 §57: a written detail ending in a full stop is not doubled where our sentence ends (issue 13)', () => {
    const conditions = {
      kind: 'premisesConditions' as const,
      detail: 'No visits to the school office; meetings by appointment only. ',
    };
    const phone = { kind: 'phoneAtSetTimes' as const, detail: 'Tuesdays 2pm to 3pm.' };
    expect(describeTermForPerson(conditions, spoc)).toBe(
      'You may come onto the school premises only on these conditions: No visits to the school office; meetings by appointment only.',
    );
    expect(describeTermForPerson(phone, spoc)).toBe(
      'You may telephone the school only at these times: Tuesdays 2pm to 3pm.',
    );
    expect(allowedContactText(terms(phone, conditions))).toBe(
      'Phone only at: Tuesdays 2pm to 3pm.\nOn the premises only on these conditions: No visits to the school office; meetings by appointment only.',
    );
  });

  it('001 g: a second member of staff present at any meeting, notes taken; staff never meet them alone', () => {
    expect(describeTermForPerson({ kind: 'witnessPresent' }, spoc)).toBe(
      'Any meeting with a member of staff will take place with a second member of staff present, and notes may be taken.',
    );
    const guidance = staffGuidanceText(terms({ kind: 'witnessPresent' })).split('\n');
    expect(guidance).toContain('Never meet them alone: a second member of staff must be present.');
    expect(staffGuidanceText(terms({ kind: 'emailOnly' }))).not.toContain('Never meet them alone');
  });

  it('002 §61-62: whatever the terms, staff are told urgent or safeguarding matters are passed on at once', () => {
    for (const kind of ['premisesBan', 'witnessPresent', 'byAppointment'] as const)
      expect(staffGuidanceText(terms({ kind }))).toContain(
        'Anything urgent or about a child’s safety is passed on at once, as usual.',
      );
  });
});
