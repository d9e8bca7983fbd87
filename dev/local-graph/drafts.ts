// Creating a message as Exchange Online does through Graph v1.0: `POST /me/messages` (or
// `/users/{id}/messages`) saves a new draft in Drafts, `POST .../mailFolders/{id}/messages` in that
// folder; 201 with the message (isDraft true, from = the mailbox, webLink). Nothing is sent.
// https://learn.microsoft.com/graph/api/user-post-messages
import { GraphError, invalidRequest } from './graphErrors';
import type { GraphRequest, GraphResponse } from './graphRequest';
import { type Message, type StoredFolder, type StoredMailbox, newDraft } from './mailStore';
import { outwardMessage } from './messageIds';

const READ_ONLY = new Set([
  'id',
  'immutableid',
  'createddatetime',
  'lastmodifieddatetime',
  'changekey',
  'parentfolderid',
  'conversationid',
  'webLink'.toLowerCase(),
  'isdraft',
  'hasattachments',
]);

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
  const messageBody = (body.body as Message['body'] | undefined) ?? {
    contentType: 'text',
    content: '',
  };
  const draft = newDraft(mb, target.id, now, { ...body, body: messageBody });
  target.messages.push(draft);
  return { status: 201, body: outwardMessage(req, draft) };
}
