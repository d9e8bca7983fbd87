// Reads address headers out of a message's raw internet headers (RFC 5322). Pure, so that the
// awkward cases (folded lines, quoted names with commas, groups, comments) are unit-tested.
import type { EmailAddress } from '../../policy/types';

/**
 * Joins folded continuation lines to their header (RFC 5322 §2.2.3: remove the line break that is
 * followed by a space or tab, keep the whitespace). Accepts CRLF and bare LF.
 */
export function unfoldHeaders(rawHeaders: string): string {
  return rawHeaders.replace(/\r?\n(?=[ \t])/g, '');
}

/** Every value of the named header, in order; the name compares case-insensitively. */
export function headerValues(rawHeaders: string, headerName: string): string[] {
  const wanted = headerName.toLowerCase();
  const values: string[] = [];
  for (const line of unfoldHeaders(rawHeaders).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    // Anchored at the start of the line, so "In-Reply-To:" is never read as "Reply-To:".
    if (line.slice(0, colon).trim().toLowerCase() !== wanted) continue;
    values.push(line.slice(colon + 1).trim());
  }
  return values;
}

/**
 * Splits an address list at top-level commas: commas inside quoted strings, comments (parentheses)
 * or angle brackets belong to the address. Group syntax (`Team: a@x, b@y;`) is flattened.
 */
export function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  let commentDepth = 0;
  let inAngle = false;
  for (let index = 0; index < value.length; index += 1) {
    const char = value.charAt(index);
    if (char === '\\' && (inQuotes || commentDepth > 0)) {
      // A quoted-pair: keep the escape and the escaped character together.
      current += char + value.charAt(index + 1);
      index += 1;
      continue;
    }
    if (inQuotes) {
      if (char === '"') inQuotes = false;
      current += char;
      continue;
    }
    if (commentDepth > 0) {
      if (char === '(') commentDepth += 1;
      if (char === ')') commentDepth -= 1;
      current += char;
      continue;
    }
    if (char === '"') inQuotes = true;
    else if (char === '(') commentDepth = 1;
    else if (char === '<') inAngle = true;
    else if (char === '>') inAngle = false;
    else if (!inAngle && char === ':') {
      // The end of a group's display name: what came before names the group, not a mailbox.
      current = '';
      continue;
    } else if (!inAngle && (char === ',' || char === ';')) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

function stripComments(text: string): string {
  let result = '';
  let depth = 0;
  let inQuotes = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '\\' && (inQuotes || depth > 0)) {
      if (depth === 0) result += char + text.charAt(index + 1);
      index += 1;
      continue;
    }
    if (depth === 0 && char === '"') inQuotes = !inQuotes;
    if (!inQuotes && char === '(') {
      depth += 1;
      continue;
    }
    if (!inQuotes && depth > 0 && char === ')') {
      depth -= 1;
      continue;
    }
    if (depth === 0) result += char;
  }
  return result;
}

function unquoteDisplayName(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
  }
  return trimmed.replace(/\s+/g, ' ');
}

function looksLikeAddress(candidate: string): boolean {
  const at = candidate.lastIndexOf('@');
  return at > 0 && at < candidate.length - 1 && !/\s/.test(candidate);
}

/** One mailbox (`Name <addr>` or a bare `addr`); undefined when no address can be read. */
export function parseMailbox(text: string): EmailAddress | undefined {
  const withoutComments = stripComments(text).trim();
  const angleStart = withoutComments.lastIndexOf('<');
  const angleEnd = withoutComments.lastIndexOf('>');
  if (angleStart >= 0 && angleEnd > angleStart) {
    const address = withoutComments.slice(angleStart + 1, angleEnd).trim();
    if (!looksLikeAddress(address)) return undefined;
    const displayName = unquoteDisplayName(withoutComments.slice(0, angleStart));
    return displayName ? { address, displayName } : { address };
  }
  // A bare addr-spec; a local part may itself be quoted ("john smith"@example.org): keep it whole.
  const address = withoutComments.trim();
  return looksLikeAddress(address) || /^".*"@[^\s@]+$/.test(address) ? { address } : undefined;
}

/** Every address in a list header value, in order, without exact duplicates. */
export function parseAddressList(value: string): EmailAddress[] {
  const seen = new Set<string>();
  const result: EmailAddress[] = [];
  for (const part of splitAddressList(value)) {
    const mailbox = parseMailbox(part);
    if (!mailbox) continue;
    const key = mailbox.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(mailbox);
  }
  return result;
}

/**
 * The Reply-To addresses of a message. A message should carry one Reply-To header; should it carry
 * several, all of them are read, because a missed address could hide a restricted sender.
 */
export function parseReplyTo(rawHeaders: string): EmailAddress[] {
  const seen = new Set<string>();
  const result: EmailAddress[] = [];
  for (const value of headerValues(rawHeaders, 'Reply-To')) {
    for (const mailbox of parseAddressList(value)) {
      const key = mailbox.address.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(mailbox);
    }
  }
  return result;
}
