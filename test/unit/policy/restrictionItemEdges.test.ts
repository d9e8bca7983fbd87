// Edges of reading a Contact Restrictions item (DOMAIN.md, "The list schema"): schools edit the
// list by hand and with other tools, so each column's odd values are read the same way every time,
// and an item that cannot be read is kept, with its id, so that whoever keeps the list can fix it.
import {
  parseRestrictionItem,
  parseRestrictionItems,
  type RestrictionListItem,
} from '../../../src/policy/restrictionItem';
import { listItem } from './fixtures';

const STATUS_CHOICES = 'Warning, Provisional, Active, Extended, Overturned, Ended';

function problemsOf(fields: Record<string, unknown>): string[] {
  const parsed = parseRestrictionItem(listItem(fields));
  return parsed.ok ? [] : parsed.malformed.problems;
}

describe('the item id', () => {
  it('a numeric id (as SharePoint REST gives it) is kept as text, on readable and unreadable items', () => {
    const { fields } = listItem();
    expect(
      parseRestrictionItem({ id: 42, fields } as unknown as RestrictionListItem),
    ).toMatchObject({
      ok: true,
      restriction: { id: '42' },
    });
    expect(
      parseRestrictionItem({
        id: 43,
        fields: { ...fields, Status: '' },
      } as unknown as RestrictionListItem),
    ).toMatchObject({ ok: false, malformed: { id: '43' } });
  });

  it('an id that is neither text nor a number is left empty, never invented', () => {
    const { fields } = listItem();
    expect(
      parseRestrictionItem({ id: { value: 7 }, fields } as unknown as RestrictionListItem),
    ).toMatchObject({ ok: true, restriction: { id: '' } });
  });

  it('fields that are a list, not columns, make the item unreadable', () => {
    expect(
      parseRestrictionItem({ id: '9', fields: ['Active'] } as unknown as RestrictionListItem),
    ).toEqual({ ok: false, malformed: { id: '9', problems: ['Item has no fields'], emails: [] } });
  });
});

describe('choice values echoed in a problem', () => {
  it('a mistyped choice of up to 30 letters is quoted, so the admin sees the typo', () => {
    const thirty = 'Active until the end of termxx';
    expect(thirty).toHaveLength(30);
    expect(problemsOf({ Status: thirty })).toEqual([
      `Status '${thirty}' is not one of ${STATUS_CHOICES}`,
    ]);
  });

  it('a longer value, or one with digits or punctuation, is never quoted (it may be a note)', () => {
    for (const value of ['Active until the end of termxxx', 'Active 2026', 'Active.', ' Active']) {
      expect(problemsOf({ Status: value })).toEqual([`Status is not one of ${STATUS_CHOICES}`]);
    }
  });

  it('a choice column holding a number is reported without the value', () => {
    expect(problemsOf({ Handling: 3 })).toEqual([
      'Handling is not one of Forward, File, ForwardAndFile',
    ]);
  });
});

describe('text columns', () => {
  it('a number or yes/no typed into a text column is read as text', () => {
    const parsed = parseRestrictionItem(listItem({ SpocName: 101, StaffGuidance: false }));
    expect(parsed).toMatchObject({
      ok: true,
      restriction: { spocName: '101', staffGuidance: 'false' },
    });
  });

  it.each(['SpocName', 'AllowedContact', 'StaffGuidance', 'EmergencyNote'])(
    'an object in %s is a problem, not silently dropped',
    (column) => {
      expect(problemsOf({ [column]: { text: 'x' } })).toEqual([`${column} is not text`]);
    },
  );

  it('the SPOC address is read from an Outlook-style entry', () => {
    expect(
      parseRestrictionItem(listItem({ SpocEmail: 'Head Teacher <Head@School.example.org>' })),
    ).toMatchObject({
      ok: true,
      restriction: { spocEmail: 'head@school.example.org' },
    });
    expect(problemsOf({ SpocEmail: 12 })).toEqual(['SpocEmail is not a valid address']);
  });
});

describe('optional dates on records that restrict nothing', () => {
  it('a Warning keeps its EndDate and ReviewDate when they are given', () => {
    const parsed = parseRestrictionItem(listItem({ Status: 'Warning' }));
    expect(parsed).toMatchObject({
      ok: true,
      restriction: { status: 'Warning', endDate: '2026-08-31', reviewDate: '2026-06-01' },
    });
  });

  it('an EndDate that cannot be read is a problem even where it is optional', () => {
    expect(problemsOf({ Status: 'Ended', EndDate: 'last summer' })).toEqual([
      'EndDate is not a date',
    ]);
  });
});

describe('parseRestrictionItems', () => {
  it('a list that is not an array gives no restrictions and nothing unreadable', () => {
    expect(parseRestrictionItems('items' as unknown as RestrictionListItem[])).toEqual({
      restrictions: [],
      malformed: [],
    });
  });
});
