import {
  parseRestrictionItem,
  parseRestrictionItems,
  type RestrictionListItem,
} from '../../../src/policy/restrictionItem';
import { GARBAGE_CASES, listItem } from './fixtures';

function problemsOf(fields: Record<string, unknown>): string[] {
  const parsed = parseRestrictionItem(listItem(fields));
  return parsed.ok ? [] : parsed.malformed.problems;
}

describe('parseRestrictionItem: a valid item', () => {
  it('reads every column, normalising addresses and SharePoint dates', () => {
    const parsed = parseRestrictionItem(listItem());
    expect(parsed).toEqual({
      ok: true,
      restriction: {
        id: '7',
        personName: "Mary O'Brien",
        emails: ["o'brien@school-parent.org", 'mary.obrien@example.com'],
        status: 'Active',
        startDate: '2026-02-28',
        endDate: '2026-08-31',
        reviewDate: '2026-06-01',
        handling: 'Forward',
        spocName: 'Head Teacher',
        spocEmail: 'head@school.example.org',
        allowedContact: 'Email only',
        staffGuidance: 'Do not reply.',
        emergencyNote: 'Phone the office in an emergency.',
      },
    });
  });

  it('defaults optional text columns to empty text and leaves ReviewDate out', () => {
    const parsed = parseRestrictionItem(
      listItem({
        SpocName: undefined,
        AllowedContact: null,
        StaffGuidance: '',
        EmergencyNote: undefined,
        ReviewDate: null,
      }),
    );
    if (!parsed.ok) throw new Error(parsed.malformed.problems.join('; '));
    expect(parsed.restriction).toMatchObject({
      spocName: '',
      allowedContact: '',
      staffGuidance: '',
      emergencyNote: '',
    });
    expect(parsed.restriction).not.toHaveProperty('reviewDate');
  });

  it('accepts several separators in Emails', () => {
    const parsed = parseRestrictionItem(listItem({ Emails: 'a@x.org; b@x.org, c@x.org\nd@x.org' }));
    expect(parsed.ok && parsed.restriction.emails).toEqual([
      'a@x.org',
      'b@x.org',
      'c@x.org',
      'd@x.org',
    ]);
  });

  it('keeps the valid addresses and warns, without personal data, about the invalid ones', () => {
    const parsed = parseRestrictionItem(listItem({ Emails: 'a@x.org\nmary at home\nbob@' }));
    if (!parsed.ok) throw new Error('expected a restriction');
    expect(parsed.restriction.emails).toEqual(['a@x.org']);
    expect(parsed.restriction.warnings).toEqual(['Emails has 2 entries that are not addresses']);
  });

  it('reports an unreadable ReviewDate as a warning, not as malformed', () => {
    const parsed = parseRestrictionItem(listItem({ ReviewDate: 'next term' }));
    if (!parsed.ok) throw new Error('expected a restriction');
    expect(parsed.restriction.reviewDate).toBeUndefined();
    expect(parsed.restriction.warnings).toEqual(['ReviewDate is not a date']);
  });

  it('accepts a one-day restriction (EndDate equal to StartDate)', () => {
    expect(
      parseRestrictionItem(listItem({ StartDate: '2026-06-01', EndDate: '2026-06-01' })).ok,
    ).toBe(true);
  });

  it.each(['Warning', 'Overturned', 'Ended'])(
    'lets a %s item lack EndDate, Handling and SpocEmail',
    (status) => {
      const parsed = parseRestrictionItem(
        listItem({ Status: status, EndDate: null, Handling: null, SpocEmail: '' }),
      );
      if (!parsed.ok) throw new Error(parsed.malformed.problems.join('; '));
      expect(parsed.restriction).toMatchObject({ status, endDate: '', spocEmail: '' });
    },
  );
});

describe('parseRestrictionItem: malformed items', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['Title missing', { Title: '  ' }, ['Title is missing']],
    ['Title not text', { Title: { a: 1 } }, ['Title is not text']],
    ['Emails missing', { Emails: undefined }, ['Emails is missing']],
    ['Emails without any address', { Emails: 'Mary at home' }, ['Emails has no valid address']],
    ['Status missing', { Status: '' }, ['Status is missing']],
    [
      'Status mistyped',
      { Status: 'Actve' },
      ["Status 'Actve' is not one of Warning, Provisional, Active, Extended, Overturned, Ended"],
    ],
    [
      'Status in the wrong case (choices are exact)',
      { Status: 'active' },
      ["Status 'active' is not one of Warning, Provisional, Active, Extended, Overturned, Ended"],
    ],
    ['StartDate missing', { StartDate: null }, ['StartDate is missing']],
    ['StartDate unreadable', { StartDate: '31/02/2026' }, ['StartDate is not a date']],
    ['EndDate missing', { EndDate: undefined }, ['EndDate is missing']],
    ['EndDate unreadable', { EndDate: 'summer' }, ['EndDate is not a date']],
    [
      'EndDate before StartDate',
      { StartDate: '2026-06-02', EndDate: '2026-06-01' },
      ['EndDate is before StartDate'],
    ],
    ['Handling missing', { Handling: null }, ['Handling is missing']],
    [
      'Handling not a choice',
      { Handling: 'Delete' },
      ["Handling 'Delete' is not one of Forward, File, ForwardAndFile"],
    ],
    ['SpocEmail missing', { SpocEmail: '' }, ['SpocEmail is missing']],
    ['SpocEmail invalid', { SpocEmail: 'the office' }, ['SpocEmail is not a valid address']],
    [
      'several problems at once',
      { Title: null, EndDate: null, Handling: null },
      ['Title is missing', 'EndDate is missing', 'Handling is missing'],
    ],
  ])('%s', (_label, fields, expected) => {
    expect(problemsOf(fields)).toEqual(expected);
  });

  it.each(['Provisional', 'Active', 'Extended'])(
    'requires EndDate, Handling and SpocEmail for %s',
    (status) => {
      expect(
        problemsOf({ Status: status, EndDate: null, Handling: null, SpocEmail: null }),
      ).toEqual(['EndDate is missing', 'Handling is missing', 'SpocEmail is missing']);
    },
  );

  it('still requires StartDate for a Warning', () => {
    expect(problemsOf({ Status: 'Warning', StartDate: null })).toEqual(['StartDate is missing']);
  });

  it('keeps the readable addresses, name and status of a malformed item', () => {
    const parsed = parseRestrictionItem(listItem({ EndDate: null }));
    expect(parsed).toEqual({
      ok: false,
      malformed: {
        id: '7',
        problems: ['EndDate is missing'],
        emails: ["o'brien@school-parent.org", 'mary.obrien@example.com'],
        personName: "Mary O'Brien",
        status: 'Active',
      },
    });
  });

  it('leaves the status out when it could not be read', () => {
    const parsed = parseRestrictionItem(listItem({ Status: 'Actve' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.malformed).not.toHaveProperty('status');
  });

  it('never echoes a long or odd value typed into a choice column', () => {
    const problems = problemsOf({ Status: "Mary O'Brien threatened staff on 3 May" });
    expect(problems).toEqual([
      'Status is not one of Warning, Provisional, Active, Extended, Overturned, Ended',
    ]);
  });

  it('never puts an address or name into a problem', () => {
    const problems = problemsOf({
      Emails: 'not-an-address',
      SpocEmail: 'office',
      Title: '',
      EndDate: 'x',
    });
    for (const problem of problems) {
      expect(problem).not.toMatch(/not-an-address|office|o'brien|@/i);
    }
  });
});

describe('parseRestrictionItem: garbage', () => {
  it.each(GARBAGE_CASES)('never throws with %s in every column', (_label, value) => {
    const fields = Object.fromEntries(
      [
        'Title',
        'Emails',
        'Status',
        'StartDate',
        'EndDate',
        'ReviewDate',
        'Handling',
        'SpocName',
        'SpocEmail',
        'AllowedContact',
        'StaffGuidance',
        'EmergencyNote',
      ].map((column) => [column, value]),
    );
    const parsed = parseRestrictionItem({ id: 'x', fields });
    expect(parsed.ok).toBe(false);
  });

  it.each(GARBAGE_CASES)('never throws when the item itself is %s', (_label, value) => {
    const parsed = parseRestrictionItem(value as RestrictionListItem);
    expect(parsed).toEqual({
      ok: false,
      malformed: { id: '', problems: ['Item has no fields'], emails: [] },
    });
  });
});

describe('parseRestrictionItems', () => {
  it('separates readable items from unreadable ones', () => {
    const { restrictions, malformed } = parseRestrictionItems([
      listItem({}, '1'),
      listItem({ Status: 'Unknown' }, '2'),
      listItem({ Emails: 'b@x.org' }, '3'),
    ]);
    expect(restrictions.map((r) => r.id)).toEqual(['1', '3']);
    expect(malformed.map((m) => m.id)).toEqual(['2']);
  });
});
