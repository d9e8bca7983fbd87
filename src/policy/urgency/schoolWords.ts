// The school's own words (config `mail.urgentKeywords`): added to the built-in lexicon, never
// replacing it (the emergency line cannot be configured away). A school's word counts wherever it
// appears in the new text, whole and in any case, with no defusing context: a school adds a word
// because, for it, the word is always worth a look (a local name for a danger, a pupil's safe word).
// Pure.

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, case-insensitive, global pattern for one word or phrase; undefined for a blank one. */
export function keywordPattern(keyword: string): RegExp | undefined {
  const words = keyword.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const body = words.map(escapeRegExp).join('\\s+');
  // Letters and digits of any script are word characters, so "urgent" does not match in "urgently"
  // and "brand" matches in "Noodgeval: brand".
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'giu');
}

/** The usable patterns of the school's list: blank and non-text entries skipped, duplicates once. */
export function schoolPatterns(keywords: readonly unknown[] | undefined): RegExp[] {
  const seen = new Set<string>();
  const patterns: RegExp[] = [];
  for (const keyword of keywords ?? []) {
    if (typeof keyword !== 'string') continue;
    const pattern = keywordPattern(keyword);
    if (!pattern || seen.has(pattern.source.toLowerCase())) continue;
    seen.add(pattern.source.toLowerCase());
    patterns.push(pattern);
  }
  return patterns;
}
