// /me and /users/{id-or-address} routes: the user, groups, mailbox settings, folders and messages.
import type { Directory, DirectoryUser } from './directory';
import { userResource } from './directory';
import { GraphError, invalidRequest, resourceNotFound } from './graphErrors';
import {
  type GraphRequest,
  type GraphResponse,
  linkTo,
  ok,
  pageSize,
  queryWithout,
} from './graphRequest';
import { type Message, type StoredFolder, type StoredMailbox, folderResource } from './mailStore';
import { handleMasterCategories } from './categoryRoutes';
import { assertMailboxAccess, type MailboxUse } from './mailboxAccess';
import { mailActionRoutes } from './mailActions';
import { namesMessage, outwardMessage, translateExchangeIds } from './messageIds';
import { searchUsers } from './userSearch';
import { messageMime } from './messageMime';
import {
  compareForOrder,
  evaluateFilter,
  FilterSyntaxError,
  type Literal,
  parseFilter,
  parseOrderBy,
  type ValueKind,
} from './odataFilter';

const DEFAULT_MESSAGE_PAGE = 10;
/** Graph answers a message's $value (its MIME) as text/plain. */
const MIME_HEADERS = { 'Content-Type': 'text/plain' };
const MAX_MESSAGE_PAGE = 1000;
const DATE_PROPERTIES = new Set([
  'receiveddatetime',
  'sentdatetime',
  'createddatetime',
  'lastmodifieddatetime',
]);
/** Properties a PATCH may change on a received message. */
const PATCHABLE = [
  'categories',
  'isRead',
  'flag',
  'importance',
  'inferenceClassification',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
];

export interface MailData {
  directory: Directory;
  mailboxes: StoredMailbox[];
}

export function handleUsers(req: GraphRequest, data: MailData): GraphResponse {
  const [head, second] = req.segments;
  let target: DirectoryUser;
  let rest: string[];
  if ((head ?? '').toLowerCase() === 'me') {
    if (req.me.appOnly)
      throw new GraphError(
        400,
        'BadRequest',
        '/me request is only valid with delegated authentication flow.',
      );
    target = req.me;
    rest = req.segments.slice(1);
  } else {
    if (second === undefined) return searchUsers(req, data.directory);
    const found = data.directory.find(second);
    if (!found) {
      throw new GraphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${second}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    target = found;
    rest = req.segments.slice(2);
  }
  const [section, ...tail] = rest;
  if (section === undefined) return get(req, () => ok(selectProps(req, userResource(target))));
  const name = section.replace(/^microsoft\.graph\./i, '').toLowerCase();
  if (name === 'memberof' && !tail.length) {
    return get(req, () =>
      ok({
        value: data.directory.groupsOf(target).map((g) => ({
          '@odata.type': '#microsoft.graph.group',
          id: g.id,
          displayName: g.displayName,
          securityEnabled: true,
          mailEnabled: false,
        })),
      }),
    );
  }
  if (name === 'checkmembergroups' && !tail.length) {
    if (req.method !== 'POST') throw methodNotAllowed();
    const body = req.body as Record<string, unknown>;
    const key = Object.keys(body).find((k) => k.toLowerCase() === 'groupids');
    const ids = (key ? body[key] : []) as string[];
    if (ids.length > 20) throw invalidRequest('checkMemberGroups takes at most 20 group ids.');
    const mine = new Set(target.groupIds.map((g) => g.toLowerCase()));
    return ok({ value: ids.filter((id) => mine.has(id.toLowerCase())) });
  }
  const mailbox = data.mailboxes.find((m) => m.address.toLowerCase() === target.mail.toLowerCase());
  // The one place a /me or /users/{id} request resolves its mailbox: who may use it is checked here.
  const requireMailbox = (use: MailboxUse): StoredMailbox => {
    if (!mailbox)
      throw new GraphError(
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      );
    assertMailboxAccess(req, mailbox, use);
    return mailbox;
  };
  if (name === 'mailboxsettings' && !tail.length) {
    return get(req, () => ok(mailboxSettings(requireMailbox('settings'))));
  }
  if (name === 'mailfolders' || name === 'messages') {
    const mb = requireMailbox('items');
    return mailActionRoutes(req, data, mb, rest, () =>
      name === 'messages' ? messages(req, allMessages(mb), tail) : mailFolders(req, mb, tail),
    );
  }
  if (name === 'translateexchangeids' && !tail.length)
    return translateExchangeIds(req, requireMailbox('items'));
  if (name === 'outlook' && tail[0]?.toLowerCase() === 'mastercategories') {
    return handleMasterCategories(req, requireMailbox('masterCategories'), tail.slice(1));
  }
  throw resourceNotFound(section);
}

function get(req: GraphRequest, run: () => GraphResponse): GraphResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  return run();
}

function methodNotAllowed(): GraphError {
  return new GraphError(
    405,
    'Request_BadRequest',
    'The HTTP method is not supported for this resource.',
  );
}

function selectProps(
  req: GraphRequest,
  resource: Record<string, unknown>,
  always: string[] = ['id'],
): Record<string, unknown> {
  const select = req.query.get('$select');
  if (!select) return resource;
  const wanted = select.split(',').map((s) => s.trim().toLowerCase());
  return Object.fromEntries(
    Object.entries(resource).filter(
      ([k]) => k.startsWith('@') || always.includes(k) || wanted.includes(k.toLowerCase()),
    ),
  );
}

function mailboxSettings(mb: StoredMailbox): Record<string, unknown> {
  return {
    archiveFolder: mb.folders.find((f) => f.wellKnownName === 'archive')?.id ?? null,
    timeZone: mb.timeZone,
    dateFormat: 'dd/MM/yyyy',
    timeFormat: 'HH:mm',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    userPurpose: mb.kind === 'shared' ? 'shared' : 'user',
    language: { locale: 'en-GB', displayName: 'English (United Kingdom)' },
  };
}

// ---------- folders ----------

function findFolder(mb: StoredMailbox, key: string): StoredFolder {
  const lower = key.toLowerCase();
  const folder =
    mb.folders.find((f) => f.id === key) ?? mb.folders.find((f) => f.wellKnownName === lower);
  if (!folder)
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  return folder;
}

function mailFolders(req: GraphRequest, mb: StoredMailbox, tail: string[]): GraphResponse {
  const [folderKey, section, ...more] = tail;
  if (folderKey === undefined) {
    return get(req, () =>
      ok({
        value: mb.folders
          .filter((f) => f.parentFolderId === mb.rootFolderId)
          .map((f) => selectProps(req, folderResource(mb, f))),
      }),
    );
  }
  const folder = findFolder(mb, folderKey);
  if (section === undefined)
    return get(req, () => ok(selectProps(req, folderResource(mb, folder))));
  const name = section.toLowerCase();
  if (name === 'childfolders' && !more.length) {
    return get(req, () =>
      ok({
        value: mb.folders
          .filter((f) => f.parentFolderId === folder.id)
          .map((f) => selectProps(req, folderResource(mb, f))),
      }),
    );
  }
  if (name === 'messages') return messages(req, folder.messages, more);
  throw resourceNotFound(section);
}

// ---------- messages ----------

function allMessages(mb: StoredMailbox): Message[] {
  return mb.folders.flatMap((f) => f.messages);
}

function pathValue(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const rec = cur as Record<string, unknown>;
    const key = Object.keys(rec).find((k) => k.toLowerCase() === part.toLowerCase());
    cur = key === undefined ? undefined : rec[key];
  }
  return cur;
}

function kindOfMessagePath(path: string): ValueKind {
  const p = path.toLowerCase();
  if (DATE_PROPERTIES.has(p)) return 'dateTime';
  if (['isread', 'isdraft', 'hasattachments'].includes(p)) return 'boolean';
  return 'text';
}

function coerceMessageValue(kind: ValueKind, v: Literal): Literal {
  if (kind === 'dateTime' && typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? v : t;
  }
  return v;
}

function renderMessage(req: GraphRequest, m: Message): Record<string, unknown> {
  const {
    singleValueExtendedProperties: svep,
    multiValueExtendedProperties: _mvep,
    ...visible
  } = outwardMessage(req, m);
  const out = selectProps(req, visible);
  const expand = req.query.get('$expand') ?? '';
  const ext = /singleValueExtendedProperties(?:\(\s*\$filter\s*=\s*([^)]*)\))?/i.exec(expand);
  if (ext) {
    const all = (Array.isArray(svep) ? svep : []) as { id: string; value: string }[];
    // `id eq 'A'` or `id eq 'A' or id eq 'B' ...`
    const ids = [...(ext[1] ?? '').matchAll(/id\s+eq\s+'([^']*)'/gi)].map((m) =>
      m[1]!.toLowerCase(),
    );
    out.singleValueExtendedProperties = ext[1]
      ? all.filter((p) => ids.includes(p.id.toLowerCase()))
      : all;
  }
  return out;
}

function messages(req: GraphRequest, source: Message[], tail: string[]): GraphResponse {
  const [messageId, section] = tail;
  if (messageId === undefined) return get(req, () => messageList(req, source));
  const message = source.find((m) => namesMessage(m, messageId));
  if (!message)
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  // The MIME content (.eml), as text: messageMime.ts.
  if (section === '$value' && tail.length === 2)
    return get(req, () => ({ status: 200, body: messageMime(message), headers: MIME_HEADERS }));
  if (section !== undefined) throw resourceNotFound(section);
  if (req.method === 'GET') return ok(renderMessage(req, message));
  if (req.method !== 'PATCH') throw methodNotAllowed();
  const body = req.body as Record<string, unknown>;
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('@')) continue;
    if (!PATCHABLE.includes(k))
      throw invalidRequest(
        `The property '${k}' cannot be changed on a received message by the local service.`,
      );
    if (k === 'singleValueExtendedProperties' && Array.isArray(v)) {
      const current = (Array.isArray(message[k]) ? message[k] : []) as {
        id: string;
        value: string;
      }[];
      for (const p of v as { id: string; value: string }[]) {
        const i = current.findIndex((c) => c.id.toLowerCase() === p.id.toLowerCase());
        if (i >= 0) current[i] = p;
        else current.push(p);
      }
      message[k] = current;
    } else message[k] = v;
  }
  message.lastModifiedDateTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return ok(renderMessage(req, message));
}

function messageList(req: GraphRequest, source: Message[]): GraphResponse {
  const top = pageSize(req, DEFAULT_MESSAGE_PAGE, MAX_MESSAGE_PAGE);
  const skip = Number(req.query.get('$skip') ?? '0');
  if (!Number.isInteger(skip) || skip < 0) throw invalidRequest('Invalid value for $skip.');
  let list = [...source];
  try {
    const filterText = req.query.get('$filter');
    if (filterText) {
      const filter = parseFilter(filterText);
      list = list.filter((m) =>
        evaluateFilter(
          filter,
          { get: (p) => pathValue(m, p), kindOf: kindOfMessagePath },
          coerceMessageValue,
        ),
      );
    }
    const terms = parseOrderBy(req.query.get('$orderby') ?? 'receivedDateTime desc');
    list.sort((a, b) => {
      for (const t of terms) {
        const k = kindOfMessagePath(t.path);
        const c = compareForOrder(
          coerceMessageValue(k, (pathValue(a, t.path) ?? null) as Literal),
          coerceMessageValue(k, (pathValue(b, t.path) ?? null) as Literal),
        );
        if (c) return t.descending ? -c : c;
      }
      return 0;
    });
  } catch (e) {
    if (e instanceof FilterSyntaxError)
      throw invalidRequest(`Invalid filter clause: ${e.message}.`);
    throw e;
  }
  const page = list.slice(skip, skip + top);
  const body: Record<string, unknown> = { value: page.map((m) => renderMessage(req, m)) };
  if (skip + top < list.length) {
    body['@odata.nextLink'] = linkTo(req, req.rawPath, {
      ...queryWithout(req, '$skip'),
      $skip: String(skip + top),
    });
  }
  return ok(body);
}
