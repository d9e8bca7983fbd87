// One address typed or pasted into a form (src/policy/addressEntry.ts). DOMAIN.md "Matching a
// sender": "Email addresses compare case-insensitively on the whole address" and "Addresses can
// legally contain an apostrophe (o'brien@…)": so a form must save the very address a sender check
// compares, whatever Outlook, a web page or a full-width keyboard pasted around it, and must
// refuse a look-alike that would never match the real address (issue 13 item 10).
import { normalizeAddress } from '../../../src/policy/addresses';
import { ADDRESS_ENTRY_MESSAGES, readAddressEntry } from '../../../src/policy/addressEntry';
import { GARBAGE_CASES } from './fixtures';

describe('readAddressEntry: what is pasted from Outlook and the web is read as its address', () => {
  it.each([
    [
      'a plain address, lower-cased whole',
      'Mark.Denton1978@Gmail.com',
      'mark.denton1978@gmail.com',
      undefined,
    ],
    [
      'an apostrophe (DOMAIN: legal)',
      "o'brien@school-parent.org",
      "o'brien@school-parent.org",
      undefined,
    ],
    [
      'Outlook: Name <address>',
      'Mark Denton <mark.denton1978@gmail.com>',
      'mark.denton1978@gmail.com',
      'Mark Denton',
    ],
    [
      'Outlook: "Surname, First" <address>',
      '"Denton, Mark" <mark.denton1978@gmail.com>',
      'mark.denton1978@gmail.com',
      'Denton, Mark',
    ],
    [
      "Outlook's trailing separator",
      'Mark Denton <mark@example.org>; ',
      'mark@example.org',
      'Mark Denton',
    ],
    ['angle brackets alone', '<mark@example.org>', 'mark@example.org', undefined],
    ['mailto:', 'mailto:mark@example.org', 'mark@example.org', undefined],
    [
      'mailto: with a subject',
      'mailto:mark@example.org?subject=Trip',
      'mark@example.org',
      undefined,
    ],
    ['Name <mailto:address>', 'Mark <mailto:mark@example.org>', 'mark@example.org', 'Mark'],
    ['zero-width spaces', 'mark\u200B@exam\u200Cple.org\uFEFF', 'mark@example.org', undefined],
    [
      'full-width letters and ＠ (NFKC)',
      'ｍａｒｋ＠ｅｘａｍｐｌｅ．ｏｒｇ',
      'mark@example.org',
      undefined,
    ],
    ['full-width angle brackets', 'Mark ＜mark@example.org＞', 'mark@example.org', 'Mark'],
    [
      'an accented Latin address (RFC 6531) is one alphabet',
      'josé@exemple.fr',
      'josé@exemple.fr',
      undefined,
    ],
    ['an accented Latin-1 letter before the @', 'Zoë@Example.org', 'zoë@example.org', undefined],
    [
      'mailto: percent-encoding is decoded',
      'mailto:john%2Bschool@example.org',
      'john+school@example.org',
      undefined,
    ],
    [
      'Name <mailto:…> percent-encoded',
      'John <mailto:john%2Bschool@example.org?subject=Trip%20form>',
      'john+school@example.org',
      'John',
    ],
    [
      'a display name that is the same address is no name',
      'Mark@Example.org <mark@example.org>',
      'mark@example.org',
      undefined,
    ],
    [
      'a quoted display name that is the same address is no name',
      '"mark@example.org" <mark@example.org>',
      'mark@example.org',
      undefined,
    ],
  ])('%s', (_label, input, address, name) => {
    const entry = readAddressEntry(input);
    expect(entry).toEqual(
      name === undefined ? { kind: 'address', address } : { kind: 'address', address, name },
    );
  });

  it('saves exactly the key a sender check compares (normalizeAddress of the plain address)', () => {
    const entry = readAddressEntry('"Denton, Mark" <ＭＡＲＫ＠Example.ORG>');
    expect(entry.kind === 'address' && entry.address).toBe(normalizeAddress('mark@example.org'));
  });

  it('empty or blank input is empty (the field may be optional)', () => {
    expect(readAddressEntry('')).toEqual({ kind: 'empty' });
    expect(readAddressEntry('  \u200B ')).toEqual({ kind: 'empty' });
  });
});

describe('readAddressEntry: what cannot be read safely is refused with a plain message', () => {
  it.each([
    ['a Cyrillic "а" in the domain', 'mark@gm\u0430il.com', 'lookAlike'],
    ['a Cyrillic "о" in the local part', 'mark.d\u043Enton@gmail.com', 'lookAlike'],
    ['a Greek omicron in the domain', 'mark@g\u03BFogle.com', 'lookAlike'],
    [
      'an all-Cyrillic look-alike label before a Latin one',
      '\u0440\u0430\u0443\u0440\u0430l@x.com',
      'lookAlike',
    ],
    ['a right-to-left override', 'mark@exa\u202Emple.org', 'hidden'],
    ['two addresses', 'a@example.org; b@example.org', 'severalAddresses'],
    ['two Outlook recipients', 'A <a@example.org>, B <b@example.org>', 'severalAddresses'],
    // Issue 13 item 10: never keep one of two addresses silently.
    ['two <…> groups after a name', 'Mary <m@x.org> <n@y.org>', 'severalAddresses'],
    ['two <…> groups together', '<a@b.org><c@d.org>', 'severalAddresses'],
    ['a display name that is another address', 'mark@real.org <evil@x.org>', 'severalAddresses'],
    [
      'a quoted display name that is another address',
      '"mark@real.org" <evil@x.org>',
      'severalAddresses',
    ],
    ['a name with another address in it', 'Mark mark@real.org <evil@x.org>', 'severalAddresses'],
    ['another address after the <…>', '<a@b.org> c@d.org', 'severalAddresses'],
    ['two addresses on separate lines', 'a@example.org\nb@example.org', 'severalAddresses'],
    ['two addresses with a space between', 'a@example.org  b@example.org', 'severalAddresses'],
    // Letters that only look like ordinary ones, within one alphabet.
    ['a dotless "ı" (Latin) before the @', 'sm\u0131th@x.org', 'unusualLetter'],
    ['a Latin alpha "ɑ" in the domain', 'mark@gm\u0251il.com', 'unusualLetter'],
    [
      'an all-Cyrillic look-alike address',
      '\u0441\u043E\u0441\u043E@\u0435\u0445.\u0441\u043E\u043C',
      'unusualLetter',
    ],
    [
      'an all-Cyrillic address (other alphabets cannot be entered)',
      'иван@почта.рф',
      'unusualLetter',
    ],
    ['an accented domain (rare for UK parents)', 'jose@société.fr', 'unusualLetter'],
    ['a decoded right-to-left override in a mailto:', 'mailto:mark@exa%E2%80%AEmple.org', 'hidden'],
    ['broken percent-encoding in a mailto:', 'mailto:john%2@example.org', 'notAnAddress'],
    ['a name alone', 'Mark Denton', 'notAnAddress'],
    ['no domain', 'mark@', 'notAnAddress'],
    ['a double dot', 'jo..smith@example.org', 'notAnAddress'],
  ] as const)('%s', (_label, input, problem) => {
    expect(readAddressEntry(input)).toEqual({
      kind: 'refused',
      problem,
      message: ADDRESS_ENTRY_MESSAGES[problem],
    });
  });

  it('every message is plain words that say what to do', () => {
    for (const message of Object.values(ADDRESS_ENTRY_MESSAGES)) {
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).not.toMatch(/NFKC|unicode|homoglyph|script/i);
    }
  });

  it('never throws, whatever it is given', () => {
    for (const garbage of GARBAGE_CASES) {
      expect(() => readAddressEntry(garbage as unknown as string)).not.toThrow();
    }
  });
});
