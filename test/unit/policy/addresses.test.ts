import {
  displayNamesMatch,
  isEmailAddress,
  normalizeAddress,
  normalizeDisplayName,
  parseAddress,
  sameAddress,
  splitAddressList,
} from '../../../src/policy/addresses';
import { GARBAGE_CASES } from './fixtures';

describe('normalizeAddress', () => {
  it.each([
    ['plain', 'a@b.org', 'a@b.org'],
    ['whole address lower-cased', "O'Brien@School-Parent.ORG", "o'brien@school-parent.org"],
    ['trimmed', '  a@b.org \t', 'a@b.org'],
    ['angle brackets', '<A@B.org>', 'a@b.org'],
    ['mailto prefix', 'MAILTO:a@b.org', 'a@b.org'],
    ['mailto inside brackets', '<mailto:a@b.org>', 'a@b.org'],
    ['brackets after mailto', 'mailto:<a@b.org>', 'a@b.org'],
    ['zero-width characters from pasted text', '\u200Ba@b.org\uFEFF', 'a@b.org'],
    ['non-breaking spaces', '\u00A0a@b.org\u00A0', 'a@b.org'],
  ])('%s', (_label, raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe('isEmailAddress', () => {
  it.each([
    "o'brien@school-parent.org",
    'first.last+school@example.co.uk',
    'x-y_z@sub.domain.example',
    '12345@example.org',
    "!#$%&'*+/=?^_`{|}~-@example.org",
    '"john smith"@example.org',
    'zoë@exämple.org',
    'a@xn--bcher-kva.example',
  ])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    '',
    'mary',
    'mary@',
    '@example.org',
    'mary@localhost',
    'mary@1.2.3.4',
    'mary@@example.org',
    'mary smith@example.org',
    '.mary@example.org',
    'mary.@example.org',
    'ma..ry@example.org',
    'mary@-example.org',
    'mary@example-.org',
    'mary@example..org',
    'mary@example.org.',
    'mary(at)example.org',
    `${'a'.repeat(65)}@example.org`,
    `a@${'b'.repeat(250)}.org`,
  ])('rejects %j', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });
});

describe('parseAddress', () => {
  it('reads an address copied from Outlook with its display name', () => {
    expect(parseAddress('"O\'Brien, Mary" <Mary.OBrien@Example.com>')).toBe(
      'mary.obrien@example.com',
    );
  });

  it('returns undefined for a name without an address', () => {
    expect(parseAddress("Mary O'Brien")).toBeUndefined();
  });
});

describe('sameAddress', () => {
  it.each([
    ["o'brien@school-parent.org", "O'BRIEN@School-Parent.org", true],
    ['<a@b.org>', 'mailto:A@B.ORG', true],
    ['a@b.org', 'a@b.org.uk', false],
    ['a@b.org', 'aa@b.org', false],
    ['', '', false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(sameAddress(a, b)).toBe(expected);
  });
});

describe('splitAddressList', () => {
  it('reads one address per line, normalised', () => {
    expect(splitAddressList("O'Brien@School-Parent.org\r\nmary@example.com\n")).toEqual({
      addresses: ["o'brien@school-parent.org", 'mary@example.com'],
      invalid: [],
    });
  });

  it('accepts semicolons, commas and new lines mixed together', () => {
    const { addresses, invalid } = splitAddressList(
      'a@x.org; b@x.org,c@x.org\nd@x.org;;\n\n ,e@x.org',
    );
    expect(addresses).toEqual(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org']);
    expect(invalid).toEqual([]);
  });

  it('removes duplicates that differ only in case or decoration', () => {
    expect(splitAddressList('A@x.org\na@X.ORG; <a@x.org>\nmailto:a@x.org').addresses).toEqual([
      'a@x.org',
    ]);
  });

  it('puts entries that are not addresses in invalid, de-duplicated', () => {
    expect(splitAddressList('a@x.org\nphone only\nphone only\nb@x')).toEqual({
      addresses: ['a@x.org'],
      invalid: ['phone only', 'b@x'],
    });
  });

  it('does not split a quoted display name that contains a comma', () => {
    expect(splitAddressList('"O\'Brien, Mary" <mary@x.org>; b@x.org')).toEqual({
      addresses: ['mary@x.org', 'b@x.org'],
      invalid: [],
    });
  });

  it('lets a new line end an entry even after an unclosed quote', () => {
    expect(splitAddressList('"oops@x.org\nb@x.org').addresses).toEqual(['b@x.org']);
  });

  it('gives empty lists for an empty field', () => {
    expect(splitAddressList('  \n ; ')).toEqual({ addresses: [], invalid: [] });
  });
});

describe('normalizeDisplayName', () => {
  it.each([
    ["Mary O'Brien", "O'Brien, Mary"],
    ["Mary O'Brien", 'mary obrien'],
    ["Mary O'Brien", 'MARY   O\u2019BRIEN'],
    ["Mrs Mary O'Brien", "Mary O'Brien"],
    ["Dr. Mary O'Brien", "O'Brien, Mary (Miss)"],
    ['Zoë Smith-Jones', 'zoe smith jones'],
    ['Mary J. Smith', 'Smith, Mary'],
  ])('%j matches %j', (a, b) => {
    expect(normalizeDisplayName(a)).not.toBe('');
    expect(displayNamesMatch(a, b)).toBe(true);
  });

  it.each([
    ["Mary O'Brien", 'Mary Brien'],
    ["Mary O'Brien", "Mary Anne O'Brien"],
    ['Mary Smith', 'Mark Smith'],
  ])('%j does not match %j', (a, b) => {
    expect(displayNamesMatch(a, b)).toBe(false);
  });

  it.each(['Sam', 'Mr Smith', 'J. Smith', 'J Smith', '', '  ', '...', 'mary.obrien@example.com'])(
    'gives no key for a name too thin to compare: %j',
    (name) => {
      expect(normalizeDisplayName(name)).toBe('');
      expect(displayNamesMatch(name, name)).toBe(false);
    },
  );

  it('gives the sorted tokens as the key', () => {
    expect(normalizeDisplayName("O'Brien, Mary")).toBe('mary obrien');
  });
});

describe('garbage input', () => {
  it.each(GARBAGE_CASES)('never throws on %s', (_label, value) => {
    const text = value as string;
    expect(() => normalizeAddress(text)).not.toThrow();
    expect(() => splitAddressList(text)).not.toThrow();
    expect(() => sameAddress(text, text)).not.toThrow();
    expect(() => normalizeDisplayName(text)).not.toThrow();
    expect(() => parseAddress(text)).not.toThrow();
    expect(() => isEmailAddress(text)).not.toThrow();
  });
});
