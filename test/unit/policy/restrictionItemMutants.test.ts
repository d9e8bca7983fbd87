// Rules of reading a Contact Restrictions item (DOMAIN.md, "The list schema") that mutation testing
// (docs/mutation.md) showed no test would notice going wrong.
import {
  parseRestrictionItem,
  type RestrictionListItem,
} from '../../../src/policy/restrictionItem';
import { listItem } from './fixtures';

function parse(fields: Record<string, unknown>) {
  return parseRestrictionItem(listItem(fields));
}

describe('fields that are not columns (DOMAIN.md, The list schema: nothing here throws)', () => {
  it.each([null, 'Active', 42])('fields %p make the item unreadable, never a crash', (fields) => {
    expect(parseRestrictionItem({ id: '9', fields } as unknown as RestrictionListItem)).toEqual({
      ok: false,
      malformed: { id: '9', problems: ['Item has no fields'], emails: [] },
    });
  });
});

describe('an unreadable record keeps only what could be read (DOMAIN.md, The list schema)', () => {
  it('a missing Title and missing Emails leave no name and no addresses on the record', () => {
    const parsed = parse({ Title: '', Emails: null });
    expect(parsed).toEqual({
      ok: false,
      malformed: {
        id: '7',
        problems: ['Title is missing', 'Emails is missing'],
        emails: [],
        status: 'Active',
      },
    });
  });

  it('a Title that is not text names nobody, so no display name can match it', () => {
    const parsed = parse({ Title: { label: 'Mary' } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.malformed.problems).toEqual(['Title is not text']);
    expect(parsed.malformed).not.toHaveProperty('personName');
  });

  it('an Emails value that is neither text nor a list gives no entry to compare', () => {
    const parsed = parse({ Emails: 42 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.malformed.problems).toEqual(['Emails has no valid address']);
    expect(parsed.malformed).not.toHaveProperty('unreadableEntries');
  });
});

describe('Emails entries (DOMAIN.md, The list schema; issue 14, item 7)', () => {
  it('non-text values in a multi-value Emails column are neither addresses nor entries', () => {
    const parsed = parse({ Emails: ['mary@home.example', { label: 'x' }, 42] });
    expect(parsed).toMatchObject({ ok: true, restriction: { emails: ['mary@home.example'] } });
    if (!parsed.ok) return;
    expect(parsed.restriction).not.toHaveProperty('warnings');
    expect(parsed.restriction).not.toHaveProperty('unreadableEntries');
  });

  it('an entry with empty angle brackets is reported, but there is no text to compare it as', () => {
    const parsed = parse({ Emails: 'mary@home.example\nMary <>' });
    expect(parsed).toMatchObject({
      ok: true,
      restriction: { warnings: ['Emails has 1 entry that is not an address'] },
    });
    if (!parsed.ok) return;
    expect(parsed.restriction).not.toHaveProperty('unreadableEntries');
  });
});

describe('until the status is known, the strictest rules (DOMAIN.md, The list schema)', () => {
  it('a missing Status still requires EndDate, Handling and SpocEmail', () => {
    const parsed = parse({ Status: null, EndDate: null, Handling: null, SpocEmail: null });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.malformed.problems).toEqual([
      'Status is missing',
      'EndDate is missing',
      'Handling is missing',
      'SpocEmail is missing',
    ]);
  });
});

describe('optional and chosen columns (DOMAIN.md, The list schema)', () => {
  it('a restriction without a ReviewDate is read without any warning', () => {
    const parsed = parse({ ReviewDate: null });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.restriction).not.toHaveProperty('warnings');
    expect(parsed.restriction).not.toHaveProperty('reviewDate');
  });

  it.each(['File', 'ForwardAndFile'])('Handling %s is kept as chosen', (handling) => {
    expect(parse({ Handling: handling })).toMatchObject({
      ok: true,
      restriction: { handling },
    });
  });
});
