// The send-time check's vocabulary (issue 12): what the OnMessageSend handler passes in and gets
// back. Pure data.
import type { LocalDate } from '../types';
import type { RestrictionIndex } from '../verdict';

/** Which recipient line of the email an address is on. */
export type RecipientField = 'to' | 'cc' | 'bcc';

/** One recipient as Outlook gives it (`Office.EmailAddressDetails`: emailAddress, displayName). */
export interface OutgoingRecipient {
  address: string;
  displayName?: string;
}

export interface OutgoingRecipients {
  to: readonly OutgoingRecipient[];
  cc: readonly OutgoingRecipient[];
  bcc: readonly OutgoingRecipient[];
}

/** Who is sending: the signed-in user, and the shared mailbox the email is sent from, if any. */
export interface OutgoingSender {
  userAddress: string;
  /** The shared mailbox in From (Send As / on behalf of), when it is not the user's own. */
  sharedMailboxAddress?: string;
}

export interface SendCheckInput {
  recipients: OutgoingRecipients;
  sender: OutgoingSender;
  /** buildRestrictionIndex's tables, or indexFromSendTimeCache's (the same tables). */
  index: RestrictionIndex;
  /** The school's date (Europe/London). */
  today: LocalDate;
}

/** A recipient under a restriction in force, and whom contact goes through instead. */
export interface RestrictedRecipient {
  /** The address as the user typed it (trimmed). */
  address: string;
  field: RecipientField;
  personName: string;
  spocName: string;
  spocEmail: string;
}

/** A recipient named by a restriction record that cannot be read: never said to be clear. */
export interface UncheckedRecipient {
  address: string;
  field: RecipientField;
}

export type SendUncheckedReason =
  /** No restriction tables (no cache yet, nothing loaded): the handler lets the mail go. */
  | 'noRestrictionList'
  /** `today` is not a real `YYYY-MM-DD` day: nothing can be said to be in force. */
  | 'noDate'
  /** No usable signed-in address: whether the sender is the SPOC cannot be known. */
  | 'noSender'
  /** The recipients are missing, or one cannot be read as an address. */
  | 'badRecipients';

export type SendDecision =
  /** Checked: no recipient is restricted for this sender. */
  | { kind: 'send' }
  /**
   * Outlook stops the send (SoftBlock) and shows `message`. `restricted` lists each recipient under
   * a restriction in force; `unchecked` each one named by a record that cannot be read.
   */
  | {
      kind: 'stop';
      restricted: RestrictedRecipient[];
      unchecked: UncheckedRecipient[];
      message: string;
    }
  /** Could not check: the handler lets the mail go and says nothing (never "clear"). */
  | { kind: 'sendUnchecked'; reason: SendUncheckedReason };
