// Mail actions of the local Graph service, as Exchange Online does them through Graph v1.0:
// createForward (a draft in Drafts; custom headers of its `message` dropped unless the behaviour
// says keep), forward and send (202: the message waits in the Outbox, and after
// `Behaviours.sendDelayMs` its Sent Items copy appears, without custom internet message headers,
// and it is delivered: outbox.ts), move and copy (201 with the message; a moved message has a new
// regular id and keeps its immutable id: messageIds.ts), translateExchangeIds, creating mail folders and child folders (409
// ErrorFolderExists for a name already used under the same parent), `$filter` on
// `singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...')`, `$filter` on a
// child folder's displayName, and `If-Match` on a message PATCH (412 ErrorIrresolvableConflict when
// the change key moved on; every change gives the message a new change key and ETag).
//
// Dispatched from userRoutes.ts: `mailActionRoutes` answers what it owns and calls `next()` for
// everything else (the read side lives in userRoutes.ts).
import { randomUUID } from 'node:crypto';
import { deliver, type IncomingMessage, type Recipient } from './delivery';
import { createDraftMessage } from './drafts';
import { namesMessage, outwardMessage } from './messageIds';
import { scheduleSend } from './outbox';
import { GraphError, invalidRequest } from './graphErrors';
import { authoriseSend } from './mailboxAccess';
import { type GraphRequest, type GraphResponse, ok, pageSize } from './graphRequest';
import { toGraphInstant } from './londonDates';
import {
  type Message,
  type StoredFolder,
  type StoredMailbox,
  folderResource,
  mailboxRecipient,
  newChangeKey,
  newDraft,
  newImmutableId,
  newMessageId,
  stableGraphId,
} from './mailStore';
import { formatWeekdayDateTime } from '../../src/policy/dates/format';

/** What the routes need from the tenant: every mailbox (delivery crosses mailboxes). */
export interface MailActionData {
  mailboxes: StoredMailbox[];
}

const ACTIONS = new Set(['createforward', 'forward', 'send', 'move', 'copy']);
const EXTENDED_ANY =
  /^\s*singleValueExtendedProperties\/Any\(\s*(\w+)\s*:\s*\1\/id\s+eq\s+'((?:[^']|'')*)'\s+and\s+\1\/value\s+eq\s+'((?:[^']|'')*)'\s*\)\s*$/i;
const DISPLAY_NAME_EQ = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/i;

const notFound = () =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

const instant = (d = new Date()): string => toGraphInstant(d);

/** Gives a message a new change key and ETag, as every change in Exchange does. */
export function touch(message: Message, now = new Date()): void {
  const changeKey = newChangeKey();
  message.changeKey = changeKey;
  message['@odata.etag'] = `W/"${changeKey}"`;
  message.lastModifiedDateTime = instant(now);
}

function param(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (body as Record<string, unknown>)[key];
}

function findFolder(mb: StoredMailbox, key: string): StoredFolder | undefined {
  const lower = key.toLowerCase();
  if (lower === 'msgfolderroot' || key === mb.rootFolderId) return undefined;
  return mb.folders.find((f) => f.id === key) ?? mb.folders.find((f) => f.wellKnownName === lower);
}

function requireFolder(mb: StoredMailbox, key: string): StoredFolder {
  const folder = findFolder(mb, key);
  if (!folder) throw notFound();
  return folder;
}

/** The folder id for a parent key that may be the root (`msgfolderroot`). */
function parentId(mb: StoredMailbox, key: string): string {
  if (key.toLowerCase() === 'msgfolderroot' || key === mb.rootFolderId) return mb.rootFolderId;
  return requireFolder(mb, key).id;
}

function locate(mb: StoredMailbox, id: string): { folder: StoredFolder; message: Message } {
  for (const folder of mb.folders) {
    const message = folder.messages.find((m) => namesMessage(m, id));
    if (message) return { folder, message };
  }
  throw notFound();
}

function selectProps(
  req: GraphRequest,
  resource: Record<string, unknown>,
): Record<string, unknown> {
  const select = req.query.get('$select');
  if (!select) return resource;
  const wanted = select.split(',').map((s) => s.trim().toLowerCase());
  return Object.fromEntries(
    Object.entries(resource).filter(
      ([k]) => k.startsWith('@') || k === 'id' || wanted.includes(k.toLowerCase()),
    ),
  );
}

function visibleMessage(req: GraphRequest, m: Message): Record<string, unknown> {
  const {
    singleValueExtendedProperties: _svep,
    multiValueExtendedProperties: _mvep,
    internetMessageHeaders: headers,
    ...rest
  } = outwardMessage(req, m);
  const out = selectProps(req, rest);
  const select = (req.query.get('$select') ?? '').toLowerCase();
  if (headers && select.split(',').some((s) => s.trim() === 'internetmessageheaders'))
    out.internetMessageHeaders = headers;
  return out;
}

function recipientsFrom(value: unknown): Recipient[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (r): r is Recipient =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as Recipient).emailAddress?.address === 'string',
  );
}

function recipientLine(list: unknown): string {
  return (recipientsFrom(list) ?? [])
    .map((r) =>
      r.emailAddress.name
        ? `${r.emailAddress.name} <${r.emailAddress.address}>`
        : r.emailAddress.address,
    )
    .join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/**
 * The original's time as Outlook writes it in a forward's header block, in words on the school's
 * clock ("Tuesday 1 December 2026 at 21:19"), never Graph's ISO instant (issue 13: the forward
 * showed `2026-12-01T21:19:33Z`). What cannot be read as an instant is kept as it is.
 */
function sentLine(value: unknown): string {
  const at = new Date(String(value));
  return Number.isNaN(at.getTime()) ? String(value ?? '') : formatWeekdayDateTime(at);
}

/** The forward's body as Outlook writes it: the comment, then the original's header block and body. */
function forwardBody(original: Message, comment: string): Message['body'] {
  const body = (original.body ?? { contentType: 'text', content: '' }) as {
    contentType?: string;
    content?: string;
  };
  const from = (original.from as Recipient | null)?.emailAddress;
  const header = [
    `From: ${from ? (from.name ? `${from.name} <${from.address}>` : from.address) : ''}`,
    `Sent: ${sentLine(original.sentDateTime ?? original.receivedDateTime)}`,
    `To: ${recipientLine(original.toRecipients)}`,
    `Subject: ${String(original.subject ?? '')}`,
  ];
  if ((body.contentType ?? 'text').toLowerCase() === 'html') {
    return {
      contentType: 'html',
      content:
        `<html><body><div>${escapeHtml(comment).replace(/\n/g, '<br>')}</div><hr>` +
        `<div>${header.map(escapeHtml).join('<br>')}</div><br>${body.content ?? ''}</body></html>`,
    };
  }
  return {
    contentType: 'text',
    content: `${comment}\n\n________________________________\n${header.join('\n')}\n\n${body.content ?? ''}`,
  };
}

/**
 * Reads forward/createForward parameters as Graph does: `comment` or `message.body`, never both;
 * `toRecipients` or `message.toRecipients`, exactly one of them.
 */
function forwardParameters(body: unknown): {
  comment: string;
  toRecipients: Recipient[];
  message: Record<string, unknown>;
} {
  const comment = param(body, 'comment');
  const message = (param(body, 'message') ?? {}) as Record<string, unknown>;
  const messageBody = param(message, 'body');
  if (typeof comment === 'string' && messageBody !== undefined)
    throw invalidRequest(
      'Specify either a comment or the body property of the message parameter, not both.',
    );
  const direct = recipientsFrom(param(body, 'toRecipients'));
  const inMessage = recipientsFrom(param(message, 'toRecipients'));
  if ((direct && inMessage) || (!direct && !inMessage))
    throw invalidRequest(
      'Specify either the toRecipients parameter or the toRecipients property of the message parameter.',
    );
  const toRecipients = (direct ?? inMessage) as Recipient[];
  if (toRecipients.length === 0) throw invalidRequest('At least one recipient is required.');
  return { comment: typeof comment === 'string' ? comment : '', toRecipients, message };
}

function makeForwardDraft(
  req: GraphRequest,
  mb: StoredMailbox,
  original: Message,
  now: Date,
): Message {
  const body = req.body;
  const { comment, toRecipients, message } = forwardParameters(body);
  const drafts = requireFolder(mb, 'drafts');
  const draftBody =
    (param(message, 'body') as Message['body'] | undefined) ?? forwardBody(original, comment);
  const draft = newDraft(mb, drafts.id, now, {
    body: draftBody,
    hasAttachments: Boolean(original.hasAttachments),
    subject: `FW: ${String(original.subject ?? '')}`,
    conversationId: original.conversationId,
    toRecipients,
    ...(original.attachments ? { attachments: original.attachments } : {}),
  });
  // Any other writable property of the message parameter (importance, extended properties,
  // x- internet message headers, a new subject...).
  for (const [k, v] of Object.entries(message)) {
    if (k.startsWith('@') || k.toLowerCase() === 'torecipients' || k.toLowerCase() === 'body')
      continue;
    if (k === 'internetMessageHeaders') {
      const headers = Array.isArray(v) ? (v as { name?: unknown }[]) : [];
      if (headers.some((h) => typeof h.name !== 'string' || !/^x-/i.test(h.name)))
        throw invalidRequest('Only custom internet message headers (x-...) can be set.');
      // Graph documents custom headers "only when creating a message"; whether createForward keeps
      // them is not documented: by default they are dropped (Behaviours.forwardHeaders).
      if (req.behaviours.forwardHeaders === 'drop') continue;
    }
    draft[k] = v;
  }
  drafts.messages.push(draft);
  return draft;
}

/**
 * Sends a draft, as Exchange does: at once it leaves its folder for the Outbox (a new regular id,
 * the same immutable id); after `sendDelayMs` the Outbox item becomes the Sent Items copy (again a
 * new regular id, the same immutable id: https://learn.microsoft.com/graph/outlook-immutable-id,
 * "Immutable ID with sending mail") and is delivered. The Sent Items copy has no internet message
 * headers: "internet headers just do not exist on the copy in Sent Items"
 * (https://github.com/microsoftgraph/microsoft-graph-docs/issues/2716); recipients get the x- ones.
 */
function sendDraft(
  req: GraphRequest,
  data: MailActionData,
  mb: StoredMailbox,
  folder: StoredFolder,
  draft: Message,
  now: Date,
): void {
  if (draft.isDraft !== true)
    throw new GraphError(400, 'ErrorInvalidOperation', 'Only a draft can be sent.');
  const outbox = requireFolder(mb, 'outbox');
  if (folder === outbox)
    throw new GraphError(
      400,
      'ErrorInvalidOperation',
      'The item has already been submitted for sending.',
    );
  const toRecipients = recipientsFrom(draft.toRecipients) ?? [];
  if (toRecipients.length === 0)
    throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
  folder.messages.splice(folder.messages.indexOf(draft), 1);
  draft.id = newMessageId(mb);
  draft.parentFolderId = outbox.id;
  touch(draft, now);
  outbox.messages.push(draft);
  scheduleSend(req.behaviours.sendDelayMs, () => completeSend(data, mb, draft));
}

/** The Outbox item is sent: its Sent Items copy, then delivery. Gone from the Outbox = not sent. */
function completeSend(data: MailActionData, mb: StoredMailbox, queued: Message): void {
  const outbox = requireFolder(mb, 'outbox');
  const at = outbox.messages.indexOf(queued);
  if (at < 0) return;
  outbox.messages.splice(at, 1);
  const now = new Date();
  const sentItems = requireFolder(mb, 'sentitems');
  const { internetMessageHeaders: headers, ...kept } = queued;
  const sent: Message = {
    ...kept,
    id: newMessageId(mb),
    isDraft: false,
    parentFolderId: sentItems.id,
    sentDateTime: instant(now),
    receivedDateTime: instant(now),
  };
  touch(sent, now);
  sentItems.messages.push(sent);
  const incoming: IncomingMessage = {
    subject: String(sent.subject ?? ''),
    body: sent.body as IncomingMessage['body'],
    from: (sent.from as Recipient) ?? mailboxRecipient(mb),
    sender: (sent.sender as Recipient) ?? undefined,
    toRecipients: recipientsFrom(sent.toRecipients) ?? [],
    ccRecipients: recipientsFrom(sent.ccRecipients),
    internetMessageId: String(sent.internetMessageId),
    ...(Array.isArray(headers)
      ? { internetMessageHeaders: headers as IncomingMessage['internetMessageHeaders'] }
      : {}),
    ...(Array.isArray(sent.attachments) ? { attachments: sent.attachments as unknown[] } : {}),
    hasAttachments: Boolean(sent.hasAttachments),
  };
  deliver(data.mailboxes, incoming, now);
}

function moveOrCopy(
  req: GraphRequest,
  mb: StoredMailbox,
  from: StoredFolder,
  message: Message,
  copy: boolean,
  now: Date,
): GraphResponse {
  const destinationKey = param(req.body, 'destinationId');
  if (typeof destinationKey !== 'string' || destinationKey === '')
    throw invalidRequest('destinationId is required.');
  const destination = findFolder(mb, destinationKey);
  if (!destination)
    throw new GraphError(404, 'ErrorItemNotFound', 'The destination folder was not found.');
  if (copy) {
    const duplicate: Message = {
      ...structuredClone(message),
      id: newMessageId(mb),
      immutableId: newImmutableId(mb.address),
      parentFolderId: destination.id,
    };
    touch(duplicate, now);
    destination.messages.push(duplicate);
    return { status: 201, body: visibleMessage(req, duplicate) };
  }
  if (destination !== from) {
    from.messages.splice(from.messages.indexOf(message), 1);
    destination.messages.push(message);
    message.parentFolderId = destination.id;
    // A move gives the item a new regular id; its immutable id stays (messageIds.ts).
    message.id = newMessageId(mb);
    touch(message, now);
  }
  return { status: 201, body: visibleMessage(req, message) };
}

function createFolder(req: GraphRequest, mb: StoredMailbox, parent: string): GraphResponse {
  const name = param(req.body, 'displayName');
  if (typeof name !== 'string' || name.trim() === '')
    throw invalidRequest('The folder needs a displayName.');
  const siblings = mb.folders.filter((f) => f.parentFolderId === parent);
  if (siblings.some((f) => f.displayName.toLowerCase() === name.trim().toLowerCase()))
    throw new GraphError(
      409,
      'ErrorFolderExists',
      'A folder with the specified name already exists.',
    );
  const folder: StoredFolder = {
    id: stableGraphId('AAMkAGI2fold', mb.address.toLowerCase(), randomUUID()),
    displayName: name.trim(),
    parentFolderId: parent,
    messages: [],
  };
  mb.folders.push(folder);
  return { status: 201, body: folderResource(mb, folder) };
}

function childFolderList(req: GraphRequest, mb: StoredMailbox, parent: string): GraphResponse {
  const filter = req.query.get('$filter');
  let folders = mb.folders.filter((f) => f.parentFolderId === parent);
  if (filter) {
    const m = DISPLAY_NAME_EQ.exec(filter);
    if (!m) throw invalidRequest('The local service filters child folders on displayName eq only.');
    const wanted = (m[1] ?? '').replace(/''/g, "'").toLowerCase();
    folders = folders.filter((f) => f.displayName.toLowerCase() === wanted);
  }
  return ok({ value: folders.map((f) => selectProps(req, folderResource(mb, f))) });
}

function extendedPropertyList(
  req: GraphRequest,
  source: Message[],
  match: RegExpExecArray,
): GraphResponse {
  const id = (match[2] ?? '').replace(/''/g, "'").toLowerCase();
  const value = (match[3] ?? '').replace(/''/g, "'");
  const top = pageSize(req, 10, 1000);
  const found = source.filter((m) =>
    (
      (Array.isArray(m.singleValueExtendedProperties) ? m.singleValueExtendedProperties : []) as {
        id: string;
        value: string;
      }[]
    ).some((p) => p.id.toLowerCase() === id && p.value === value),
  );
  return ok({ value: found.slice(0, top).map((m) => visibleMessage(req, m)) });
}

function ifMatchFails(req: GraphRequest, message: Message): boolean {
  const raw = req.headers['if-match'];
  const wanted = Array.isArray(raw) ? raw.join(',') : raw;
  if (!wanted || wanted.trim() === '*') return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  const current = strip(String(message['@odata.etag'] ?? ''));
  return !wanted.split(',').some((tag) => strip(tag) === current);
}

/**
 * Mail actions for one mailbox. `rest` is the path after `/me` or `/users/{id}`, starting with
 * `mailFolders` or `messages`; `next()` serves the request the read-side way.
 */
export function mailActionRoutes(
  req: GraphRequest,
  data: MailActionData,
  mb: StoredMailbox,
  rest: string[],
  next: () => GraphResponse,
): GraphResponse {
  const segs = rest.map((s) => s.replace(/^microsoft\.graph\./i, ''));
  const lower = segs.map((s) => s.toLowerCase());
  const now = new Date();
  let folderKey: string | undefined;
  let messageSegs: string[];
  if (lower[0] === 'mailfolders') {
    folderKey = segs[1];
    if (folderKey === undefined) {
      if (req.method === 'POST') return createFolder(req, mb, mb.rootFolderId);
      return next();
    }
    if (lower[2] === 'childfolders' && segs.length === 3) {
      const parent = parentId(mb, folderKey);
      if (req.method === 'POST') return createFolder(req, mb, parent);
      if (req.method === 'GET') return childFolderList(req, mb, parent);
      return next();
    }
    if (lower[2] !== 'messages') return next();
    messageSegs = segs.slice(3);
  } else if (lower[0] === 'messages') {
    messageSegs = segs.slice(1);
  } else return next();

  const [messageId, action, ...more] = messageSegs;
  if (messageId === undefined && req.method === 'POST')
    return createDraftMessage(req, mb, folderKey ? requireFolder(mb, folderKey) : undefined, now);
  if (messageId === undefined) {
    const filter = req.query.get('$filter');
    const match = filter ? EXTENDED_ANY.exec(filter) : null;
    if (req.method === 'GET' && match) {
      const source =
        folderKey === undefined
          ? mb.folders.flatMap((f) => f.messages)
          : requireFolder(mb, folderKey).messages;
      return extendedPropertyList(req, source, match);
    }
    return next();
  }
  if (action === undefined) {
    if (req.method === 'DELETE') {
      // DELETE /messages/{id}: 204 No Content, and the message is gone from the folders the
      // service lists (https://learn.microsoft.com/graph/api/message-delete).
      const { folder, message } = locate(mb, messageId);
      if (folderKey !== undefined && folder !== requireFolder(mb, folderKey)) throw notFound();
      folder.messages.splice(folder.messages.indexOf(message), 1);
      return { status: 204 };
    }
    if (req.method !== 'PATCH') return next();
    const { message } = locate(mb, messageId);
    if (folderKey !== undefined && message.parentFolderId !== requireFolder(mb, folderKey).id)
      throw notFound();
    if (ifMatchFails(req, message))
      throw new GraphError(
        412,
        'ErrorIrresolvableConflict',
        'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
      );
    const result = next();
    if (result.status < 300) {
      touch(message, now);
      if (result.body && typeof result.body === 'object') {
        const body = result.body as Record<string, unknown>;
        body['@odata.etag'] = message['@odata.etag'];
        body.changeKey = message.changeKey;
        body.lastModifiedDateTime = message.lastModifiedDateTime;
      }
    }
    return result;
  }
  const name = action.toLowerCase();
  if (!ACTIONS.has(name) || more.length) return next();
  if (req.method !== 'POST')
    throw new GraphError(
      405,
      'Request_BadRequest',
      'The HTTP method is not supported for this resource.',
    );
  const { folder, message } = locate(mb, messageId);
  if (folderKey !== undefined && folder !== requireFolder(mb, folderKey)) throw notFound();
  switch (name) {
    case 'createforward': {
      const draft = makeForwardDraft(req, mb, message, now);
      return { status: 201, body: visibleMessage(req, draft) };
    }
    case 'forward': {
      const draft = makeForwardDraft(req, mb, message, now);
      // Refused without Send As / Send on Behalf: the draft stays in Drafts, as Exchange leaves it.
      authoriseSend(req, data.mailboxes, mb, draft);
      sendDraft(req, data, mb, requireFolder(mb, 'drafts'), draft, now);
      return { status: 202 };
    }
    case 'send':
      authoriseSend(req, data.mailboxes, mb, message);
      sendDraft(req, data, mb, folder, message, now);
      return { status: 202 };
    case 'move':
      return moveOrCopy(req, mb, folder, message, false, now);
    default:
      return moveOrCopy(req, mb, folder, message, true, now);
  }
}
