// One email address typed or pasted into a form (the log form's "email address", the review's
// single point of contact). Pure: no I/O, never throws.
//
// DOMAIN.md "Matching a sender": addresses compare case-insensitively on the whole address, so
// what a form saves must be the address a sender check will compare, not a look-alike of it.
// Outlook copies a recipient as `Name <address>` or `"Surname, First" <address>`; web pages give
// `mailto:`; Word and web pages add zero-width spaces; Japanese and Chinese keyboards type
// full-width letters and `＠`. Those are read as the address they stand for (NFKC folds full-width
// forms to their ordinary ones). What cannot be read safely is refused with a plain message:
// letters from different alphabets mixed in one address (a Cyrillic "а" in "gmаil.com" looks
// exactly like a Latin "a" but is another address, so a restriction on the real one would never
// match it), and hidden control characters (right-to-left overrides) that make text read other
// than it is.
//
// Two addresses in one entry are refused, never one silently kept: `Mary <m@x.org> <n@y.org>`,
// `<a@b.org><c@d.org>`, two lines, or `mark@real.org <evil@x.org>` (a display name that is itself
// another address: the bracketed one is where mail goes, the name is what a reader trusts).
//
// Letters that only look like ordinary ones are refused even within one alphabet (a dotless "ı"
// in `smıth@x.org`, a Latin alpha "ɑ" in `gmɑil.com`, an all-Cyrillic `сосо@ех.сом`): parents
// of UK schools almost always have plain ASCII addresses, so the domain must be ASCII (domains in
// other alphabets are rare for UK parents; such an address cannot be entered here, and the
// message says so) and the part before the @ may use only ASCII and the accented letters of
// Latin-1 (`josé@exemple.fr`, `zoë@x.org`).
import { entryKey, isEmailAddress, normalizeAddress } from './addresses';

export type AddressEntryProblem =
  'notAnAddress' | 'severalAddresses' | 'lookAlike' | 'unusualLetter' | 'hidden';

export type AddressEntry =
  | { kind: 'empty' }
  | {
      kind: 'address';
      /** Normalised as the matching rules compare it (lower case, no `<>` or `mailto:`). */
      address: string;
      /** The display name pasted with it (`Mary O'Brien <m@x.org>`), unquoted; absent if none. */
      name?: string;
    }
  | { kind: 'refused'; problem: AddressEntryProblem; message: string };

export const ADDRESS_ENTRY_MESSAGES: Record<AddressEntryProblem, string> = {
  notAnAddress: 'This does not look like an email address (name@example.org).',
  severalAddresses: 'Enter one email address only.',
  lookAlike:
    'This address mixes look-alike letters from different alphabets (for example a Cyrillic "а" ' +
    'that looks like "a"), so it would not match the real address. Type it in by hand.',
  unusualLetter:
    'This address has a letter that only looks like an ordinary one (for example a dotless "ı" ' +
    'or a Cyrillic "с"), so it would not match the real address. Type it in by hand. ' +
    'Addresses written in other alphabets cannot be entered here.',
  hidden: 'This address contains hidden characters that change how it reads. Type it in by hand.',
};

// The domain: ASCII letters, digits, dots and hyphens only (see the header on IDN domains).
const PLAIN_DOMAIN = /^[\x21-\x7E]*$/;
// The part before the @: printable ASCII, or a Latin-1 letter (U+00C0-U+00FF but × and ÷).
const PLAIN_LOCAL = /^(?:[\x20-\x7E]|[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF])*$/;

// Zero-width spaces, joiners, word joiner and byte-order mark: invisible, removed (as
// normalizeAddress does for the restrictions list).
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Other format characters (bidirectional overrides and isolates, soft hyphen...) are refused:
// they make an address display other than it is.
const FORMAT_CHARACTER = /\p{Cf}/u;
// The alphabets whose letters are confused with each other (Unicode TR 39's usual set).
const CONFUSABLE_SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Armenian}/u,
  /\p{Script=Cherokee}/u,
];

function refused(problem: AddressEntryProblem): AddressEntry {
  return { kind: 'refused', problem, message: ADDRESS_ENTRY_MESSAGES[problem] };
}

/** How many of the confusable alphabets the letters of `text` use. */
function confusableScripts(text: string): number {
  return CONFUSABLE_SCRIPTS.filter((script) => [...text].some((c) => script.test(c))).length;
}

/** Splits on `,` or `;` outside quotes and angle brackets (`"Surname, First" <a@b>` is one). */
function countEntries(text: string): number {
  let count = 1;
  let inQuotes = false;
  let inAngles = false;
  for (const c of text) {
    if (c === '"' && !inAngles) inQuotes = !inQuotes;
    else if (c === '<' && !inQuotes) inAngles = true;
    else if (c === '>' && !inQuotes) inAngles = false;
    else if ((c === ',' || c === ';') && !inQuotes && !inAngles) count += 1;
  }
  // A trailing separator (Outlook adds "; ") is not a second address.
  return count - (/[,;]\s*$/.test(text) ? 1 : 0);
}

/** The `<…>` groups in the entry (`Mary <m@x.org> <n@y.org>` has two). */
function angleGroups(text: string): number {
  return (text.match(/<[^<>]*>/g) ?? []).length;
}

/**
 * The addresses written outside any `<…>`, each as compared: in a display name
 * (`mark@real.org <evil@x.org>`), or one a line or a word (`a@b.org\nc@d.org`).
 */
function addressesOutsideAngles(text: string): Set<string> {
  const words = text
    .replace(/<[^<>]*>/g, ' ')
    .split(/\s+/)
    .map((w) => entryKey(w.replace(/^["']+|["']+$/g, '')));
  return new Set(words.filter((w) => isEmailAddress(w)));
}

/** `mailto:john%2Bschool@x.org` is `john+school@x.org`; undefined when the escapes are broken. */
function decodeMailto(key: string): string | undefined {
  try {
    return normalizeAddress(decodeURIComponent(key));
  } catch {
    return undefined;
  }
}

/** The display name before `<address>`, without its quotes; undefined when there is none. */
function nameOf(text: string): string | undefined {
  const angled = /^(.*)<[^<>]*>\s*$/.exec(text);
  if (!angled) return undefined;
  const name = (angled[1] ?? '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/^'(.*)'$/, '$1')
    .trim();
  return name === '' ? undefined : name;
}

/**
 * Reads one address entry: `a@b.org`, `<a@b.org>`, `mailto:a@b.org`, `Name <a@b.org>`,
 * `"Surname, First" <a@b.org>`, in full-width or with zero-width spaces. Empty input is `empty`
 * (the field may be optional); anything else is an address or refused with its message.
 */
export function readAddressEntry(input: string): AddressEntry {
  if (typeof input !== 'string') return { kind: 'empty' };
  const text = input.replace(INVISIBLE, '').normalize('NFKC').trim();
  if (text === '') return { kind: 'empty' };
  if (FORMAT_CHARACTER.test(text)) return refused('hidden');
  const withoutSeparator = text.replace(/[,;]\s*$/, '').trim();
  if (countEntries(withoutSeparator) > 1) return refused('severalAddresses');
  const groups = angleGroups(withoutSeparator);
  if (groups > 1) return refused('severalAddresses');
  // `mailto:a@b.org?subject=Hello`: the address is the part before the query, percent-decoded.
  const mailto = /mailto:/i.test(withoutSeparator);
  const key = mailto
    ? decodeMailto(entryKey(withoutSeparator).replace(/\?.*$/, ''))
    : entryKey(withoutSeparator);
  if (key === undefined) return refused('notAnAddress');
  // A decoded `%E2%80%AE` is a right-to-left override too (normalizeAddress drops invisibles).
  if (FORMAT_CHARACTER.test(key)) return refused('hidden');
  const outside = addressesOutsideAngles(withoutSeparator);
  outside.delete(key);
  // With `<address>`, any other address outside it is a second one; without, two words that are
  // each an address are two (the key of the whole is then not one address).
  if ((groups === 1 && outside.size > 0) || (groups === 0 && outside.size > 1))
    return refused('severalAddresses');
  if (confusableScripts(key) > 1) return refused('lookAlike');
  const at = key.lastIndexOf('@');
  if (at > 0 && (!PLAIN_DOMAIN.test(key.slice(at + 1)) || !PLAIN_LOCAL.test(key.slice(0, at))))
    return refused('unusualLetter');
  if (!isEmailAddress(key)) return refused('notAnAddress');
  const name = nameOf(withoutSeparator);
  // `m@x.org <m@x.org>`: a name that is only the address again is no name.
  return name === undefined || entryKey(name) === key
    ? { kind: 'address', address: key }
    : { kind: 'address', address: key, name };
}
