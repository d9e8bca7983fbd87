// The text the urgency check reads: what the sender wrote in this email, as plain text.
// - HTML is reduced to the text a person sees: a block tag (paragraph, line break, cell, list item)
//   ends a line, any other tag joins its neighbours without a space ("<b>hos</b>pital" reads
//   "hospital", "<p>not</p><p>well</p>" reads two lines), and entities are read ("&amp;", "&#39;",
//   "&#x2019;"), so no markup can split or hide a word.
// - Quoted history is left out: a reply's quoted text is the school's own earlier letters ("if you
//   have an urgent safeguarding concern, call the DSL") or the sender's old complaints; counting it
//   would raise the alarm again on every reply in a long thread, and an alarm that is always on is an
//   alarm staff learn to ignore. Anything new and urgent is in the new text. A forward is different:
//   the forwarded text IS the content (Contact Guard's own forward to the single point of contact, a
//   parent forwarding a message from the child), so a forward is read whole.
// Pure.

/** The line Contact Guard's cover note starts with on an urgent forward (coverNote.ts). */
export const COVER_NOTE_FLAG = 'POSSIBLY URGENT OR SAFEGUARDING:';

/** Reads HTML character references; an unknown or invalid one is left as it is. */
export function decodeEntities(text: string): string {
  const named: Readonly<Record<string, string>> = {
    nbsp: ' ',
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    rsquo: "'",
    lsquo: "'",
    ldquo: '"',
    rdquo: '"',
    ndash: '-',
    mdash: '-',
    pound: '£',
    hellip: '...',
  };
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** Does this body look like HTML (a tag a mail client writes)? */
export function looksLikeHtml(body: string): boolean {
  return /<(?:html|body|div|p|br|span|table|b|i|strong|em|a|font)\b[^>]*>/i.test(body);
}

/** The visible text of an HTML body, one line per block. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|script|style|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(
      /<\/?(?:br|p|div|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|blockquote|hr|pre|section|article|header|footer|center)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text);
}

// A line that starts quoted history in a reply: Gmail's "On … wrote:", Outlook's "-----Original
// Message-----", or Outlook's header block ("From: …" followed by "Sent:" or "Date:").
// A mail client's "On … wrote:" always names a date or an address ("On Mon, 4 Mar 2024 at 09:12,
// Office <office@…> wrote:") or is followed by ">" lines; a parent's own sentence ("On Sunday her
// dad wrote:") is neither, and what follows it is the parent's news, read like the rest.
const wrote = (line: string) => /^\s*On\b.{0,200}\bwrote:\s*$/i.test(line);
function startsHistory(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  if (/^\s*-{2,}\s*Original Message\s*-{2,}/i.test(line)) return true;
  const quotedNext = (from: number) =>
    lines
      .slice(from)
      .find((next) => next.trim() !== '')
      ?.trimStart()
      .startsWith('>') === true;
  const clientMarker = (header: string, next: number) =>
    wrote(header) && (/\d|@/.test(header) || quotedNext(next));
  if (clientMarker(line, i + 1)) return true;
  // "On Mon, 4 Mar 2024 at 09:12, Office <office@…>" wrapped over two lines.
  if (/^\s*On\b/i.test(line) && clientMarker(`${line} ${lines[i + 1] ?? ''}`, i + 2)) return true;
  return (
    /^\s*From:\s*\S/i.test(line) &&
    lines.slice(i + 1, i + 4).some((next) => /^\s*(?:Sent|Date):\s*\S/i.test(next))
  );
}

/** The sender's new text: quoted history (and ">" lines) cut off, unless the email is a forward. */
export function newText(text: string, subject: string): string {
  const lines = text.split('\n');
  const forwardMarker = /^\s*-{2,}\s*Forwarded message\s*-{2,}/i;
  if (/^\s*(?:fw|fwd)\s*:/i.test(subject) || lines.some((line) => forwardMarker.test(line))) {
    return lines.filter((line) => !line.trimStart().startsWith(COVER_NOTE_FLAG)).join('\n');
  }
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (startsHistory(lines, i)) break;
    if (!lines[i]!.trimStart().startsWith('>')) kept.push(lines[i]!);
  }
  return kept.join('\n');
}

/**
 * The plain text of a body that may be HTML, as the product keeps it (MessageState.bodyText): the
 * visible text, spaces tidied within each line, line breaks kept (the urgency check needs them to
 * find quoted history and sentence ends; the forward marker is found either way).
 */
export function plainText(content: string): string {
  const raw = (content ?? '').replace(/\r\n?/g, '\n');
  return (looksLikeHtml(raw) ? htmlToText(raw) : raw)
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * What the check reads: the subject, then the new text of the body (HTML or plain), with spacing
 * tidied (runs of spaces and tabs to one space, curly apostrophes to straight ones) but line breaks
 * kept: a line break ends a sentence for the defusing contexts.
 */
export function readableText(subject: string, body: string): { subject: string; body: string } {
  const tidy = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[ \t\f\v\u00a0]+/g, ' ');
  const raw = body ?? '';
  const plain = looksLikeHtml(raw) ? htmlToText(raw) : raw;
  return {
    subject: tidy(subject ?? ''),
    body: tidy(newText(plain.replace(/\r\n?/g, '\n'), subject ?? '')),
  };
}
