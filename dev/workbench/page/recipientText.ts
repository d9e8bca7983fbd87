// What a person types in a To / Cc / Bcc line: `address` or `Name <address>`, several separated by
// ; or , (Outlook's separators). Pure, so that the compose surface and its tests agree.
import type { ComposeRecipient } from './composeItem';

const NAMED = /^\s*"?([^"<]*?)"?\s*<\s*([^<>\s]+)\s*>\s*$/;
const BARE = /^\s*<?\s*([^<>\s"]+@[^<>\s"]+?)\s*>?\s*$/;

export function parseRecipient(text: string): ComposeRecipient | undefined {
  const named = NAMED.exec(text);
  if (named?.[2]?.includes('@')) {
    const name = (named[1] ?? '').trim();
    return { emailAddress: named[2], displayName: name || named[2] };
  }
  const bare = BARE.exec(text);
  return bare?.[1] ? { emailAddress: bare[1], displayName: bare[1] } : undefined;
}

/** Splits on ; and , outside quotes; returns the recipients and the text that was not one. */
export function parseRecipients(text: string): { recipients: ComposeRecipient[]; rest: string } {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ';' || ch === ',')) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const recipients: ComposeRecipient[] = [];
  const rest: string[] = [];
  for (const p of parts) {
    if (!p.trim()) continue;
    const r = parseRecipient(p);
    if (r) recipients.push(r);
    else rest.push(p.trim());
  }
  return { recipients, rest: rest.join('; ') };
}
