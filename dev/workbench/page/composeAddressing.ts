// Who a reply, reply all or forward is addressed to, as Outlook fills the lines: Reply goes to the
// original's Reply-To when it has one, else its sender; Reply all adds the original's To and Cc,
// without the user (or the mailbox they reply from) and without repeats; Forward starts empty.
// Subjects get Outlook's English prefixes, RE: and FW:, once.
import type { ComposeKind, ComposeRecipient } from './composeItem';

export interface OriginalMessage {
  subject: string;
  body: string;
  from?: ComposeRecipient;
  replyTo: ComposeRecipient[];
  to: ComposeRecipient[];
  cc: ComposeRecipient[];
}

export interface Addressed {
  subject: string;
  to: ComposeRecipient[];
  cc: ComposeRecipient[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function prefixed(prefix: 'RE:' | 'FW:', subject: string): string {
  return /^(re|fw|fwd):/i.test(subject.trim()) && subject.trim().toUpperCase().startsWith(prefix)
    ? subject
    : `${prefix} ${subject}`;
}

export function addressFor(kind: ComposeKind, original: OriginalMessage, me: string[]): Addressed {
  if (kind === 'new') return { subject: '', to: [], cc: [] };
  if (kind === 'forward') return { subject: prefixed('FW:', original.subject), to: [], cc: [] };
  const target = original.replyTo.length ? original.replyTo : original.from ? [original.from] : [];
  const subject = prefixed('RE:', original.subject);
  if (kind === 'reply') return { subject, to: target.map((r) => ({ ...r })), cc: [] };
  const seen = new Set<string>();
  const keep = (r: ComposeRecipient) => {
    const key = r.emailAddress.trim().toLowerCase();
    if (me.some((m) => same(m, key)) || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const to = [...target, ...original.to].filter(keep).map((r) => ({ ...r }));
  const cc = original.cc.filter(keep).map((r) => ({ ...r }));
  return { subject, to, cc };
}
