// How a reviewer's free text is fitted into a template's sentence, so that a letter reads as one
// person wrote it and a head teacher can sign it without correcting it (issue 13 item 8). Policy
// 002 §65 requires the decision "in writing" with the reasons explained, and 002 §48 a written
// warning the parent can understand; the 003 model letters are plain, correct prose. Pure.
//
// THE CASE RULE (conservative: a wrong capital is a blemish, a lower-cased name is an insult).
// Text placed mid-sentence has its first word lower-cased ONLY when all of these hold:
//   1. the first word is a capital followed by lower-case letters only ("The", "Shouting"), so
//      "I", acronyms ("PTA", "CCTV") and mixed case ("SENCo", "iPad") are never touched (the one
//      one-letter word changed is "A" before a lower-case word: "A copy" but not "A Level");
//   2. the word is a common word: one of COMMON_WORDS below (behaviours such as "Shouting" are
//      listed; an open "-ing" rule would also lower-case "Fleming", "Manning" and "Worthing");
//   3. the word is not part of a name known in the case (the person, the head teacher, the chair,
//      the single point of contact, the school), so a parent called "Young" stays "Young".
// Anything else keeps its capitals: a name the rule does not know ("Ofsted", "Mr Smith") is left
// as typed, which at worst leaves a capital the head teacher may choose to change.

/** Words that start a phrase but are never names: lower-cased mid-sentence (rule 2). */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those your you his her their its our my some any several many ' +
    'repeated repeatedly persistent continued further more most every each all one two three ' +
    'twelve ten verbal physical rude abusive aggressive threatening offensive unacceptable ' +
    'emails email calls phone telephone messages letters comments posts language behaviour conduct ' +
    'it they he she we on in at after before during when large easy extra plain longer ' +
    'written printed audio spoken copies copy time help support because about since as there ' +
    'what which who how not no such other both staff members parents pupils children threats ' +
    'insults shouting swearing social online public raised loud filming recording sending ' +
    'calling emailing posting refusing using making contacting approaching following ' +
    'harassing insulting intimidating belittling blocking entering waiting arriving'
  ).split(' '),
);

/** Articles a school's or a person's name may start with: not names themselves (rule 3). */
const NOT_NAME_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'for', 'at', 'in']);

/** The capitalised words of the names known in the case, lower-cased, for rule 3. */
export function nameWords(names: readonly (string | undefined)[]): Set<string> {
  const words = new Set<string>();
  for (const name of names) {
    for (const word of name?.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []) {
      const lower = word.toLowerCase();
      if (!NOT_NAME_WORDS.has(lower)) words.add(lower);
    }
  }
  return words;
}

const FIRST_WORD = /^([A-Z][a-z]+|A(?= \p{Ll}))(?=$|[^\p{L}'’-])/u;

/** The text with its first word lower-cased when THE CASE RULE above allows it. */
export function lowerFirstWord(text: string, names: ReadonlySet<string> = new Set()): string {
  const first = FIRST_WORD.exec(text)?.[1];
  if (first === undefined) return text;
  const lower = first.toLowerCase();
  if (names.has(lower)) return text;
  // Listed words only: an open "-ing" rule lower-cased surnames and places ("Fleming",
  // "Manning", "Worthing"), which a head teacher would have to correct before signing.
  return COMMON_WORDS.has(lower) ? lower + text.slice(first.length) : text;
}

/**
 * A phrase or a list typed as "Shouting at staff; Swearing at a teacher": each item's first word
 * by THE CASE RULE, so a list of behaviours reads as one sentence.
 */
export function lowerEachItem(text: string, names: ReadonlySet<string> = new Set()): string {
  return text
    .split(/(;\s+)/)
    .map((part, i) => (i % 2 === 0 ? lowerFirstWord(part, names) : part))
    .join('');
}

/** One line, single spaces, no spaces at either end. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text without its own closing full stops, commas, semicolons or colons ("emails.." → "emails"). */
export function withoutClosingStops(text: string): string {
  return text.replace(/[\s.,;:]+$/u, '');
}

const WORD = /[\p{L}\p{N}'’-]+/gu;

/**
 * The value without the words it repeats from the end of the text before it: "because" + "Because
 * it is intimidating" reads "because it is intimidating", never "because because". Up to three
 * words are compared, whole words, case ignored.
 */
export function withoutRepeatedLead(before: string, value: string): string {
  const tail = before.match(WORD) ?? [];
  for (let n = Math.min(3, tail.length); n >= 1; n -= 1) {
    const last = tail.slice(-n).map((w) => w.toLowerCase());
    const lead = new RegExp(
      `^\\s*${last.map(escapeRegExp).join('[\\s,]+')}(?![\\p{L}\\p{N}])`,
      'iu',
    );
    const m = lead.exec(value);
    if (m && before.trimEnd().match(/[\p{L}\p{N}'’-]$/u))
      return value.slice(m[0].length).trimStart();
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a value sits in its sentence, read from the template's words around it. */
export interface Slot {
  /** The paragraph's text before the value, as filled so far. */
  before: string;
  /** The template's text after the value (its own words, not yet filled). */
  after: string;
}

/** The text before ends a sentence (or there is none): the value starts one. */
export function startsSentence(before: string): boolean {
  return /(^|[.!?]['’"”)]?)\s*$/u.test(before);
}

/** The template goes on after the value: punctuation, or words within the same sentence. */
function sentenceGoesOn(after: string): boolean {
  return /^\s*[.,;:!?)]/u.test(after) || /^\s*[\p{Ll}\p{N}]/u.test(after);
}

/**
 * A value fitted to its slot: trimmed to one line; its own closing stops dropped where the
 * template's sentence goes on ("about {{behaviour}}." never ends ".."), and a "?" or "!" it ends
 * with takes the place of the template's full stop; words repeating the template's last words
 * dropped; mid-sentence, its first word lower-cased by THE CASE RULE (after a colon, left as
 * written); at a sentence's start, a capital. Returns the text and how many characters of `after` it stands in for (0 or 1).
 */
export function fitToSlot(
  value: string,
  slot: Slot,
  names: ReadonlySet<string>,
  /** False for a name (a person's or the school's): its capitals are its own. */
  changeCase = true,
): { text: string; consumed: number } {
  let text = oneLine(value);
  let consumed = 0;
  if (sentenceGoesOn(slot.after)) {
    text = withoutClosingStops(text);
    if (/[!?]$/.test(text) && slot.after.startsWith('.')) consumed = 1;
  }
  if (startsSentence(slot.before))
    return { text: changeCase ? text.charAt(0).toUpperCase() + text.slice(1) : text, consumed };
  text = withoutRepeatedLead(slot.before, text);
  // After a colon either case is right ("so far: The head teacher met you."): left as written.
  if (!changeCase || /:\s*$/.test(slot.before)) return { text, consumed };
  return { text: lowerEachItem(text, names), consumed };
}

/** A sentence as compared for repeats: case, spacing and its closing mark ignored. */
function sentenceKey(sentence: string): string {
  return oneLine(sentence)
    .toLowerCase()
    .replace(/[.!?]+$/u, '');
}

/** Sentences of fewer words are not checked for repeats ("Yours sincerely", "Head teacher"). */
const REPEAT_MIN_WORDS = 4;

/**
 * Each line with the sentences already said earlier in the letter taken out, so a reviewer who
 * pasted the same text into two boxes (the reasons and the effect on staff) does not have the
 * parent read it twice. Lines left empty are dropped; `seen` carries what was said across calls.
 */
export function withoutRepeatedSentences(lines: readonly string[], seen: Set<string>): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    const sentences = line.split(/(?<=[.!?])\s+(?=[\p{Lu}‘“"'(])/u);
    const fresh = sentences.filter((s) => {
      const key = sentenceKey(s);
      if (key.split(' ').length < REPEAT_MIN_WORDS) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      // What follows a colon is often a value on its own ("Why I have taken this decision: …").
      const afterColon = /:\s+(.+)$/.exec(key)?.[1];
      if (afterColon && afterColon.split(' ').length >= REPEAT_MIN_WORDS) seen.add(afterColon);
      return true;
    });
    if (fresh.length === sentences.length) kept.push(line);
    else if (fresh.length) kept.push(fresh.join(' '));
  }
  return kept;
}
