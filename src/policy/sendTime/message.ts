// The text of the Smart Alert dialog when a send is stopped (issue 12). Plain text, because
// `errorMessage` is what every client shows (Markdown needs Mailbox 1.15).
//
// Limit: "The error message must be 500 characters or less." (Office.SmartAlertsEventCompletedOptions,
// errorMessage, Mailbox 1.12: learn.microsoft.com/javascript/api/outlook/office.smartalertseventcompletedoptions).
// Counted here in UTF-16 code units (JavaScript's length, the stricter count), cut only between
// whole characters, and the instruction at the end is always kept.
//
// What it says (002 §51, need to know: the instruction, never reasons or evidence): who, that
// contact goes through the named single point of contact (002 §55; 000 §6.1), and what to do:
// send it to the SPOC instead, or send anyway only if the allowed contact covers it.
import type { RestrictedRecipient, UncheckedRecipient } from './types';

export const SMART_ALERT_MESSAGE_LIMIT = 500;
/** No one recipient's line takes more than this, so that one long name cannot crowd out others. */
const LINE_LIMIT = 160;
const ELLIPSIS = '…';

const FIELD_LABEL = { to: 'To', cc: 'Cc', bcc: 'Bcc' } as const;

/** One line of text: control characters and runs of white space become one space. */
function clean(text: string): string {
  return (typeof text === 'string' ? text : '').replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** At most `limit` UTF-16 units, never splitting a character, with an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let out = '';
  for (const character of text) {
    if (out.length + character.length + ELLIPSIS.length > limit) break;
    out += character;
  }
  return out.trimEnd() + ELLIPSIS;
}

function spocOf(r: RestrictedRecipient): string {
  const name = clean(r.spocName);
  const email = clean(r.spocEmail);
  if (name !== '' && email !== '') return `${name} (${email})`;
  return name || email || 'the named contact';
}

function restrictedLine(r: RestrictedRecipient, one: boolean): string {
  const who = clean(r.personName) || clean(r.address);
  const where = `${clean(r.address)}, ${FIELD_LABEL[r.field]}`;
  const line = one
    ? `${who} (${where}) is under a contact restriction: contact goes through ${spocOf(r)}.`
    : `${who} (${where}): contact goes through ${spocOf(r)}.`;
  return clip(line, LINE_LIMIT);
}

function uncheckedLine(u: UncheckedRecipient): string {
  return clip(
    `We could not check ${clean(u.address)} (${FIELD_LABEL[u.field]}): a restriction record for this address cannot be read.`,
    LINE_LIMIT,
  );
}

function instruction(restricted: number, unchecked: number): string {
  const parts: string[] = [];
  if (restricted > 0) {
    parts.push(
      restricted === 1
        ? 'Send it to that contact instead, or send anyway only if the allowed contact covers this.'
        : 'Send it to each named contact instead, or send anyway only if the allowed contact covers this.',
    );
  }
  if (unchecked > 0) parts.push('Check with the office before sending.');
  return parts.join(' ');
}

/** The dialog text, at most SMART_ALERT_MESSAGE_LIMIT characters. */
export function sendTimeMessage(
  restricted: readonly RestrictedRecipient[],
  unchecked: readonly UncheckedRecipient[],
): string {
  const one = restricted.length === 1;
  const lines = [...restricted.map((r) => restrictedLine(r, one)), ...unchecked.map(uncheckedLine)];
  const head =
    restricted.length > 1
      ? [`${restricted.length} recipients are under a contact restriction.`]
      : [];
  const tail = instruction(restricted.length, unchecked.length);

  const whole = [...head, ...lines, tail].join(' ');
  if (whole.length <= SMART_ALERT_MESSAGE_LIMIT) return whole;

  // Too long: as many recipients as fit, then "and N more", then always the instruction.
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const more = lines.length - i - 1;
    const suffix = more > 0 ? [`And ${more} more.`] : [];
    const candidate = [...head, ...kept, lines[i] ?? '', ...suffix, tail].join(' ');
    if (candidate.length > SMART_ALERT_MESSAGE_LIMIT) break;
    kept.push(lines[i] ?? '');
  }
  const more = lines.length - kept.length;
  const text = [...head, ...kept, ...(more > 0 ? [`And ${more} more.`] : []), tail].join(' ');
  return clip(text, SMART_ALERT_MESSAGE_LIMIT);
}

/**
 * The compose notification bar's text (OnNewMessageCompose, OnMessageRecipientsChanged): the same
 * instruction, shorter. Limit: "The message ... maximum length is 150 characters"
 * (Office.NotificationMessageDetails.message, learn.microsoft.com/javascript/api/outlook/
 * office.notificationmessagedetails). Names the person and the SPOC (not addresses: the bar is
 * narrow and the recipient line already shows them).
 */
export const NOTIFICATION_MESSAGE_LIMIT = 150;

export function composeNotificationText(
  restricted: readonly RestrictedRecipient[],
  unchecked: readonly UncheckedRecipient[],
): string {
  let text: string;
  const first = restricted[0];
  if (restricted.length === 1 && first) {
    const who = clean(first.personName) || clean(first.address);
    const spoc = clean(first.spocName) || clean(first.spocEmail) || 'the named contact';
    text = `${who} is under a contact restriction: contact goes through ${spoc}. Send it to ${spoc} instead.`;
  } else if (restricted.length > 1) {
    text = `${restricted.length} recipients are under a contact restriction: contact goes through their named contact. Open Contact Guard to see who.`;
  } else if (unchecked.length > 0) {
    text =
      unchecked.length === 1
        ? `We could not check ${clean(unchecked[0]?.address ?? '')}: its restriction record cannot be read. Check with the office before sending.`
        : `We could not check ${unchecked.length} recipients: their restriction records cannot be read. Check with the office before sending.`;
  } else {
    text = '';
  }
  if (restricted.length > 0 && unchecked.length > 0 && text !== '')
    text += ' Some recipients could not be checked.';
  return clip(text, NOTIFICATION_MESSAGE_LIMIT);
}
