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
    ['an all-Cyrillic address is one alphabet', 'иван@почта.рф', 'иван@почта.рф', undefined],
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
