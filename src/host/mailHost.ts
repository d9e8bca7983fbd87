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

export interface MailHost {
  readonly kind: 'office' | 'workbench';
  /** The item open now; null when none is (pinned pane with nothing selected). */
  getCurrentMessage(): Promise<OpenMessage | null>;
  /** Called whenever the selected item changes (pinned pane). Returns an unsubscribe function. */
  onMessageChanged(listener: (message: OpenMessage | null) => void): () => void;
  getTheme(): ThemeKind;
  onThemeChanged(listener: (theme: ThemeKind) => void): () => void;
  getUser(): SignedInUser;
}
