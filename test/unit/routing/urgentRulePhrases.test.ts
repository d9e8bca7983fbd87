// The server rules' urgent phrases: plain, case-insensitive substrings (as Exchange matches
// `bodyOrSubjectContains`), so they must be short enough for the rule quota and precise as substrings.
import { URGENT_PHRASES_MAX_CHARS, URGENT_RULE_PHRASES } from '../../../src/policy/routing';
import { detectUrgency } from '../../../src/policy/urgency';

/** What an Exchange rule does with the list: any phrase as a case-insensitive substring. */
function serverRuleMatches(text: string): string[] {
  const lower = text.toLowerCase();
  return URGENT_RULE_PHRASES.filter((p) => lower.includes(p.toLowerCase()));
}

/** Emergencies a restricted parent may still write about (002 §62). */
const EMERGENCIES = [
  'Ellie has not come home from school and it is 6pm',
  'My son has gone missing, please call me',
  'She told me she is self-harming again',
  'He said he wants to kill himself',
  'Tom had an anaphylactic reaction at lunch, where is his EpiPen?',
  'We are in A&E with Sam',
  'There is a court order: his father must not collect him today',
  'The police are at our house',
  'Her grandmother passed away last night',
  'My daughter was sexually abused',
];

describe('urgent rule phrases', () => {
  it('fit the size budget of a rule, and are unique and trimmed', () => {
    const chars = URGENT_RULE_PHRASES.reduce((sum, p) => sum + p.length, 0);
    expect(chars).toBeLessThanOrEqual(URGENT_PHRASES_MAX_CHARS);
    expect(new Set(URGENT_RULE_PHRASES.map((p) => p.toLowerCase())).size).toBe(
      URGENT_RULE_PHRASES.length,
    );
    for (const p of URGENT_RULE_PHRASES) {
      expect(p).toBe(p.trim());
      expect(p.length).toBeGreaterThanOrEqual(3); // "a&e" is the shortest
    }
  });

  it('002 §62: mark the emergencies a restricted parent may still write about', () => {
    for (const text of EMERGENCIES) {
      expect({ text, matched: serverRuleMatches(text).length > 0 }).toEqual({
        text,
        matched: true,
      });
    }
  });

  it('002 §62: do not mark the words of an ordinary complaint (substring traps included)', () => {
    for (const text of [
      'URGENT: I want a refund for the trip',
      'Please fill in the emergency contact form again?',
      'I will go to the police about this detention',
      'His homework is missing again and nobody told me',
      'She has a hospital appointment on Friday',
      'He studied for the test and still got a detention',
      'I paid £1999 for the residential trip',
      'Your hurtful reply was unacceptable',
      'I will report the school to social services',
    ]) {
      expect({ text, matched: serverRuleMatches(text) }).toEqual({ text, matched: [] });
    }
  });
});

describe('urgent rule phrases and the pane agree', () => {
  it('002 §62: every emergency the server marks, the pane also calls urgent when it is opened', () => {
    for (const text of EMERGENCIES) {
      expect(serverRuleMatches(text).length).toBeGreaterThan(0);
      expect({ text, urgent: detectUrgency('Sam', text, []).urgent }).toEqual({
        text,
        urgent: true,
      });
    }
  });
});
