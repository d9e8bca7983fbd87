import {
  entryKey,
  isEmailAddress,
  normalizeAddress,
  parseAddress,
  sameAddress,
  splitAddressList,
} from '../../../src/policy/addresses';

const NOT_TEXT: unknown[] = [undefined, null, 0, true, {}, ['a@b.org']];

describe('addresses: input that is not text', () => {
  it.each(NOT_TEXT.map((value) => [value]))(
    'reads %p as no address at all, so two of them are never "the same sender"',
    (value) => {
      const text = value as string;
      expect(normalizeAddress(text)).toBe('');
      expect(sameAddress(text, text)).toBe(false);
      expect(splitAddressList(text)).toEqual({ addresses: [], invalid: [] });
    },
  );
});

describe('normalizeAddress: pasted forms', () => {
  it('drops the space after a mailto: prefix (mailto: a@b.org is a@b.org)', () => {
    expect(normalizeAddress('mailto: A@B.org')).toBe('a@b.org');
    expect(normalizeAddress('<mailto:  a@b.org>')).toBe('a@b.org');
    expect(parseAddress('MAILTO: a@b.org')).toBe('a@b.org');
    expect(sameAddress('mailto: a@b.org', 'a@b.org')).toBe(true);
  });

  it('does not cut the ends off an entry that only opens an angle bracket', () => {
    // Stripping "<" and the last character would turn this into the different address a@b.or.
    expect(normalizeAddress('<a@b.org')).toBe('<a@b.org');
    expect(parseAddress('<a@b.org')).toBeUndefined();
    expect(sameAddress('<a@b.org', 'a@b.or')).toBe(false);
  });
});

describe('isEmailAddress: RFC 5321 length limits', () => {
  const local64 = 'l'.repeat(64);
  const domain189 = `${'d'.repeat(185)}.org`;

  it('accepts an address of exactly 254 characters with a 64-character local part', () => {
    const address = `${local64}@${domain189}`;
    expect(address).toHaveLength(254);
    expect(isEmailAddress(address)).toBe(true);
    expect(parseAddress(address.toUpperCase())).toBe(address);
  });

  it('accepts a 64-character local part on an ordinary domain', () => {
    expect(isEmailAddress(`${local64}@example.org`)).toBe(true);
  });

  it('rejects a local part of 65 characters', () => {
    expect(isEmailAddress(`${'l'.repeat(65)}@example.org`)).toBe(false);
    expect(parseAddress(`${'l'.repeat(65)}@example.org`)).toBeUndefined();
  });

  it('rejects an address of 255 characters', () => {
    expect(isEmailAddress(`${local64}@d${domain189}`)).toBe(false);
  });
});

describe('entryKey / parseAddress: the angle-bracketed part must end the entry', () => {
  it.each([
    ['text straight after the brackets', 'Mary <m@x.org>extra'],
    ['text after the brackets and a space', 'Mary <m@x.org> ext 204'],
  ])('%s: the entry is not read as the bracketed address', (_label, entry) => {
    expect(parseAddress(entry)).toBeUndefined();
    expect(entryKey(entry)).toBe(entry.toLowerCase());
    expect(splitAddressList(entry)).toEqual({ addresses: [], invalid: [entry] });
  });

  it('takes the last bracketed address when the entry ends with it', () => {
    expect(entryKey('Mary <old@x.org> <new@x.org>')).toBe('new@x.org');
    expect(entryKey('  Mary <M@X.org>  ')).toBe('m@x.org');
  });
});

describe('splitAddressList: separators inside angle brackets', () => {
  it('keeps a comma or semicolon inside angle brackets in one entry, reported whole', () => {
    expect(splitAddressList('Mary <m@x.org, j@x.org>\nk@x.org')).toEqual({
      addresses: ['k@x.org'],
      invalid: ['Mary <m@x.org, j@x.org>'],
    });
    expect(splitAddressList('<m@x.org; j@x.org>')).toEqual({
      addresses: [],
      invalid: ['<m@x.org; j@x.org>'],
    });
  });

  it('splits again after the angle brackets close', () => {
    expect(splitAddressList('Mary <m@x.org>, j@x.org')).toEqual({
      addresses: ['m@x.org', 'j@x.org'],
      invalid: [],
    });
  });

  it('a lone carriage return ends an entry even inside an unclosed quote', () => {
    expect(splitAddressList('"Smith a@x.org\rb@x.org')).toEqual({
      addresses: ['b@x.org'],
      invalid: ['"Smith a@x.org'],
    });
  });

  it('a lone carriage return ends an entry even inside unclosed angle brackets', () => {
    expect(splitAddressList('Mary <m@x.org\rb@x.org')).toEqual({
      addresses: ['b@x.org'],
      invalid: ['Mary <m@x.org'],
    });
  });
});
