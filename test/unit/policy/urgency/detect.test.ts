// The result of the urgency check, and the school's own words (config mail.urgentKeywords).
import {
  CATEGORY_LABELS,
  detectUrgency,
  sentenceAround,
  isPerson,
  keywordPattern,
  lexiconRules,
  schoolPatterns,
} from '../../../../src/policy/urgency';

describe('the result explains itself', () => {
  test("002 §62: each match is the email's own words, with its category and rule; subject first, then reading order", () => {
    const result = detectUrgency(
      'Allergic reaction',
      'We are in A&E. She had an allergic reaction to nuts and her EpiPen did not work.',
    );
    expect(result).toEqual({
      urgent: true,
      matched: ['Allergic reaction', 'A&E', 'EpiPen'],
      matches: [
        { text: 'Allergic reaction', category: 'allergy', rule: 'allergy.reaction', in: 'subject' },
        { text: 'A&E', category: 'hospital', rule: 'hospital.care', in: 'body' },
        { text: 'EpiPen', category: 'allergy', rule: 'allergy.medicine', in: 'body' },
      ],
    });
  });
  test('nothing found: not urgent, nothing matched', () => {
    expect(detectUrgency('Uniform', 'The blazer is too dear.')).toEqual({
      urgent: false,
      matched: [],
      matches: [],
    });
  });
  test('missing or odd input reads as empty', () => {
    const nothing = undefined as unknown as string;
    expect(detectUrgency(nothing, nothing).urgent).toBe(false);
    expect(detectUrgency(nothing, 'in A&E').matched).toEqual(['A&E']);
  });
  test('every category has plain words for the pane, and every rule a category', () => {
    for (const rule of lexiconRules()) expect(CATEGORY_LABELS[rule.category]).toMatch(/^[a-z]/);
    expect(CATEGORY_LABELS.missing).toBe('a child missing or not home');
    expect(CATEGORY_LABELS.school).toBe("a word on the school's own list");
  });
  test('a person: a pronoun or relation, or a capitalised name that is not a common word', () => {
    expect(['he', 'She', 'daughter', 'Lucas', 'Zoë'].map(isPerson)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['lucas', 'Homework', 'It', 'LUCAS', 'money'].map(isPerson)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("the school's own words add to the lexicon (config mail.urgentKeywords)", () => {
  test('002 §62: a school word counts wherever it is, whole, any case, without context', () => {
    const result = detectUrgency(
      'Trip',
      'She mentioned Operation Sunflower and the Red Van again.',
      ['operation sunflower', 'red van'],
    );
    expect(result.matches).toEqual([
      { text: 'Operation Sunflower', category: 'school', rule: 'school', in: 'body' },
      { text: 'Red Van', category: 'school', rule: 'school', in: 'body' },
    ]);
  });
  test('the built-in lexicon applies even with a list; a word inside a longer word does not match', () => {
    expect(detectUrgency('', 'in A&E; flagrant', ['flag']).matched).toEqual(['A&E']);
    expect(detectUrgency('Hi', 'Noodgeval: brand', ['brand']).matched).toEqual(['brand']);
    expect(detectUrgency('émergency', '', ['emergency']).urgent).toBe(false);
  });
  test('a phrase matches across spacing; the school word is read in the subject too; once each', () => {
    expect(
      detectUrgency('Fire', 'fire\ndrill, Fire Drill', ['fire drill', 'FIRE']).matched,
    ).toEqual(['Fire', 'fire\ndrill']);
  });
  test('every special character of a school word is literal', () => {
    for (const word of [
      'c++',
      '(fgm)',
      'a|b',
      '[x]',
      '{y}',
      'p^q',
      '$5',
      'a*',
      'b?',
      'back\\slash',
    ])
      expect(keywordPattern(word)?.test(`it says ${word} here`)).toBe(true);
    expect(keywordPattern('a|b')?.test('a')).toBe(false);
    expect(keywordPattern('fire drill')?.test('fire_drill')).toBe(false);
    expect(keywordPattern('drill')?.test('drill2')).toBe(false);
    expect(keywordPattern('drill')?.test('2drill')).toBe(false);
  });
  test('blank, duplicate and non-text entries are ignored; special characters are literal', () => {
    expect(keywordPattern('  ')).toBeUndefined();
    expect(keywordPattern('a.b')?.test('axb')).toBe(false);
    expect(schoolPatterns(['a.b', ' A.B ', '', 3, null] as unknown[]).map((p) => p.source)).toEqual(
      ['(?<![\\p{L}\\p{N}_])a\\.b(?![\\p{L}\\p{N}_])'],
    );
    expect(schoolPatterns(undefined)).toEqual([]);
    expect(detectUrgency('a.b', '', ['a.b']).matched).toEqual(['a.b']);
  });
});

describe('the sentence around a match (for the defusing contexts)', () => {
  test('ends at . ! ? and line breaks; "before" and "after" are what was said either side of the match', () => {
    const text = 'First. If not I will call the police now! Next?\nLast';
    const at = text.indexOf('police');
    expect(sentenceAround(text, at, at + 6)).toEqual({
      whole: ' If not I will call the police now',
      before: ' If not I will call the ',
      after: ' now',
    });
    expect(sentenceAround(text, 0, 5)).toEqual({ whole: 'First', before: '', after: '' });
    const last = text.indexOf('Last');
    expect(sentenceAround(text, last, last + 4)).toEqual({ whole: 'Last', before: '', after: '' });
    const next = text.indexOf('Next');
    expect(sentenceAround(text, next, next + 4).whole).toBe(' Next');
  });
  test('002 §62: a threat earlier in the email does not defuse an event in the next sentence', () => {
    expect(detectUrgency('', 'I will complain. The police are at our house.').matched).toEqual([
      'police are',
    ]);
    expect(detectUrgency('', 'The police are at our house and I will ring later.').matched).toEqual(
      ['police are'],
    );
    expect(detectUrgency('', 'I will tell the police are useless').matched).toEqual([]);
  });
});
