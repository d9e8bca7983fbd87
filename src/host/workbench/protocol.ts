// Messages between the workbench page (the "Outlook" around the pane) and the task pane in its
// iframe. The workbench plays the host's part: it owns the selected item, the user and the theme,
// and (with `npm start -- --sign-in`) the Office dialog the pane signs in through.
import type { OpenMessage, SignedInUser, ThemeKind } from '../mailHost';

// --- Compose (issue 12): the workbench's compose surface and the compose task pane. ---------------
// Shapes follow Office.js compose items: recipients are `Office.EmailAddressDetails`, notification
// types are `Office.MailboxEnums.ItemNotificationMessageType`'s names.

export type ComposeField = 'to' | 'cc' | 'bcc';
export type ComposeKind = 'new' | 'reply' | 'replyAll' | 'forward';

export interface ComposeRecipient {
  emailAddress: string;
  displayName: string;
}

export interface ComposeNotificationAction {
  actionType: 'showTaskPane';
  actionText: string;
  commandId: string;
  contextData: string;
}

export interface ComposeNotification {
  key: string;
  type: 'informationalMessage' | 'insightMessage' | 'errorMessage' | 'progressIndicator';
  message: string;
  icon?: string;
  persistent?: boolean;
  actions?: ComposeNotificationAction[];
}

/** What the compose pane is sent (HostToPane cg:compose): a copy, never the live object. */
export interface ComposeSnapshot {
  id: string;
  kind: ComposeKind;
  /** The mailbox sending: the user's own, or the shared mailbox chosen in the workbench. */
  from: ComposeRecipient;
  user: SignedInUser;
  subject: string;
  to: ComposeRecipient[];
  cc: ComposeRecipient[];
  bcc: ComposeRecipient[];
  /** Context the Smart Alert or notification action passed when it opened the pane (1.14). */
  contextData?: string;
}

/**
 * Office's dialog, asked of the host: displayDialogAsync and close. Compose (pane → host, each
 * answered by cg:compose-done with the same id): replace a recipient line (`to.setAsync`), set a
 * session-data value (`sessionData.setAsync`), send (`sendAsync`, 1.15).
 */
export type PaneToHost =
  | { type: 'cg:hello' }
  | {
      type: 'cg:compose-set-recipients';
      id: string;
      field: ComposeField;
      recipients: ComposeRecipient[];
    }
  | { type: 'cg:compose-session-set'; id: string; key: string; value: string }
  | { type: 'cg:compose-send'; id: string }
  | { type: 'cg:dialog-open'; id: string; url: string; height: number; width: number }
  | { type: 'cg:dialog-close'; id: string };

/** The SharePoint site of the workbench's seed, so that `npm start -- --seed FILE` works for any school. */
export interface WorkbenchSite {
  hostname: string;
  sitePath: string;
}

/**
 * Where the pane signs in when the workbench runs with `--sign-in`: the local identity provider
 * (dev/local-identity) and the workbench's app registration there.
 */
export interface WorkbenchSignIn {
  clientId: string;
  tenantId: string;
  authority: string;
  /** The production build's delegated Graph scopes (config/production.json): staff's. */
  scopes: string[];
  /** The production build's extra scopes for reviewers and admins, asked for when first used. */
  reviewerScopes?: string[];
  adminScopes?: string[];
}

export type HostToPane =
  | {
      type: 'cg:context';
      user: SignedInUser;
      theme: ThemeKind;
      message: OpenMessage | null;
      site?: WorkbenchSite;
      signIn?: WorkbenchSignIn;
      /** Set when the pane was opened on a compose item (the compose surface's button). */
      compose?: ComposeSnapshot;
    }
  /** The compose item changed (recipients set by the user, the pane or the handler). */
  | { type: 'cg:compose'; compose: ComposeSnapshot }
  /** The answer to a compose request: done, or Office's error message. */
  | { type: 'cg:compose-done'; id: string; error?: string }
  | { type: 'cg:item'; message: OpenMessage | null }
  | { type: 'cg:theme'; theme: ThemeKind }
  /** The answer to cg:dialog-open: opened, or Office's error code (12009: the user ignored it). */
  | { type: 'cg:dialog-opened'; id: string; error?: number }
  /** What the dialog page sent with messageParent, and the page's origin (DialogOrigin 1.1). */
  | { type: 'cg:dialog-message'; id: string; message: string; origin: string }
  /** The dialog closed by the user (12006) or failed to load (12002). */
  | { type: 'cg:dialog-event'; id: string; error: number };

/** What auth-dialog.html sends its opener (the workbench page) in place of messageParent. */
export interface DialogToHost {
  type: 'cg:dialog-parent-message';
  message: string;
}

export function isHostToPane(data: unknown): data is HostToPane {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('cg:')
  );
}
