// Does an email look urgent or safeguarding-related? (DOMAIN.md "Never block the emergency line";
// 002 §61–62.) Reads the subject and the sender's new text (text.ts), finds the built-in lexicon's
// phrases (lexicon.ts) that no defusing context rules out (context.ts), and the school's own words
// (schoolWords.ts). Explainable: every match carries the exact words of the email it matched and
// what kind of emergency they point to. Pure; the school's words are a parameter.
import { sentenceAround } from './context';
import {
  isPerson,
  lexiconRules,
  subjectRule,
  type LexiconRule,
  type UrgencyCategory,
} from './lexicon';
import { schoolPatterns } from './schoolWords';
import { readableText } from './text';

export interface UrgencyMatch {
  /** The words of the email that matched, as written. */
  text: string;
  category: UrgencyCategory;
  /** The lexicon rule's id, or "school" for a word of the school's list. */
  rule: string;
  /** Where the words are. */
  in: 'subject' | 'body';
}

export interface UrgencyResult {
  urgent: boolean;
  /** The matched words, as written, once each (any case), subject first then in reading order. */
  matched: string[];
  /** Every match with its category and rule, in the same order. */
  matches: UrgencyMatch[];
}

interface CompiledRule {
  rule: LexiconRule;
  pattern: RegExp;
  unless?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
}

function compile(rule: LexiconRule): CompiledRule {
  // Whole words: no letter, digit or underscore of any script either side.
  return {
    rule,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${rule.pattern})(?![\\p{L}\\p{N}_])`, 'giu'),
    unless: rule.unless === undefined ? undefined : new RegExp(rule.unless, 'iu'),
    unlessBefore: rule.unlessBefore === undefined ? undefined : new RegExp(rule.unlessBefore, 'iu'),
    unlessAfter:
      rule.unlessAfter === undefined ? undefined : new RegExp(`^(?:${rule.unlessAfter})`, 'iu'),
  };
}

interface Found extends UrgencyMatch {
  at: number;
}

function findRule(text: string, where: UrgencyMatch['in'], compiled: CompiledRule): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(compiled.pattern)) {
    const who = m.groups?.who;
    // A rule's `who` must be a person when that alternative of the pattern names one.
    if (compiled.rule.who && who !== undefined && !isPerson(who)) continue;
    const sentence = sentenceAround(text, m.index, m.index + m[0].length);
    if (compiled.unless?.test(sentence.whole)) continue;
    if (compiled.unlessBefore?.test(sentence.before)) continue;
    if (compiled.unlessAfter?.test(sentence.after)) continue;
    found.push({
      text: m[0],
      category: compiled.rule.category,
      rule: compiled.rule.id,
      in: where,
      at: m.index,
    });
  }
  return found;
}

function findSchoolWords(text: string, where: UrgencyMatch['in'], patterns: RegExp[]): Found[] {
  return patterns.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({
      text: m[0],
      category: 'school' as const,
      rule: 'school',
      in: where,
      at: m.index,
    })),
  );
}

function findIn(
  text: string,
  where: UrgencyMatch['in'],
  rules: CompiledRule[],
  school: RegExp[],
): Found[] {
  return [
    ...rules.flatMap((compiled) => findRule(text, where, compiled)),
    ...findSchoolWords(text, where, school),
  ].sort((a, b) => a.at - b.at);
}

/** What in this email (subject, HTML or text body) looks urgent or safeguarding-related. */
export function detectUrgency(
  subject: string,
  body: string,
  schoolWords: readonly string[] = [],
): UrgencyResult {
  const text = readableText(subject, body);
  // Built per check (V8 caches each pattern's compiled form by its source, so this is cheap).
  const bodyRules = lexiconRules().map(compile);
  const subjectRules = [compile(subjectRule()), ...bodyRules];
  const school = schoolPatterns(schoolWords);
  const found = [
    ...findIn(text.subject, 'subject', subjectRules, school),
    ...findIn(text.body, 'body', bodyRules, school),
  ];
  const matches: UrgencyMatch[] = [];
  const seen = new Set<string>();
  for (const { at: _at, ...match } of found) {
    const key = match.text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    matches.push(match);
  }
  return { urgent: matches.length > 0, matched: matches.map((m) => m.text), matches };
}
