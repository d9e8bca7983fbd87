// The mail-host port: everything the task pane needs from Outlook, and nothing more.
// Adapters: ./office (Office.js, in Outlook) and ./workbench (the local workbench page).
import type { MessageParticipants } from '../policy/types';

export type ThemeKind = 'light' | 'dark' | 'highContrast';

export interface OpenMessage extends MessageParticipants {
  /** Graph (REST) id of the item, converted from the EWS id where the host gives one. */
  itemId: string;
  internetMessageId?: string;
  subject: string;
  /** ISO date-time the message was received. */
  receivedAt?: string;
  /**
   * The mailbox the item lives in when it is a shared or delegated mailbox (Graph is then called at
   * `/users/{mailbox}/...`); undefined for the signed-in user's own mailbox.
   */
  sharedMailbox?: string;
}

export interface SignedInUser {
  displayName: string;
  emailAddress: string;
}

/** A recipient line of an email being written. */
export type ComposeField = 'to' | 'cc' | 'bcc';

export interface ComposeRecipient {
  address: string;
  displayName?: string;
  /**
   * A distribution list or contact group (Office.EmailAddressDetails.recipientType
   * 'distributionList'): its members are not known here, so they cannot be checked.
   */
  isGroup?: boolean;
}

/** What the compose pane reads of the email being written: recipients and the From mailbox. */
export interface ComposeState {
  to: ComposeRecipient[];
  cc: ComposeRecipient[];
  bcc: ComposeRecipient[];
  /** The From mailbox (the user's own, or a shared mailbox); undefined when it cannot be read. */
  from?: ComposeRecipient;
}

/**
 * The email being written (issue 12, the compose pane): Office's compose item, or the workbench's
 * compose surface. Every call rejects with an Error when the host refuses or does not answer.
 */
export interface ComposeAccess {
  read(): Promise<ComposeState>;
  /** Called when the recipients change (Office's RecipientsChanged). Returns an unsubscribe. */
  onChanged(listener: () => void): () => void;
  /** Replaces one recipient line. */
  setRecipients(field: ComposeField, recipients: readonly ComposeRecipient[]): Promise<void>;
  /** Sets an item session-data value (Mailbox 1.11), read by the OnMessageSend handler. */
  setSessionData(key: string, value: string): Promise<void>;
  /** True when the pane can send the email itself (Mailbox 1.15 `sendAsync`). */
  readonly canSend: boolean;
  send(): Promise<void>;
}

export interface MailHost {
  readonly kind: 'office' | 'workbench';
  /** The item open now; null when none is (pinned pane with nothing selected). */
  getCurrentMessage(): Promise<OpenMessage | null>;
  /** Called whenever the selected item changes (pinned pane). Returns an unsubscribe function. */
  onMessageChanged(listener: (message: OpenMessage | null) => void): () => void;
  getTheme(): ThemeKind;
  onThemeChanged(listener: (theme: ThemeKind) => void): () => void;
  getUser(): SignedInUser;
  /**
   * The email being written when the pane was opened on one (compose mode); null or absent when
   * the pane shows a received email (read mode).
   */
  getCompose?(): ComposeAccess | null;
}
