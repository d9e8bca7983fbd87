// Display names as the matching rules compare them (DOMAIN.md, "Matching a sender": a display name
// that matches a restricted person is worth a caution, never a match). Two-letter name parts are
// real names (Jo, Li, Ng) and count; titles say nothing about who someone is and are dropped.
import { displayNamesMatch, normalizeDisplayName } from '../../../src/policy/addresses';
import { decideVerdict } from '../../../src/policy/verdict';
import { TODAY, restriction } from './fixtures';

describe('normalizeDisplayName: two-letter name parts count', () => {
  it.each([
    ['Jo Li', 'jo li'],
    ['Li, Jo', 'jo li'],
    ['Ng Yu', 'ng yu'],
    ['Al Smith', 'al smith'],
  ])('%j -> %j', (name, key) => {
    expect(normalizeDisplayName(name)).toBe(key);
  });

  it('a one-letter part does not count: "J Li" is too thin to compare', () => {
    expect(normalizeDisplayName('J Li')).toBe('');
  });
});

describe('normalizeDisplayName: titles are dropped', () => {
  it.each(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr'])('%s Jo Li is Jo Li', (title) => {
    expect(normalizeDisplayName(`${title} Jo Li`)).toBe('jo li');
    expect(normalizeDisplayName(`${title.toUpperCase()}. Jo Li`)).toBe('jo li');
    expect(displayNamesMatch(`${title} Jo Li`, 'Jo Li')).toBe(true);
  });

  it.each(['Ms', 'Mx', 'Miss', 'Mrs', 'Mr', 'Dr'])(
    'a title and a surname alone (%s Li) are too thin to compare',
    (title) => {
      expect(normalizeDisplayName(`${title} Li`)).toBe('');
    },
  );

  it('a word that only begins like a title is a name: "Msimang", "Drew"', () => {
    expect(normalizeDisplayName('Thandi Msimang')).toBe('msimang thandi');
    expect(normalizeDisplayName('Drew Li')).toBe('drew li');
  });
});

describe('normalizeDisplayName: a word written twice is one word', () => {
  it('"Mary Smith Smith" is Mary Smith; "Smith Smith" is too thin to compare', () => {
    expect(normalizeDisplayName('Mary Smith Smith')).toBe('mary smith');
    expect(displayNamesMatch('Mary Smith Smith', 'Smith, Mary')).toBe(true);
    expect(normalizeDisplayName('Smith Smith')).toBe('');
  });
});

describe('normalizeDisplayName: apostrophes of every kind', () => {
  it.each(["O'Brien", 'O\u2019Brien', 'O\u2018Brien', 'O`Brien', 'O\u00B4Brien'])(
    'Mary %s is Mary OBrien',
    (surname) => {
      expect(normalizeDisplayName(`Mary ${surname}`)).toBe('mary obrien');
    },
  );
});

describe('a display name caution with short names and titles', () => {
  function verdictFor(displayName: string): string {
    return decideVerdict({
      message: { from: { address: 'new.address@example.org', displayName } },
      restrictions: [restriction({ personName: 'Jo Li', emails: ['jo.li@home.example'] })],
      malformed: [],
      today: TODAY,
    }).kind;
  }

  it('Ms Jo Li, writing from an unknown address, gets a caution, never a match', () => {
    expect(verdictFor('Ms Jo Li')).toBe('caution');
  });

  it('Mx Jo Li too', () => {
    expect(verdictFor('Mx Jo Li')).toBe('caution');
  });

  it('Jo Lin is another person: clear', () => {
    expect(verdictFor('Jo Lin')).toBe('clear');
  });
});
