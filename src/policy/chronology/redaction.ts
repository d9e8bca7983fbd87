// Redaction for a subject access request (issue 10, item 8; policy 003 Appendix 5: statements by
// adults may be redacted). ONE routine, used by the chronology on screen (and so in print) and by
// the CSV export, so the two can never disagree. Pure: no I/O.
//
// What is withheld, wherever it appears (titles, details, notes, quoted emails):
// - every email address except the data subject's own (a third party's address identifies them);
// - each staff member's or witness's full name, any case, across spaces and line breaks, with or
//   without a title ("Mrs Helen Marsh"), with middle names left out ("Helen Marsh" for "Helen
//   Jane Marsh"), reversed ("Marsh, Helen"), as an initial and surname ("H. Marsh"), and as a
//   title and surname ("Mrs Marsh", "Mr. Ashworth");
// - a first name or surname on its own ("Okafor said"), any case, as a whole word, so a
//   possessive keeps its "'s" ("[name withheld]'s").
// What is kept, to avoid over-redaction:
// - the data subject's own name and addresses, and any single word of the subject's name (a
//   staff member sharing the parent's surname is withheld only in their full or first-name form);
// - a name part that is also an ordinary English word (May, Will, Mark, Rose, Bell, Marsh...) on
//   its own is withheld only when written with a capital, not at the start of a sentence, and not
//   next to a number (so "Will you call?" and "on 3 May 2026" stay, "I told Will" does not);
// - initials and one-letter parts are never matched on their own.

export const REDACTED = '[name withheld]';

const TITLES = [
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'rev',
  'revd',
  'fr',
  'master',
];

/**
 * Name parts that are also ordinary words (or months): matched alone only in the capitalised,
 * mid-sentence form. A rule, not a dictionary: extend it when a school reports a false match.
 */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set([
  'may',
  'june',
  'april',
  'august',
  'will',
  'mark',
  'bill',
  'rose',
  'grace',
  'hope',
  'joy',
  'faith',
  'dawn',
  'eve',
  'frank',
  'sue',
  'pat',
  'rob',
  'ray',
  'guy',
  'jack',
  'art',
  'holly',
  'ivy',
  'iris',
  'lily',
  'daisy',
  'ruby',
  'pearl',
  'amber',
  'summer',
  'sunny',
  'penny',
  'chance',
  'bell',
  'marsh',
  'brown',
  'white',
  'green',
  'black',
  'gray',
  'grey',
  'young',
  'king',
  'hall',
  'wood',
  'hill',
  'moss',
  'little',
  'long',
  'short',
  'wells',
  'park',
  'rich',
  'page',
  'cook',
  'baker',
  'mason',
  'carter',
  'turner',
  'head',
  'price',
  'lane',
  'field',
  'ford',
  'banks',
  'fox',
  'lamb',
  'nash',
  'reed',
  'rice',
  'stone',
  'read',
  'hunt',
  'day',
  'north',
  'south',
  'west',
  'east',
  'fair',
  'good',
  'best',
  'gold',
  'silver',
  'sharp',
  'bright',
  'wise',
  'swift',
  'love',
  'hardy',
  'ash',
  'oak',
  'birch',
  'heather',
  'violet',
  'sky',
  'river',
  'storm',
  // Shared accounts and SharePoint's own ("Reception", "School Office", "System Account",
  // "SharePoint App") are authors too: their words stay words.
  'reception',
  'office',
  'school',
  'admin',
  'team',
  'staff',
  'system',
  'account',
  'app',
  'sharepoint',
  'main',
  'front',
  'desk',
]);

export interface RedactionSubject {
  /** The data subject (the parent): never withheld. */
  name?: string;
  emails?: readonly string[];
}

const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';
const BEFORE = `(?<!${LETTER_OR_DIGIT})`;
const AFTER = `(?!${LETTER_OR_DIGIT})`;
const SPACE = '\\s+';
const TITLE = `(?:${TITLES.join('|')})\\.?`;
const TITLE_CAPITALISED = `(?:${TITLES.map((t) => `[${t[0]!.toUpperCase()}${t[0]}]${t.slice(1)}`).join('|')})\\.?`;
// A private-use placeholder while redacting, so later passes never match inside a redaction.
const HOLE = '\uE000';
const EMAIL = /[\p{L}\p{N}._%+'’-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name part as a pattern: straight and curly apostrophes alike. */
function part(token: string): string {
  return escapeRegExp(token).replace(/['’]/g, "['’]");
}

/** The parts of a name: titles, bracketed notes ("(Headteacher)") and addresses left out. */
export function nameParts(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .replace(EMAIL, ' ')
    .split(/[\s,]+/)
    .map((t) => t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((t) => t !== '' && !TITLES.includes(t.toLowerCase().replace(/\.$/, '')));
}

function lower(s: string): string {
  return s.toLowerCase();
}

function capitalised(word: string): string {
  return word[0]!.toUpperCase() + lower(word.slice(1));
}

/**
 * The multi-word forms of one person's name, as patterns: any case, except a name made only of
 * ordinary words ("School Office", "Will Bell"), which must be written capitalised.
 */
function phrasePatterns(
  parts: string[],
  subjectParts: ReadonlySet<string>,
): { source: string; anyCase: boolean }[] {
  const long = parts.filter((p) => p.length > 1);
  if (long.length === 0) return [];
  const anyCase = !long.every((p) => ORDINARY_WORDS.has(lower(p)));
  const name = (p: string) => part(anyCase ? p : capitalised(p));
  const title = anyCase ? TITLE : TITLE_CAPITALISED;
  const first = long[0]!;
  const last = long[long.length - 1]!;
  const out: { source: string; anyCase: boolean }[] = [];
  if (long.length >= 2) {
    const forms = [
      `(?:${title}${SPACE})?${long.map(name).join(SPACE)}`,
      ...(long.length > 2 ? [`(?:${title}${SPACE})?${name(first)}${SPACE}${name(last)}`] : []),
      `${name(last)}\\s*,\\s*${name(first)}`,
      `${escapeRegExp(first[0]!.toUpperCase())}\\.?${SPACE}${name(last)}`,
    ];
    for (const source of forms) out.push({ source, anyCase });
  }
  // "Mrs Marsh", any case (the title makes it a name): never for a surname the data subject
  // shares ("Mr Denton" may be the parent).
  if (!subjectParts.has(lower(last)))
    out.push({ source: `${TITLE}${SPACE}${part(last)}`, anyCase: true });
  return out;
}

interface Pass {
  pattern: RegExp;
  /** Only when this returns true for the match (ordinary words in their name form). */
  accept?: (text: string, index: number, length: number) => boolean;
}

/** An ordinary word stands for the name only capitalised, mid-sentence, and not beside a number. */
function nameUse(text: string, index: number, length: number): boolean {
  const before = text.slice(0, index);
  const after = text.slice(index + length);
  if (/(?:^|[.!?"“‘\n])\s*$/.test(before)) return false; // a sentence, a quote or a line starts
  if (/\d\s*$/.test(before) || /^\s*\d/.test(after)) return false; // "3 May", "May 2026"
  return true;
}

/** A redactor for these staff and witness names, keeping the subject: (text) => text. */
export function createRedactor(
  names: readonly string[],
  subject: RedactionSubject = {},
): (text: string) => string {
  const subjectName = (subject.name ?? '').trim();
  const subjectParts = new Set(nameParts(subjectName).map(lower));
  const subjectEmails = new Set((subject.emails ?? []).map((e) => lower(e.trim())));
  const people = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))].filter(
    (n) => lower(n) !== lower(subjectName),
  );

  const phrases = new Map<string, boolean>();
  const words = new Set<string>();
  for (const person of people) {
    const parts = nameParts(person);
    for (const p of phrasePatterns(parts, subjectParts))
      phrases.set(p.source, (phrases.get(p.source) ?? false) || p.anyCase);
    for (const p of parts) if (p.length > 1 && !subjectParts.has(lower(p))) words.add(p);
  }
  const passes: Pass[] = [
    // Longest first, so "Helen Marsh" goes before "Mrs Marsh" and a first name alone.
    ...[...phrases]
      .sort(([a], [b]) => b.length - a.length)
      .map(([p, anyCase]) => ({
        pattern: new RegExp(`${BEFORE}${p}${AFTER}`, anyCase ? 'giu' : 'gu'),
      })),
    ...[...words]
      .sort((a, b) => b.length - a.length)
      .map((w): Pass => {
        if (!ORDINARY_WORDS.has(lower(w)))
          return { pattern: new RegExp(`${BEFORE}${part(w)}${AFTER}`, 'giu') };
        // The capitalised form only: "Will", never "will".
        const capital = w[0]!.toUpperCase() + lower(w.slice(1));
        return {
          pattern: new RegExp(`${BEFORE}${part(capital)}${AFTER}`, 'gu'),
          accept: nameUse,
        };
      }),
  ];

  return (text: string): string => {
    if (typeof text !== 'string' || text === '') return text;
    let out = text
      .replaceAll(HOLE, '')
      .replace(EMAIL, (address) => (subjectEmails.has(lower(address)) ? address : HOLE));
    for (const { pattern, accept } of passes) {
      out = out.replace(pattern, (match: string, offset: number, whole: string) =>
        !accept || accept(whole, offset, match.length) ? HOLE : match,
      );
    }
    return out.replaceAll(HOLE, REDACTED);
  };
}
