// The urgency check (DOMAIN.md "Never block the emergency line"; 002 §61–62): pure.
export { detectUrgency, type UrgencyMatch, type UrgencyResult } from './detect';
export {
  CATEGORY_LABELS,
  lexiconRules,
  isPerson,
  subjectRule,
  type LexiconRule,
  type UrgencyCategory,
} from './lexicon';
export { keywordPattern, schoolPatterns } from './schoolWords';
export {
  COVER_NOTE_FLAG,
  decodeEntities,
  htmlToText,
  newText,
  plainText,
  readableText,
} from './text';
export { sentenceAround } from './context';
