// In-memory mailboxes: folders (with well-known names) and messages, built from the seed.
import { createHash, randomUUID } from 'node:crypto';
import { toGraphInstant } from './londonDates';
import type { SeedMailbox, SeedMailboxDelegate, SeedMessage } from './seedTypes';

export type Message = Record<string, unknown> & {
  /** The regular REST id: a new one whenever the item moves (messageIds.ts). */
  id: string;
  /** The immutable id: kept across moves within the mailbox (messageIds.ts). */
  immutableId: string;
  parentFolderId: string;
  receivedDateTime: string;
};

export interface StoredFolder {
  id: string;
  displayName: string;
  wellKnownName?: string;
  parentFolderId: string;
  messages: Message[];
}

export interface StoredMailbox {
  address: string;
  displayName: string;
  kind: 'user' | 'shared';
  timeZone: string;
  rootFolderId: string;
  folders: StoredFolder[];
  masterCategories: { id: string; displayName: string; color: string }[];
  /** Grants to other users (mailboxAccess.ts enforces them). */
  delegates: SeedMailboxDelegate[];
}

const DEFAULT_FOLDERS: { wellKnownName: string; displayName: string }[] = [
  { wellKnownName: 'inbox', displayName: 'Inbox' },
  { wellKnownName: 'drafts', displayName: 'Drafts' },
  { wellKnownName: 'sentitems', displayName: 'Sent Items' },
  { wellKnownName: 'outbox', displayName: 'Outbox' },
  { wellKnownName: 'deleteditems', displayName: 'Deleted Items' },
  { wellKnownName: 'archive', displayName: 'Archive' },
  { wellKnownName: 'junkemail', displayName: 'Junk Email' },
];

/** A stable Graph-looking id (AAMk...) derived from its parts, so ids survive reset(). */
export function stableGraphId(prefix: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('base64url');
  return `${prefix}${digest}=`;
}

/** Graph's bodyPreview: the body as plain text, at most 255 characters. */
export function textPreview(body: unknown): string {
  const content = (body as { content?: string } | undefined)?.content ?? '';
  return content
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

function messageFromSeed(mb: SeedMailbox, folderId: string, seed: SeedMessage, now: Date): Message {
  const id = seed.id ?? stableGraphId('AAMkAGI2', mb.address.toLowerCase(), folderId, seed.subject);
  const received =
    typeof seed.receivedDateTime === 'string' ? seed.receivedDateTime : toGraphInstant(now);
  const from = seed.from ?? null;
  const body = (seed.body as Message['body']) ?? { contentType: 'text', content: '' };
  const domain = mb.address.split('@')[1] ?? 'local';
  return {
    '@odata.etag': `W/"${stableGraphId('CQAAABYAAAC', id).slice(0, 24)}"`,
    id,
    createdDateTime: received,
    lastModifiedDateTime: received,
    changeKey: stableGraphId('CQAAABYAAAC', id).slice(0, 24),
    categories: [],
    receivedDateTime: received,
    sentDateTime: received,
    hasAttachments: false,
    internetMessageId: `<${createHash('sha1').update(id).digest('hex').slice(0, 20)}@${domain}>`,
    bodyPreview: textPreview(body),
    importance: 'normal',
    parentFolderId: folderId,
    conversationId: stableGraphId(
      'AAQkAGI2',
      mb.address.toLowerCase(),
      seed.subject.replace(/^(re|fw|fwd):\s*/i, ''),
    ),
    conversationIndex: 'AQHa',
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: false,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body,
    sender: seed.sender ?? from,
    from,
    toRecipients: [{ emailAddress: { name: mb.displayName, address: mb.address } }],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
    ...seed,
    immutableId: newImmutableId(mb.address, 'seed', id),
  } as Message;
}

export function mailboxFromSeed(seed: SeedMailbox, now: Date): StoredMailbox {
  const rootFolderId = stableGraphId('AAMkAGI2root', seed.address.toLowerCase());
  const folders: StoredFolder[] = seed.folders.map((f) => ({
    id: f.id,
    displayName: f.displayName,
    ...(f.wellKnownName ? { wellKnownName: f.wellKnownName.toLowerCase() } : {}),
    parentFolderId: f.parentFolderId ?? rootFolderId,
    messages: [],
  }));
  for (const d of DEFAULT_FOLDERS) {
    if (folders.some((f) => f.wellKnownName === d.wellKnownName)) continue;
    folders.push({
      id: stableGraphId('AAMkAGI2fold', seed.address.toLowerCase(), d.wellKnownName),
      displayName: d.displayName,
      wellKnownName: d.wellKnownName,
      parentFolderId: rootFolderId,
      messages: [],
    });
  }
  seed.folders.forEach((f, i) => {
    const folder = folders[i] as StoredFolder;
    folder.messages = (f.messages ?? []).map((m) => messageFromSeed(seed, folder.id, m, now));
  });
  return {
    address: seed.address,
    displayName: seed.displayName,
    kind: seed.kind,
    timeZone: seed.timeZone ?? 'GMT Standard Time',
    rootFolderId,
    folders,
    masterCategories: (seed.masterCategories ?? []).map((c) => ({ id: randomUUID(), ...c })),
    delegates: (seed.delegates ?? []).map((d) => ({ ...d })),
  };
}

/** A new change key, as Exchange gives every change of an item. */
export function newChangeKey(): string {
  return randomUUID().replace(/-/g, '').slice(0, 24);
}

/** An immutable id for an item of a mailbox (Graph's start with AAkALgAA); random unless given parts. */
export function newImmutableId(address: string, ...parts: string[]): string {
  return stableGraphId(
    'AAkALgAA',
    address.toLowerCase(),
    ...(parts.length ? parts : [randomUUID()]),
  );
}

/** A new message id in a mailbox. */
export function newMessageId(mb: StoredMailbox): string {
  return stableGraphId('AAMkAGI2', mb.address.toLowerCase(), randomUUID());
}

/** The mailbox as a recipient (its display name and address). */
export function mailboxRecipient(mb: StoredMailbox) {
  return { emailAddress: { name: mb.displayName, address: mb.address } };
}

/**
 * A new draft in one of the mailbox's folders: the properties Exchange sets on a draft, then the
 * caller's (subject, recipients, conversation...). Not stored: the caller files it.
 */
export function newDraft(
  mb: StoredMailbox,
  folderId: string,
  now: Date,
  parts: Partial<Message> & { body: unknown },
): Message {
  const id = newMessageId(mb);
  const changeKey = newChangeKey();
  const at = toGraphInstant(now);
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id,
    createdDateTime: at,
    lastModifiedDateTime: at,
    changeKey,
    categories: [],
    receivedDateTime: at,
    sentDateTime: at,
    hasAttachments: false,
    internetMessageId: `<${randomUUID()}@${mb.address.split('@')[1] ?? 'local'}>`,
    subject: '',
    bodyPreview: textPreview(parts.body),
    importance: 'normal',
    parentFolderId: folderId,
    conversationId: stableGraphId('AAQkAGI2', mb.address.toLowerCase(), id),
    isRead: true,
    isDraft: true,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    sender: mailboxRecipient(mb),
    from: mailboxRecipient(mb),
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
    ...parts,
    immutableId: newImmutableId(mb.address),
  };
}

/** A folder as Graph returns it (mailFolder), with its counts. */
export function folderResource(mb: StoredMailbox, f: StoredFolder): Record<string, unknown> {
  return {
    id: f.id,
    displayName: f.displayName,
    parentFolderId: f.parentFolderId,
    childFolderCount: mb.folders.filter((c) => c.parentFolderId === f.id).length,
    unreadItemCount: f.messages.filter((m) => !m.isRead).length,
    totalItemCount: f.messages.length,
    isHidden: false,
  };
}
