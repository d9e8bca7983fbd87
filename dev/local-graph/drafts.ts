// Creating a message as Exchange Online does through Graph v1.0: `POST /me/messages` (or
// `/users/{id}/messages`) saves a new draft in Drafts, `POST .../mailFolders/{id}/messages` in that
// folder; 201 with the message (isDraft true, from = the mailbox, webLink). Nothing is sent.
// https://learn.microsoft.com/graph/api/user-post-messages
import { randomUUID } from 'node:crypto';
import { GraphError, invalidRequest } from './graphErrors';
import type { GraphRequest, GraphResponse } from './graphRequest';
import { type Message, type StoredFolder, type StoredMailbox, stableGraphId } from './mailStore';

const READ_ONLY = new Set([
  'id',
  'createddatetime',
  'lastmodifieddatetime',
  'changekey',
  'parentfolderid',
  'conversationid',
  'webLink'.toLowerCase(),
  'isdraft',
  'hasattachments',
]);

function instant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function preview(body: unknown): string {
  return String((body as { content?: string } | undefined)?.content ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

/** `POST .../messages`: a new draft in `folder` (Drafts unless the request named a folder). */
export function createDraftMessage(
  req: GraphRequest,
  mb: StoredMailbox,
  folder: StoredFolder | undefined,
  now: Date,
): GraphResponse {
  const target = folder ?? mb.folders.find((f) => f.wellKnownName === 'drafts');
  if (!target)
    throw new GraphError(404, 'ErrorItemNotFound', 'The specified folder was not found.');
  const body = (req.body ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (READ_ONLY.has(key.toLowerCase()))
      throw invalidRequest(`The property '${key}' is read-only and cannot be set.`);
  }
  const id = stableGraphId('AAMkAGI2', mb.address.toLowerCase(), randomUUID());
  const changeKey = randomUUID().replace(/-/g, '').slice(0, 24);
  const self = { emailAddress: { name: mb.displayName, address: mb.address } };
  const messageBody = (body.body as Message['body'] | undefined) ?? {
    contentType: 'text',
    content: '',
  };
  const draft: Message = {
    '@odata.etag': `W/"${changeKey}"`,
    id,
    createdDateTime: instant(now),
    lastModifiedDateTime: instant(now),
    changeKey,
    categories: [],
    receivedDateTime: instant(now),
    sentDateTime: instant(now),
    hasAttachments: false,
    internetMessageId: `<${randomUUID()}@${mb.address.split('@')[1] ?? 'local'}>`,
    subject: '',
    importance: 'normal',
    parentFolderId: target.id,
    conversationId: stableGraphId('AAQkAGI2', mb.address.toLowerCase(), id),
    isRead: true,
    isDraft: true,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    sender: self,
    from: self,
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
    ...body,
    body: messageBody,
  };
  draft.bodyPreview = preview(messageBody);
  target.messages.push(draft);
  return { status: 201, body: draft };
}
