// Does a restricted email look urgent or safeguarding-related? (DOMAIN.md: "Never block the
// emergency line".) Words from the school's list (config.mail.urgentKeywords) are matched whole and
// case-insensitively in the subject and the body; a phrase ("not well") matches across any spacing.
// Pure: the list is a parameter.

export interface UrgencyResult {
  urgent: boolean;
  /** The school's words that were found, in the list's order, lower-cased, without duplicates. */
  matched: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Plain text of a body that may be HTML: tags dropped, common entities read, spacing collapsed. */
export function plainText(content: string): string {
  return content
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A whole-word, case-insensitive pattern for one keyword or phrase; undefined for a blank one. */
export function keywordPattern(keyword: string): RegExp | undefined {
  const words = keyword.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const body = words.map(escapeRegExp).join('\\s+');
  // Letters and digits of any script are word characters; an apostrophe inside a word too
  // ("o'clock"), so "urgent" does not match in "urgently" nor "ill" in "o'ill".
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'iu');
}

/** Which of the school's words appear in the subject or the body (HTML or text). */
export function detectUrgency(
  subject: string,
  body: string,
  keywords: readonly string[],
): UrgencyResult {
  const text = `${subject ?? ''}\n${plainText(body ?? '')}`.normalize('NFC');
  const matched: string[] = [];
  for (const keyword of keywords ?? []) {
    if (typeof keyword !== 'string') continue;
    const pattern = keywordPattern(keyword);
    const normalized = keyword.trim().toLowerCase().replace(/\s+/g, ' ');
    if (pattern && pattern.test(text) && !matched.includes(normalized)) matched.push(normalized);
  }
  return { urgent: matched.length > 0, matched };
}
