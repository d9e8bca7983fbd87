// Issue 14, item 7: an `Emails` entry that cannot be read as an address (typed by hand in
// SharePoint) still protects. A sender whose address is that same text, compared as the matching
// rules compare (whole, case-insensitive, <> and mailto: dropped), gets "cannot check", never
// "clear". Policy 002 §61–62 and §55: a restriction applies to the person's contact; a typing
// slip in the list must not silently lift it.
import { entryKey, parseAddress } from '../../../src/policy/addresses';
import { parseRestrictionItem } from '../../../src/policy/restrictionItem';
import type { MessageParticipants } from '../../../src/policy/types';
import { decideVerdict } from '../../../src/policy/verdict';
import { TODAY, listItem, restriction } from './fixtures';

const TYPED = 'jo..smith@example.org'; // two dots: not an address by the rules, yet Exchange may deliver it
const from = (address: string): MessageParticipants => ({ from: { address } });

function verdictOfItem(fields: Record<string, unknown>, message: MessageParticipants) {
  const parsed = parseRestrictionItem(listItem(fields));
  return decideVerdict({
    message,
    restrictions: parsed.ok ? [parsed.restriction] : [],
    malformed: parsed.ok ? [] : [parsed.malformed],
    today: TODAY,
  });
}

describe('entryKey: an entry as the matching rules compare it', () => {
  it.each([
    ['  Jo..Smith@Example.org ', TYPED],
    ['<mailto:JO..SMITH@example.org>', TYPED],
    ['Jo Smith <jo..smith@EXAMPLE.org>', TYPED],
    ['parent@school-intranet', 'parent@school-intranet'],
  ])('%j compares as %j', (entry, key) => {
    expect(entryKey(entry)).toBe(key);
    expect(parseAddress(entry)).toBeUndefined();
  });

  it('gives the same key as a readable address', () => {
    expect(entryKey('Mary <Mary@X.org>')).toBe(parseAddress('Mary <Mary@X.org>'));
  });

  it('gives nothing for something that is not text', () => {
    expect(entryKey(undefined as unknown as string)).toBe('');
  });
});

describe('parseRestrictionItem keeps unreadable entries', () => {
  it('on a readable item, beside its valid addresses', () => {
    const parsed = parseRestrictionItem(listItem({ Emails: `a@x.org\n${TYPED.toUpperCase()}\n ` }));
    if (!parsed.ok) throw new Error('expected a restriction');
    expect(parsed.restriction.emails).toEqual(['a@x.org']);
    expect(parsed.restriction.unreadableEntries).toEqual([TYPED]);
    // The warning for whoever keeps the list still names no address.
    expect(parsed.restriction.warnings).toEqual(['Emails has 1 entry that is not an address']);
  });

  it('on an item whose only entry is not an address (malformed), de-duplicated', () => {
    const parsed = parseRestrictionItem(listItem({ Emails: `${TYPED}; <${TYPED}>` }));
    if (parsed.ok) throw new Error('expected a malformed item');
    expect(parsed.malformed.emails).toEqual([]);
    expect(parsed.malformed.unreadableEntries).toEqual([TYPED]);
    expect(parsed.malformed.problems).toEqual(['Emails has no valid address']);
  });

  it('leaves the field out when every entry is an address', () => {
    const parsed = parseRestrictionItem(listItem({ Emails: 'a@x.org' }));
    expect(parsed.ok && parsed.restriction.unreadableEntries).toBeUndefined();
    const broken = parseRestrictionItem(listItem({ Emails: 'a@x.org', EndDate: null }));
    expect(!broken.ok && broken.malformed.unreadableEntries).toBeUndefined();
  });
});

describe('issue 14 item 7 (002 §61–62): an unreadable address entry still protects', () => {
  it('a sender whose address is the only, unreadable entry gets "cannot check", never clear', () => {
    expect(verdictOfItem({ Emails: TYPED }, from('Jo..Smith@example.org'))).toEqual({
      kind: 'unavailable',
      reason: 'malformedMatch',
    });
  });

  it('the same for an unreadable entry beside a valid address, on an item in force', () => {
    const fields = { Emails: `mary@x.org\n<mailto:${TYPED}>` };
    expect(verdictOfItem(fields, from(TYPED))).toEqual({
      kind: 'unavailable',
      reason: 'malformedMatch',
    });
    // The valid address is still restricted as before.
    expect(verdictOfItem(fields, from('mary@x.org')).kind).toBe('restricted');
  });

  it('reaches Sender and Reply-To too, as addresses do', () => {
    const fields = { Emails: `mary@x.org\n${TYPED}` };
    expect(
      verdictOfItem(fields, { from: { address: 'a@b.org' }, sender: { address: TYPED } }).kind,
    ).toBe('unavailable');
    expect(
      verdictOfItem(fields, { from: { address: 'a@b.org' }, replyTo: [{ address: TYPED }] }).kind,
    ).toBe('unavailable');
  });

  it('a different sender is still clear (whole-text comparison, not a substring)', () => {
    const fields = { Emails: `mary@x.org\n${TYPED}` };
    expect(verdictOfItem(fields, from('smith@example.org')).kind).toBe('clear');
    expect(verdictOfItem(fields, from(`x${TYPED}`)).kind).toBe('clear');
  });

  it('restricts nothing once the restriction is no longer in force (ended, not yet started)', () => {
    const ended = restriction({ status: 'Ended', unreadableEntries: [TYPED] });
    const future = restriction({ startDate: '2026-12-01', unreadableEntries: [TYPED] });
    for (const r of [ended, future]) {
      expect(
        decideVerdict({ message: from(TYPED), restrictions: [r], malformed: [], today: TODAY })
          .kind,
      ).toBe('clear');
    }
  });

  it('an unreadable record whose status restricts nothing does not make it "cannot check"', () => {
    expect(verdictOfItem({ Emails: TYPED, Status: 'Ended' }, from(TYPED)).kind).toBe('clear');
    expect(verdictOfItem({ Emails: TYPED, Status: 'Warning' }, from(TYPED)).kind).toBe('clear');
  });

  it('an address in force elsewhere still wins: restricted, not "cannot check"', () => {
    const other = restriction({ id: '2', emails: [TYPED] });
    const parsed = parseRestrictionItem(listItem({ Emails: TYPED }));
    if (parsed.ok) throw new Error('expected a malformed item');
    const verdict = decideVerdict({
      message: from(TYPED),
      restrictions: [other],
      malformed: [parsed.malformed],
      today: TODAY,
    });
    expect(verdict).toMatchObject({ kind: 'restricted', restriction: { id: '2' } });
  });
});
