// The terms of a restriction, checked where a reviewer chooses them, and as the parent (letters) and
// staff (the Contact Restrictions columns) are told them: every sentence, word for word.
import {
  DEFAULT_EMERGENCY_NOTE,
  addedTerms,
  allowedContactText,
  checkTerms,
  describeTermForPerson,
  emergencyNoteText,
  handlingFor,
  staffGuidanceText,
  type RestrictionTerms,
  type Term,
} from '../../../src/policy/lifecycle';
import { ADDRESS_ENTRY_MESSAGES } from '../../../src/policy/addressEntry';

const spoc = { name: 'Priya Shah', email: 'business.manager@oakfield.sch.uk' };
/** The same person typed with stray spaces round the name, as a form may send it. */
const paddedSpoc = { name: '  Priya Shah  ', email: 'business.manager@oakfield.sch.uk' };
const terms = (...kinds: Term[]): RestrictionTerms => ({ terms: kinds, spoc });

const NONE_CHOSEN = ['Choose at least one term for the restriction.'];
const URGENT = 'Anything urgent or about a child’s safety is passed on at once, as usual.';

describe('checking the terms a reviewer chose (002 §55, §57)', () => {
  it('a restriction with no terms, or none at all, asks for at least one term', () => {
    expect(checkTerms(undefined)).toEqual(NONE_CHOSEN);
    expect(checkTerms({ terms: [], spoc })).toEqual(NONE_CHOSEN);
    expect(checkTerms({ terms: undefined, spoc } as unknown as RestrictionTerms)).toEqual(
      NONE_CHOSEN,
    );
  });

  it('a well-formed set of terms has no problems', () => {
    expect(
      checkTerms(
        terms(
          { kind: 'singlePointOfContact' },
          { kind: 'emailOnly' },
          { kind: 'phoneAtSetTimes', detail: 'Tuesdays 2pm to 3pm' },
          { kind: 'premisesConditions', detail: 'Only to collect the children at the gate' },
          { kind: 'other', detail: 'No recording of staff' },
          { kind: 'other', detail: 'No posts about staff online' },
        ),
      ),
    ).toEqual([]);
  });

  it('a term the policies do not offer, or a missing one, is named as not offered and checked no further', () => {
    expect(
      checkTerms({
        terms: [null, { kind: 'curfew' }] as unknown as Term[],
        spoc,
      }),
    ).toEqual([
      'One of the terms is not one the policies offer.',
      'One of the terms is not one the policies offer.',
    ]);
  });

  it('a term chosen twice is named by its short label; "other" may be written more than once', () => {
    expect(
      checkTerms(
        terms(
          { kind: 'emailOnly' },
          { kind: 'emailOnly' },
          { kind: 'other', detail: 'No recording of staff' },
          { kind: 'other', detail: 'No posts about staff online' },
        ),
      ),
    ).toEqual(['"Contact by email only" is chosen twice.']);
  });

  it('the days and times, or the conditions, must be written out; spaces alone are not enough', () => {
    expect(
      checkTerms(
        terms(
          { kind: 'phoneAtSetTimes', detail: '   ' },
          { kind: 'premisesConditions' },
          { kind: 'other', detail: '\n' },
          { kind: 'emailOnly' },
        ),
      ),
    ).toEqual([
      'Write out "Phone calls only on set days and at set times": the days, times or conditions.',
      'Write out "Conditions on coming onto the school premises": the days, times or conditions.',
      'Write out "Other": the days, times or conditions.',
    ]);
  });

  it('a written term may be up to 500 characters, not counting spaces round it', () => {
    const at = 'x'.repeat(500);
    expect(checkTerms(terms({ kind: 'other', detail: `  ${at}  ` }))).toEqual([]);
    expect(checkTerms(terms({ kind: 'phoneAtSetTimes', detail: `${at}y` }))).toEqual([
      '"Phone calls only on set days and at set times" is too long: the most is 500 characters.',
    ]);
  });

  it('001 h: the single point of contact must be named, and have an address', () => {
    expect(checkTerms({ ...terms({ kind: 'emailOnly' }), spoc: paddedSpoc })).toEqual([]);
    expect(
      checkTerms({ ...terms({ kind: 'emailOnly' }), spoc: { name: '   ', email: spoc.email } }),
    ).toEqual(['Name the single point of contact who reads their correspondence.']);
    expect(checkTerms({ terms: [{ kind: 'emailOnly' }] } as unknown as RestrictionTerms)).toEqual([
      'Name the single point of contact who reads their correspondence.',
      "The single point of contact's email address does not look like an address.",
    ]);
  });

  it("001 h, 002 §55: the contact's address must be the plain address, never a look-alike of it (issue 13)", () => {
    const withEmail = (email: string) =>
      checkTerms({ ...terms({ kind: 'emailOnly' }), spoc: { name: 'Priya Shah', email } });
    // A Cyrillic "о" in oakfield: forwards would go elsewhere and isSpoc would never match.
    expect(withEmail('bm@\u043Eakfield.sch.uk')).toEqual([ADDRESS_ENTRY_MESSAGES.lookAlike]);
    expect(withEmail('bm@oak\u202Efield.sch.uk')).toEqual([ADDRESS_ENTRY_MESSAGES.hidden]);
    expect(withEmail('bm@oakfield.sch.uk; head@oakfield.sch.uk')).toEqual([
      ADDRESS_ENTRY_MESSAGES.severalAddresses,
    ]);
    // Not read down to its address here: what is saved must be the address alone.
    expect(withEmail('Priya Shah <bm@oakfield.sch.uk>')).toEqual([
      "The single point of contact's email address does not look like an address.",
    ]);
    expect(withEmail('bm@oakfield')).toEqual([
      "The single point of contact's email address does not look like an address.",
    ]);
    expect(withEmail('BM@Oakfield.sch.uk')).toEqual([]);
  });
});

describe('what happens to the email (the Handling column)', () => {
  it('001 h: read and filed without acknowledgement is filed; with forwarding as well, forwarded and filed', () => {
    expect(handlingFor([{ kind: 'readAndFiledWithoutAcknowledgement' }])).toBe('File');
    expect(
      handlingFor([{ kind: 'emailOnly' }, { kind: 'readAndFiledWithoutAcknowledgement' }]),
    ).toBe('File');
    expect(
      handlingFor([{ kind: 'autoForwarding' }, { kind: 'readAndFiledWithoutAcknowledgement' }]),
    ).toBe('ForwardAndFile');
  });

  it('002 §55: otherwise the email is forwarded', () => {
    expect(handlingFor([{ kind: 'autoForwarding' }])).toBe('Forward');
    expect(handlingFor([{ kind: 'emailOnly' }])).toBe('Forward');
  });
});

describe('the terms as the parent is told them (policy 003 Model Letters 2 and 4)', () => {
  it('each term has its own sentence, with the contact named without stray spaces', () => {
    const told = (term: Term) => describeTermForPerson(term, paddedSpoc);
    expect(told({ kind: 'singlePointOfContact' })).toBe(
      'All contact with the school must be with Priya Shah only; no other member of staff will reply to you.',
    );
    expect(told({ kind: 'emailOnly' })).toBe('You may contact the school by email only.');
    expect(told({ kind: 'letterOnly' })).toBe(
      'You may contact the school in writing by letter only.',
    );
    expect(told({ kind: 'phoneAtSetTimes', detail: ' Tuesdays 2pm to 3pm ' })).toBe(
      'You may telephone the school only at these times: Tuesdays 2pm to 3pm.',
    );
    expect(told({ kind: 'premisesConditions', detail: 'only to collect the children' })).toBe(
      'You may come onto the school premises only on these conditions: only to collect the children.',
    );
    expect(told({ kind: 'premisesBan' })).toBe(
      'You may not come onto the school premises for any reason.',
    );
    expect(told({ kind: 'readAndFiledWithoutAcknowledgement' })).toBe(
      'Your correspondence will be read to make sure no new issue is raised, and then filed without acknowledgement.',
    );
    expect(told({ kind: 'autoForwarding' })).toBe(
      'All your emails to the school will be passed automatically to Priya Shah.',
    );
  });

  it('an "other" term is told as written, ending in exactly one full stop', () => {
    expect(describeTermForPerson({ kind: 'other', detail: ' Do not film staff. . \n' }, spoc)).toBe(
      'Do not film staff.',
    );
    expect(describeTermForPerson({ kind: 'other', detail: 'Do not film staff' }, spoc)).toBe(
      'Do not film staff.',
    );
  });
});

describe('the AllowedContact column, for staff', () => {
  it('lists the permitted channels, days and times in the order chosen', () => {
    const input: RestrictionTerms = {
      terms: [
        { kind: 'singlePointOfContact' },
        { kind: 'letterOnly' },
        { kind: 'phoneAtSetTimes', detail: 'Tuesdays 2pm to 3pm ' },
        { kind: 'premisesConditions', detail: 'only at the front gate' },
        { kind: 'premisesBan' },
        { kind: 'readAndFiledWithoutAcknowledgement' },
        { kind: 'other', detail: 'No recording of staff' },
      ],
      spoc: paddedSpoc,
    };
    expect(allowedContactText(input).split('\n')).toEqual([
      'Contact only with Priya Shah.',
      'By letter only.',
      'Phone only at: Tuesdays 2pm to 3pm.',
      'On the premises only on these conditions: only at the front gate.',
      'Not permitted on the school premises.',
    ]);
  });
});

describe('the StaffGuidance column: what any member of staff should do or say', () => {
  it('with no term needing more, staff pass everything to the contact and pass urgent matters on', () => {
    expect(staffGuidanceText({ ...terms({ kind: 'emailOnly' }), spoc: paddedSpoc })).toBe(
      ['Do not reply yourself. Pass anything from this person to Priya Shah.', URGENT].join('\n'),
    );
  });

  it('001 h, 002 §57, 003 Model Letter 4: each term adds what staff do, then the "other" terms and the school\'s own words', () => {
    const input: RestrictionTerms = {
      terms: [
        { kind: 'premisesBan' },
        { kind: 'other', detail: 'No recording of staff. . ' },
        { kind: 'phoneAtSetTimes', detail: 'Tuesdays 2pm to 3pm' },
        { kind: 'readAndFiledWithoutAcknowledgement' },
        { kind: 'other', detail: 'No posts about staff online' },
      ],
      spoc: paddedSpoc,
      staffGuidance: '  Tell Priya if they ring the class teacher.  ',
    };
    expect(staffGuidanceText(input).split('\n')).toEqual([
      'Do not reply yourself. Pass anything from this person to Priya Shah.',
      'Priya Shah reads their correspondence for new issues, then files it without acknowledgement.',
      'Outside the set phone times, politely say you cannot take the call and end it.',
      'If they come onto the site, ask them to leave and tell the head teacher at once.',
      'No recording of staff.',
      'No posts about staff online.',
      URGENT,
      'Tell Priya if they ring the class teacher.',
    ]);
  });

  it("the school's own words are left out when only spaces", () => {
    expect(staffGuidanceText({ ...terms({ kind: 'letterOnly' }), staffGuidance: ' \n ' })).toBe(
      ['Do not reply yourself. Pass anything from this person to Priya Shah.', URGENT].join('\n'),
    );
  });
});

describe('how urgent and statutory contact is still made (002 §61-62)', () => {
  it("the school's own note is used, trimmed; when empty or only spaces, the default", () => {
    expect(
      emergencyNoteText({
        ...terms({ kind: 'emailOnly' }),
        emergencyNote: '  Ring the office on 01234 567890.  ',
      }),
    ).toBe('Ring the office on 01234 567890.');
    expect(emergencyNoteText({ ...terms({ kind: 'emailOnly' }), emergencyNote: '   ' })).toBe(
      DEFAULT_EMERGENCY_NOTE,
    );
    expect(emergencyNoteText(terms({ kind: 'emailOnly' }))).toBe(DEFAULT_EMERGENCY_NOTE);
  });
});

describe('what a variation adds (003 Level 3)', () => {
  it('a term sent again with an empty detail is the same term, not a stricter one', () => {
    expect(
      addedTerms(terms({ kind: 'emailOnly' }), terms({ kind: 'emailOnly', detail: '' })),
    ).toEqual([]);
  });
});
