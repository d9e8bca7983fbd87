// The workbench's compose item: the email being written in the workbench's compose surface (Reply,
// Reply all, Forward, New email). It plays the part of Outlook's `Office.context.mailbox.item` in
// compose mode for both the event runtime (launchevent.html, through the workbench's Office shim)
// and the compose task pane (through the pane protocol): one state, so that what the handler reads
// is what the pane shows and what the surface draws.
//
// Shapes follow Office.js: recipients are `Office.EmailAddressDetails` (emailAddress, displayName);
// notifications are `Office.NotificationMessageDetails` with the type names of
// `Office.MailboxEnums.ItemNotificationMessageType`; session data is `item.sessionData` (1.11).
import type { SignedInUser } from '../../../src/host/mailHost';
import type {
  ComposeField,
  ComposeKind,
  ComposeNotification,
  ComposeRecipient,
  ComposeSnapshot,
} from '../../../src/host/workbench/protocol';

export type { ComposeField, ComposeKind, ComposeNotification, ComposeRecipient, ComposeSnapshot };

type Listener = (changedFields: ComposeField[]) => void;

export class ComposeItem {
  readonly recipients: Record<ComposeField, ComposeRecipient[]> = { to: [], cc: [], bcc: [] };
  readonly sessionData = new Map<string, string>();
  readonly notifications = new Map<string, ComposeNotification>();
  private readonly listeners = new Set<Listener>();
  private readonly notificationListeners = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly kind: ComposeKind,
    readonly user: SignedInUser,
    readonly from: ComposeRecipient,
    public subject: string,
    public body: string,
    initial: Partial<Record<ComposeField, ComposeRecipient[]>> = {},
  ) {
    for (const field of ['to', 'cc', 'bcc'] as const)
      this.recipients[field] = (initial[field] ?? []).map((r) => ({ ...r }));
  }

  getRecipients(field: ComposeField): ComposeRecipient[] {
    return this.recipients[field].map((r) => ({ ...r }));
  }

  /** setAsync: replaces the field's recipients and fires RecipientsChanged if they differ. */
  setRecipients(field: ComposeField, recipients: ComposeRecipient[]): void {
    const next = recipients.map((r) => ({
      emailAddress: r.emailAddress,
      displayName: r.displayName || r.emailAddress,
    }));
    const same =
      next.length === this.recipients[field].length &&
      next.every((r, i) => r.emailAddress === this.recipients[field][i]?.emailAddress);
    this.recipients[field] = next;
    if (!same) this.listeners.forEach((l) => l([field]));
  }

  onRecipientsChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setNotification(notification: ComposeNotification): void {
    this.notifications.set(notification.key, { ...notification });
    this.notificationListeners.forEach((l) => l());
  }

  removeNotification(key: string): boolean {
    const had = this.notifications.delete(key);
    if (had) this.notificationListeners.forEach((l) => l());
    return had;
  }

  onNotificationsChanged(listener: () => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  snapshot(contextData?: string): ComposeSnapshot {
    return {
      id: this.id,
      kind: this.kind,
      from: { ...this.from },
      user: { ...this.user },
      subject: this.subject,
      to: this.getRecipients('to'),
      cc: this.getRecipients('cc'),
      bcc: this.getRecipients('bcc'),
      ...(contextData !== undefined ? { contextData } : {}),
    };
  }
}
