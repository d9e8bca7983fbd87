// Delivery of new mail into the local tenant's mailboxes: what Exchange does when a message is sent
// to an address it hosts. Forward and send (mail actions) and the development-only delivery route
// use it; inbox rules (redirect, forward, move) hook in here so that the whole path can be seen.
import { randomUUID } from 'node:crypto';
import type { Message, StoredFolder, StoredMailbox } from './mailStore';
import { newImmutableId, stableGraphId, textPreview } from './mailStore';

export interface Recipient {
  emailAddress: { name?: string; address: string };
}

/** What arrives: the parts of a message the sender controls. */
export interface IncomingMessage {
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  from: Recipient;
  sender?: Recipient;
  replyTo?: Recipient[];
  toRecipients: Recipient[];
  ccRecipients?: Recipient[];
  internetMessageId?: string;
  /** Headers the sender or a transport rule set (x-… names). */
  internetMessageHeaders?: { name: string; value: string }[];
  attachments?: unknown[];
  hasAttachments?: boolean;
}

export interface DeliveryResult {
  address: string;
  messageId: string;
  folderId: string;
}

/** A hook that may change where a message goes (inbox rules); returns the deliveries it made. */
export type DeliveryHook = (
  mailbox: StoredMailbox,
  message: Message,
  deliver: (address: string, incoming: IncomingMessage, depth: number) => DeliveryResult[],
  depth: number,
) => void;

const hooks: DeliveryHook[] = [];

/** Registers a delivery hook (the inbox-rule engine). Hooks run in registration order. */
export function addDeliveryHook(hook: DeliveryHook): void {
  hooks.push(hook);
}

export function findMailbox(
  mailboxes: StoredMailbox[],
  address: string,
): StoredMailbox | undefined {
  const wanted = address.toLowerCase();
  return mailboxes.find((m) => m.address.toLowerCase() === wanted);
}

export function wellKnownFolder(mailbox: StoredMailbox, name: string): StoredFolder {
  const folder = mailbox.folders.find((f) => f.wellKnownName === name);
  if (!folder) throw new Error(`mailbox has no ${name} folder`);
  return folder;
}

/**
 * Delivers a message to every recipient the local tenant hosts (others are dropped: the local
 * service has no internet). Mail loops are cut after a few hops, as Exchange does.
 */
export function deliver(
  mailboxes: StoredMailbox[],
  incoming: IncomingMessage,
  now: Date = new Date(),
  depth = 0,
): DeliveryResult[] {
  if (depth > 3) return [];
  const recipients = [...incoming.toRecipients, ...(incoming.ccRecipients ?? [])];
  const results: DeliveryResult[] = [];
  for (const r of recipients) {
    results.push(...deliverTo(mailboxes, r.emailAddress.address, incoming, now, depth));
  }
  return results;
}

function deliverTo(
  mailboxes: StoredMailbox[],
  address: string,
  incoming: IncomingMessage,
  now: Date,
  depth: number,
): DeliveryResult[] {
  const mailbox = findMailbox(mailboxes, address);
  if (!mailbox) return [];
  const inbox = wellKnownFolder(mailbox, 'inbox');
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const id = stableGraphId('AAMkAGI2', mailbox.address.toLowerCase(), randomUUID());
  const domain = incoming.from.emailAddress.address.split('@')[1] ?? 'local';
  const message: Message = {
    '@odata.etag': `W/"${randomUUID().replace(/-/g, '').slice(0, 24)}"`,
    id,
    immutableId: newImmutableId(mailbox.address),
    createdDateTime: at,
    lastModifiedDateTime: at,
    receivedDateTime: at,
    sentDateTime: at,
    changeKey: randomUUID().replace(/-/g, '').slice(0, 24),
    categories: [],
    hasAttachments: incoming.hasAttachments ?? (incoming.attachments?.length ?? 0) > 0,
    internetMessageId: incoming.internetMessageId ?? `<${randomUUID()}@${domain}>`,
    subject: incoming.subject,
    bodyPreview: textPreview(incoming.body),
    importance: 'normal',
    parentFolderId: inbox.id,
    conversationId: stableGraphId('AAQkAGI2', mailbox.address.toLowerCase(), incoming.subject),
    isRead: false,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: incoming.body,
    from: incoming.from,
    sender: incoming.sender ?? incoming.from,
    replyTo: incoming.replyTo ?? [],
    toRecipients: incoming.toRecipients,
    ccRecipients: incoming.ccRecipients ?? [],
    bccRecipients: [],
    flag: { flagStatus: 'notFlagged' },
    ...(incoming.internetMessageHeaders
      ? { internetMessageHeaders: incoming.internetMessageHeaders }
      : {}),
    ...(incoming.attachments ? { attachments: incoming.attachments } : {}),
  };
  inbox.messages.push(message);
  const results: DeliveryResult[] = [
    { address: mailbox.address, messageId: id, folderId: inbox.id },
  ];
  const onward = (to: string, next: IncomingMessage, d: number) =>
    deliverTo(mailboxes, to, next, now, d);
  for (const hook of hooks) hook(mailbox, message, onward, depth + 1);
  return results;
}
