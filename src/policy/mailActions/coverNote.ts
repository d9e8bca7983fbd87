// The short note the product writes above a forwarded restricted email. Plain text (Graph's
// forward `comment`): who the sender is under the restriction, when the email arrived, from which
// mailbox and by whom it was forwarded, and a flag when it looks urgent. Never the reasons for the
// restriction. Pure: the instants are parameters.
import { formatWeekdayDateTime } from '../dates/format';

export interface CoverNoteInput {
  personName: string;
  /** The address the email came from (the one that matched the restriction). */
  senderAddress: string;
  /** When the email arrived (ISO); undefined when unknown. */
  receivedAt?: string;
  /** The mailbox the email was in (own or shared). */
  mailbox: string;
  forwardedBy: { name: string; address: string };
  /** When it was forwarded. */
  at: Date;
  spocName: string;
  /** The school's words found in the email; empty when it does not look urgent. */
  urgentWords: readonly string[];
}

/** "Tuesday 3 June 2025 at 09:14", in the school's time zone. */
export function schoolDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) return 'an unknown time';
  return formatWeekdayDateTime(instant);
}

/** The flag line used in the cover note and, in other words, in the pane. */
export function urgentLine(words: readonly string[]): string {
  return `POSSIBLY URGENT OR SAFEGUARDING: this email mentions ${words.map((w) => `"${w}"`).join(', ')}. Read it now and follow the school's normal emergency and safeguarding procedure as well.`;
}

export function coverNote(input: CoverNoteInput): string {
  const received = input.receivedAt
    ? schoolDateTime(new Date(input.receivedAt))
    : 'an unknown time';
  const lines: string[] = [];
  if (input.urgentWords.length > 0) lines.push(urgentLine(input.urgentWords), '');
  lines.push(
    `Forwarded by Contact Guard: ${input.personName} (${input.senderAddress}) is under a contact restriction, and ${input.spocName} is the single point of contact.`,
    `The email arrived on ${received} in the mailbox ${input.mailbox}.`,
    `It was forwarded from that mailbox by ${input.forwardedBy.name} (${input.forwardedBy.address}) on ${schoolDateTime(input.at)}.`,
    'The original email follows, unchanged. No reply has been sent.',
  );
  return lines.join('\n');
}
