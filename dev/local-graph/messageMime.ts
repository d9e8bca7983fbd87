// GET /messages/{id}/$value: the message's MIME content (RFC 5322 / RFC 2045), rendered from the
// stored Graph message as Exchange would hand it out: the header fields, then the body (text or
// HTML, UTF-8). Non-ASCII header text is an RFC 2047 encoded word; a non-ASCII body is base64.
// Graph answers this with `Content-Type: text/plain`.
import type { Message } from './mailStore';

type Address = { emailAddress?: { name?: string; address?: string } };

const ASCII = /^[\x20-\x7e]*$/;

/** A header value: plain when printable ASCII, otherwise an RFC 2047 encoded word (UTF-8, B). */
function headerText(text: string): string {
  if (ASCII.test(text)) return text;
  return `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function mailbox(a: Address | null | undefined): string | undefined {
  const address = a?.emailAddress?.address;
  if (!address) return undefined;
  const name = a?.emailAddress?.name?.trim();
  if (!name) return address;
  const display = ASCII.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : headerText(name);
  return `${display} <${address}>`;
}

function mailboxList(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const all = (list as Address[]).map(mailbox).filter((m): m is string => !!m);
  return all.length ? all.join(', ') : undefined;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time, in UTC: "Tue, 04 Mar 2025 09:05:00 +0000". */
export function rfc5322Date(iso: string): string {
  const d = new Date(iso);
  const valid = Number.isNaN(d.getTime()) ? new Date(0) : d;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[valid.getUTCDay()]}, ${pad(valid.getUTCDate())} ${MONTHS[valid.getUTCMonth()]} ` +
    `${valid.getUTCFullYear()} ${pad(valid.getUTCHours())}:${pad(valid.getUTCMinutes())}:` +
    `${pad(valid.getUTCSeconds())} +0000`
  );
}

/** Lines of at most 76 characters (RFC 2045 base64). */
function wrap(text: string, width = 76): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

/** The message as an RFC 5322 text, CRLF line ends. */
export function messageMime(m: Message): string {
  const body = (m.body ?? {}) as { contentType?: string; content?: string };
  const html = (body.contentType ?? 'text').toLowerCase() === 'html';
  const content = (body.content ?? '').replace(/\r?\n/g, '\r\n');
  const ascii = Buffer.byteLength(content, 'utf8') === content.length; // no byte over 0x7f
  const from = mailbox(m.from as Address);
  const sender = mailbox(m.sender as Address);
  const headers: [string, string | undefined][] = [
    ['From', from],
    // Sender only when someone sent on behalf of From, as Exchange writes it.
    ['Sender', sender && sender !== from ? sender : undefined],
    ['Reply-To', mailboxList(m.replyTo)],
    ['To', mailboxList(m.toRecipients)],
    ['Cc', mailboxList(m.ccRecipients)],
    ['Subject', headerText(typeof m.subject === 'string' ? m.subject : '')],
    ['Date', rfc5322Date(String(m.sentDateTime ?? m.receivedDateTime))],
    ['Message-ID', typeof m.internetMessageId === 'string' ? m.internetMessageId : undefined],
    ['MIME-Version', '1.0'],
    ['Content-Type', `${html ? 'text/html' : 'text/plain'}; charset="utf-8"`],
    ['Content-Transfer-Encoding', ascii ? '7bit' : 'base64'],
  ];
  const head = headers
    .filter((h): h is [string, string] => h[1] !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  const encoded = ascii
    ? content
    : wrap(Buffer.from(content, 'utf8').toString('base64')).join('\r\n');
  return `${head.join('\r\n')}\r\n\r\n${encoded}\r\n`;
}
