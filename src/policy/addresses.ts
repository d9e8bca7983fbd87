// Email addresses and display names as the matching rules see them (DOMAIN.md, "Matching a
// sender"). Pure string functions: no I/O, never throw, whatever they are given.

// Zero-width and byte-order-mark characters arrive with addresses pasted from web pages and Word;
// they are invisible to the person who typed the list, so they must not stop a match.
const INVISIBLE_CHARACTERS = /[\u200B-\u200D\u2060\uFEFF]/g;
const MAILTO_PREFIX = /^mailto:/i;

/**
 * The canonical form of an address: trimmed, without surrounding `<>` or a `mailto:` prefix, and
 * lower-cased as a whole. The local part is case-sensitive in theory, but no mail system a school
 * uses treats it so, and DOMAIN.md requires whole-address, case-insensitive comparison.
 */
export function normalizeAddress(raw: string): string {
  if (typeof raw !== 'string') return '';
  let address = raw.replace(INVISIBLE_CHARACTERS, '').trim();
  // Loop: `<mailto:a@b.org>` and `mailto:<a@b.org>` both occur in pasted text.
  for (;;) {
    const before = address;
    if (address.startsWith('<') && address.endsWith('>')) address = address.slice(1, -1).trim();
    address = address.replace(MAILTO_PREFIX, '').trim();
    if (address === before) break;
  }
  return address.normalize('NFC').toLowerCase();
}

/** True when both are the same non-empty address, compared whole and case-insensitively. */
export function sameAddress(a: string, b: string): boolean {
  const left = normalizeAddress(a);
  return left !== '' && left === normalizeAddress(b);
}

// RFC 5322 atext, plus any Unicode letter or digit (RFC 6531 internationalised addresses).
const ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM_LOCAL = `${ATEXT}+(?:\\.${ATEXT}+)*`;
// Quoted local parts ("john smith"@example.org) are rare but legal; no escapes or quotes inside.
const QUOTED_LOCAL = '"[^"\\\\\\r\\n]+"';
const DOMAIN_LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
// At least two labels, and a top-level label with a letter: rejects "a@localhost" and "a@1.2.3.4".
const TOP_LABEL = '(?=[\\p{N}-]*\\p{L})[\\p{L}\\p{N}-]*[\\p{L}\\p{N}]';
const ADDRESS_SHAPE = new RegExp(
  `^(?:${DOT_ATOM_LOCAL}|${QUOTED_LOCAL})@(?:${DOMAIN_LABEL}\\.)+${TOP_LABEL}$`,
  'u',
);
const MAX_LOCAL_PART = 64;
const MAX_ADDRESS = 254;

/** True when a normalised string has the shape `local@domain.tld` (RFC 5322 dot-atom or quoted). */
export function isEmailAddress(normalized: string): boolean {
  if (typeof normalized !== 'string' || normalized.length > MAX_ADDRESS) return false;
  const at = normalized.lastIndexOf('@');
  if (at < 1 || at > MAX_LOCAL_PART) return false;
  return ADDRESS_SHAPE.test(normalized);
}

/**
 * Reads one entry that should hold one address: `a@b.org`, `<a@b.org>`, `mailto:a@b.org` or
 * `Mary O'Brien <a@b.org>` (copied from Outlook). Returns the normalised address, or undefined
 * when the entry is not an address.
 */
export function parseAddress(entry: string): string | undefined {
  const candidate = entryKey(entry);
  return isEmailAddress(candidate) ? candidate : undefined;
}

/**
 * What an entry of the `Emails` column is compared as, whether or not it reads as an address:
 * the part in angle brackets when there is one (`Mary <m@x.org>`), else the whole entry,
 * normalised exactly as a sender's address is (normalizeAddress). An entry that is not an address
 * (typed by hand: `jo..smith@example.org`, `parent@school-intranet`) is compared by this key, so
 * that a sender whose address is that same text is never cleared (issue 14, item 7).
 */
export function entryKey(entry: string): string {
  if (typeof entry !== 'string') return '';
  const trimmed = entry.trim();
  const angled = /<([^<>]*)>\s*$/.exec(trimmed);
  return normalizeAddress(angled ? (angled[1] ?? '') : trimmed);
}

/**
 * Splits on new lines, `;` and `,`, except inside double quotes or angle brackets, so that
 * `"O'Brien, Mary" <mary@x.org>` and `"smith, j"@x.org` stay whole.
 */
function splitEntries(field: string): string[] {
  const entries: string[] = [];
  let current = '';
  let inQuotes = false;
  let inAngles = false;
  for (const character of field) {
    if (character === '"' && !inAngles) inQuotes = !inQuotes;
    else if (character === '<' && !inQuotes) inAngles = true;
    else if (character === '>' && !inQuotes) inAngles = false;
    const separates = /[\r\n;,]/.test(character);
    // A line break always ends an entry: an unclosed quote must not swallow the rest of the list.
    if (separates && (character === '\n' || character === '\r' || (!inQuotes && !inAngles))) {
      entries.push(current);
      current = '';
      inQuotes = false;
      inAngles = false;
    } else {
      current += character;
    }
  }
  entries.push(current);
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/**
 * Reads the `Emails` column: one address per line, `;` or `,` also accepted. Addresses come back
 * normalised and de-duplicated in the order written; entries that are not addresses go to
 * `invalid` (trimmed, de-duplicated) so that whoever keeps the list can be told to correct them.
 */
export function splitAddressList(field: string): { addresses: string[]; invalid: string[] } {
  const addresses = new Set<string>();
  const invalid = new Set<string>();
  if (typeof field !== 'string') return { addresses: [], invalid: [] };
  for (const entry of splitEntries(field)) {
    const address = parseAddress(entry);
    if (address !== undefined) addresses.add(address);
    else invalid.add(entry);
  }
  return { addresses: [...addresses], invalid: [...invalid] };
}

// Titles say nothing about who someone is; "Mrs Mary O'Brien" is "Mary O'Brien".
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
const APOSTROPHES = /['\u2019\u2018`\u00B4]/g;
const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;
const MIN_TOKEN_LENGTH = 2;
const MIN_TOKENS = 2;

/**
 * A key for comparing display names: case-, accent-, whitespace- and punctuation-insensitive,
 * word order ignored ("O'Brien, Mary" and "mary obrien" give the same key), titles dropped.
 *
 * Returns '' when the name is too thin to compare: fewer than two words of two or more
 * characters ("Sam", "J. Smith") or an address shown as a name. A display-name match only ever
 * raises a caution, but cautions on every "Sam" would teach staff to ignore them.
 */
export function normalizeDisplayName(name: string): string {
  if (typeof name !== 'string' || name.includes('@')) return '';
  const tokens = name
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    // "O'Brien" and "OBrien" are the same name; "Smith-Jones" and "Smith Jones" too.
    .replace(APOSTROPHES, '')
    .split(NOT_LETTER_OR_DIGIT)
    .filter((token) => token.length >= MIN_TOKEN_LENGTH && !TITLES.has(token));
  const distinct = [...new Set(tokens)].sort();
  return distinct.length >= MIN_TOKENS ? distinct.join(' ') : '';
}

/** True when two display names are comparable and name the same person by the rules above. */
export function displayNamesMatch(a: string, b: string): boolean {
  const left = normalizeDisplayName(a);
  return left !== '' && left === normalizeDisplayName(b);
}
