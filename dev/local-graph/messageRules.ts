// Inbox rules (messageRules) of the local tenant's mailboxes, and the rule engine that applies them
// when mail is delivered, so that mail routing can be seen working end to end.
//
// Graph: GET/POST /users/{id}/mailFolders/inbox/messageRules, GET/PATCH/DELETE .../messageRules/{id}
// (also at /me). Rules have Graph's shape (displayName, sequence, isEnabled, hasError, isReadOnly,
// conditions, actions, exceptions). `sequence` behaves like Exchange's rule priority: a rule created
// or moved to position n goes there and the others shift, so the numbers stay 1..N.
//
// Limits, as Exchange Online has them: all enabled rules of a mailbox share one quota (256 KB by
// default; set per mailbox with POST /_dev/messageRules/quota). A write that would exceed it is
// refused with 400 `ErrorRulesOverQuota` (the Exchange response code for it; Graph's documentation
// does not show the exact response, so this is a documented stand-in). Read-only rules (made in
// Outlook with conditions Graph cannot describe) are added with POST /_dev/messageRules/readOnly
// and refuse PATCH and DELETE with 403 `ErrorAccessDenied`.
//
// The engine (a delivery hook): the enabled rules in sequence order; a rule matches when every
// condition it has holds: the message's From address is in `fromAddresses`; `subjectContains`,
// `bodyContains`, `bodyOrSubjectContains`: any string as a case-insensitive substring of the subject
// or of the body's text (an HTML body's text: tags removed, entities decoded). A rule with any
// other condition is stored but never matches. Actions `markImportance`, `assignCategories`
// (stamped on this mailbox's copy), `redirectTo`, `forwardTo`, `forwardAsAttachmentTo`,
// `moveToFolder`, `stopProcessingRules`. A message is redirected or forwarded by inbox rules only
// once: the copy carries `X-MS-Exchange-Inbox-Rules-Loop`, and rules do not send it on again.
import { randomUUID } from 'node:crypto';
import type { Directory } from './directory';
import {
  addDeliveryHook,
  deliver,
  findMailbox,
  type DeliveryResult,
  type IncomingMessage,
  type Recipient,
} from './delivery';
import { GraphError, invalidRequest } from './graphErrors';
import { type GraphRequest, type GraphResponse, ok } from './graphRequest';
import { assertMailboxAccess } from './mailboxAccess';
import type { Message, StoredMailbox } from './mailStore';

export const DEFAULT_RULE_QUOTA_BYTES = 256 * 1024;
const LOOP_HEADER = 'X-MS-Exchange-Inbox-Rules-Loop';

interface StoredRule {
  id: string;
  displayName: string;
  sequence: number;
  isEnabled: boolean;
  hasError: boolean;
  isReadOnly: boolean;
  conditions: Record<string, unknown>;
  actions: Record<string, unknown>;
  exceptions?: Record<string, unknown>;
}

interface RuleState {
  rules: StoredRule[];
  quotaBytes: number;
}

/** Deliveries made by rules during a /_dev/deliver call, so it can report where mail went. */
let collected: DeliveryResult[] | null = null;

// Keyed by the mailbox object: a reset() builds new mailboxes, so their rules go with them.
const states = new WeakMap<StoredMailbox, RuleState>();

function stateOf(mb: StoredMailbox): RuleState {
  let s = states.get(mb);
  if (!s) {
    s = { rules: [], quotaBytes: DEFAULT_RULE_QUOTA_BYTES };
    states.set(mb, s);
  }
  return s;
}

export interface RulesData {
  directory: Directory;
  mailboxes: StoredMailbox[];
}

/** `/me|users/{id}/mailFolders/inbox/messageRules[/{id}]` (the inbox by well-known name or id). */
export function isMessageRulesPath(segments: string[]): boolean {
  const head = (segments[0] ?? '').toLowerCase();
  const offset = head === 'me' ? 1 : head === 'users' ? 2 : -1;
  if (offset < 0) return false;
  return (
    (segments[offset] ?? '').toLowerCase() === 'mailfolders' &&
    (segments[offset + 2] ?? '').toLowerCase() === 'messagerules' &&
    segments.length <= offset + 4
  );
}

function targetMailbox(req: GraphRequest, data: RulesData): StoredMailbox {
  const head = (req.segments[0] ?? '').toLowerCase();
  const user = head === 'me' ? req.me : data.directory.find(req.segments[1] ?? '');
  if (!user) {
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${req.segments[1] ?? ''}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const mb = data.mailboxes.find((m) => m.address.toLowerCase() === user.mail.toLowerCase());
  if (!mb) {
    throw new GraphError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    );
  }
  assertMailboxAccess(req, mb, 'rules');
  return mb;
}

const RECIPIENT_LISTS = [
  'fromAddresses',
  'sentToAddresses',
  'redirectTo',
  'forwardTo',
  'forwardAsAttachmentTo',
];

/**
 * A predicate or action set as Exchange reads it back: every recipient resolved against the
 * directory, by primary or alias address, to the primary SMTP address and the display name; a
 * recipient outside the directory keeps its address and gets it as its name.
 */
function resolvedPart(
  part: Record<string, unknown>,
  directory: Directory,
): Record<string, unknown> {
  const out = structuredClone(part);
  for (const key of RECIPIENT_LISTS) {
    const list = out[key];
    if (!Array.isArray(list)) continue;
    out[key] = list.map((r: unknown) => {
      const address = (r as Recipient | undefined)?.emailAddress?.address;
      if (typeof address !== 'string') return r;
      const user = directory.findByAddress(address);
      return user
        ? { emailAddress: { name: user.displayName, address: user.mail } }
        : { emailAddress: { name: (r as Recipient).emailAddress.name ?? address, address } };
    });
  }
  return out;
}

function hasFolder(mb: StoredMailbox, id: string): boolean {
  return mb.folders.some((f) => f.id === id || f.wellKnownName === id.toLowerCase());
}

/**
 * Exchange marks a rule in error when what it acts on is gone (its move/copy folder deleted for
 * good): the rule stays, reads back `hasError: true`, and no longer runs until it is rewritten.
 */
function inError(mb: StoredMailbox, r: StoredRule): boolean {
  if (r.hasError) return true;
  return ['moveToFolder', 'copyToFolder'].some((key) => {
    const id = r.actions[key];
    return typeof id === 'string' && !hasFolder(mb, id);
  });
}

function ruleResource(
  r: StoredRule,
  mb: StoredMailbox,
  directory: Directory,
): Record<string, unknown> {
  return {
    id: r.id,
    displayName: r.displayName,
    sequence: r.sequence,
    isEnabled: r.isEnabled,
    hasError: inError(mb, r),
    isReadOnly: r.isReadOnly,
    conditions: resolvedPart(r.conditions, directory),
    actions: resolvedPart(r.actions, directory),
    ...(r.exceptions ? { exceptions: resolvedPart(r.exceptions, directory) } : {}),
  };
}

/** Bytes a rule takes in the quota: its stored form, counted as UTF-16 as Exchange stores text. */
export function storedRuleBytes(
  r: Pick<StoredRule, 'displayName' | 'conditions' | 'actions' | 'exceptions'>,
): number {
  return (
    2 *
    Buffer.byteLength(
      JSON.stringify({ n: r.displayName, c: r.conditions, a: r.actions, e: r.exceptions ?? null }),
    )
  );
}

function usedBytes(rules: StoredRule[]): number {
  return rules.filter((r) => r.isEnabled).reduce((sum, r) => sum + storedRuleBytes(r), 0);
}

function overQuota(): GraphError {
  return new GraphError(
    400,
    'ErrorRulesOverQuota',
    "The rules for this mailbox exceed the mailbox's rule quota. Remove or shorten some rules and try again.",
  );
}

/** Puts the rule at position `sequence` (1-based, clamped) and renumbers every rule 1..N. */
function place(rules: StoredRule[], rule: StoredRule, sequence: number): void {
  const others = rules.filter((r) => r !== rule).sort((a, b) => a.sequence - b.sequence);
  const at = Math.min(Math.max(1, Math.floor(sequence)), others.length + 1) - 1;
  others.splice(at, 0, rule);
  rules.length = 0;
  others.forEach((r, i) => {
    r.sequence = i + 1;
    rules.push(r);
  });
}

function checkFolders(mb: StoredMailbox, actions: Record<string, unknown>): void {
  for (const key of ['moveToFolder', 'copyToFolder']) {
    const id = actions[key];
    if (id === undefined || id === null) continue;
    if (typeof id !== 'string' || !hasFolder(mb, id)) {
      throw new GraphError(
        404,
        'ErrorItemNotFound',
        'The specified folder was not found in the store.',
      );
    }
  }
}

function recipientsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .map((r) => (r as Recipient | undefined)?.emailAddress?.address)
        .filter((a): a is string => typeof a === 'string')
    : [];
}

function checkRecipients(actions: Record<string, unknown>): void {
  for (const key of ['redirectTo', 'forwardTo', 'forwardAsAttachmentTo']) {
    if (recipientsOf(actions[key]).length > 10) {
      throw new GraphError(
        400,
        'ErrorInvalidRuleParameter',
        'A rule can forward or redirect to at most 10 recipients.',
      );
    }
  }
}

export function handleMessageRules(req: GraphRequest, data: RulesData): GraphResponse {
  const mb = targetMailbox(req, data);
  const state = stateOf(mb);
  const head = (req.segments[0] ?? '').toLowerCase();
  const offset = head === 'me' ? 1 : 2;
  const folderKey = req.segments[offset + 1] ?? '';
  const inbox = mb.folders.find((f) => f.wellKnownName === 'inbox');
  if (!inbox || (folderKey.toLowerCase() !== 'inbox' && folderKey !== inbox.id)) {
    // Rules exist only on the inbox.
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  }
  const ruleId = req.segments[offset + 3];
  if (ruleId === undefined) {
    if (req.method === 'GET') {
      return ok({
        value: [...state.rules]
          .sort((a, b) => a.sequence - b.sequence)
          .map((r) => ruleResource(r, mb, data.directory)),
      });
    }
    if (req.method === 'POST') return createRule(req, mb, state, data.directory);
    throw new GraphError(
      405,
      'Request_BadRequest',
      'The HTTP method is not supported for this resource.',
    );
  }
  const rule = state.rules.find((r) => r.id === ruleId);
  if (!rule)
    throw new GraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  if (req.method === 'GET') return ok(ruleResource(rule, mb, data.directory));
  if (rule.isReadOnly && (req.method === 'PATCH' || req.method === 'DELETE')) {
    throw new GraphError(
      403,
      'ErrorAccessDenied',
      'The rule is read-only and cannot be changed through the REST API.',
    );
  }
  if (req.method === 'DELETE') {
    state.rules.splice(state.rules.indexOf(rule), 1);
    state.rules.sort((a, b) => a.sequence - b.sequence).forEach((r, i) => (r.sequence = i + 1));
    return { status: 204 };
  }
  if (req.method === 'PATCH') return patchRule(req, mb, state, rule, data.directory);
  throw new GraphError(
    405,
    'Request_BadRequest',
    'The HTTP method is not supported for this resource.',
  );
}

function bodyRecord(req: GraphRequest): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null
    ? (req.body as Record<string, unknown>)
    : {};
}

function createRule(
  req: GraphRequest,
  mb: StoredMailbox,
  state: RuleState,
  directory: Directory,
): GraphResponse {
  const body = bodyRecord(req);
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '') {
    throw invalidRequest('displayName is required.');
  }
  if (typeof body.sequence !== 'number') throw invalidRequest('sequence is required.');
  const actions = (body.actions ?? {}) as Record<string, unknown>;
  if (Object.keys(actions).length === 0) throw invalidRequest('A rule needs at least one action.');
  checkFolders(mb, actions);
  checkRecipients(actions);
  const rule: StoredRule = {
    id: `AQAAA${randomUUID().replace(/-/g, '').slice(0, 12)}=`,
    displayName: body.displayName,
    sequence: body.sequence,
    isEnabled: body.isEnabled !== false,
    hasError: false,
    isReadOnly: false,
    conditions: structuredClone((body.conditions ?? {}) as Record<string, unknown>),
    actions: structuredClone(actions),
    ...(body.exceptions
      ? { exceptions: structuredClone(body.exceptions as Record<string, unknown>) }
      : {}),
  };
  if (usedBytes([...state.rules, rule]) > state.quotaBytes) throw overQuota();
  state.rules.push(rule);
  place(state.rules, rule, rule.sequence);
  return { status: 201, body: ruleResource(rule, mb, directory) };
}

function patchRule(
  req: GraphRequest,
  mb: StoredMailbox,
  state: RuleState,
  rule: StoredRule,
  directory: Directory,
): GraphResponse {
  const body = bodyRecord(req);
  const next: StoredRule = { ...rule };
  if (typeof body.displayName === 'string') next.displayName = body.displayName;
  if (typeof body.isEnabled === 'boolean') next.isEnabled = body.isEnabled;
  // Graph replaces a predicate or action set given in a PATCH as a whole.
  if (body.conditions !== undefined)
    next.conditions = structuredClone((body.conditions ?? {}) as Record<string, unknown>);
  if (body.actions !== undefined)
    next.actions = structuredClone((body.actions ?? {}) as Record<string, unknown>);
  if (body.exceptions !== undefined) {
    if (body.exceptions)
      next.exceptions = structuredClone(body.exceptions as Record<string, unknown>);
    else delete next.exceptions;
  }
  checkFolders(mb, next.actions);
  checkRecipients(next.actions);
  if (usedBytes(state.rules.map((r) => (r === rule ? next : r))) > state.quotaBytes)
    throw overQuota();
  Object.assign(rule, next);
  if (typeof body.sequence === 'number') place(state.rules, rule, body.sequence);
  return ok(ruleResource(rule, mb, directory));
}

// ---------- the rule engine ----------

function header(message: { internetMessageHeaders?: unknown }, name: string): boolean {
  const headers = Array.isArray(message.internetMessageHeaders)
    ? message.internetMessageHeaders
    : [];
  return headers.some(
    (h) =>
      typeof h === 'object' &&
      h !== null &&
      String((h as { name?: unknown }).name).toLowerCase() === name.toLowerCase(),
  );
}

function asIncoming(message: Message, mailbox: string): IncomingMessage {
  const m = message as Record<string, unknown>;
  return {
    subject: String(m.subject ?? ''),
    body: (m.body as IncomingMessage['body']) ?? { contentType: 'text', content: '' },
    from: m.from as Recipient,
    ...(m.sender ? { sender: m.sender as Recipient } : {}),
    replyTo: (m.replyTo as Recipient[]) ?? [],
    toRecipients: (m.toRecipients as Recipient[]) ?? [],
    ccRecipients: (m.ccRecipients as Recipient[]) ?? [],
    internetMessageId: String(m.internetMessageId ?? ''),
    internetMessageHeaders: [
      ...((Array.isArray(m.internetMessageHeaders) ? m.internetMessageHeaders : []) as {
        name: string;
        value: string;
      }[]),
      { name: LOOP_HEADER, value: mailbox },
    ],
  };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * The text Exchange's content conditions search: for an HTML body, its text (tags removed, entities
 * decoded, so "A&amp;E" is "A&E" and "not</b> come" is "not come"), as the plain-text body Exchange
 * keeps beside the HTML; a text body as it is.
 */
export function bodyText(body: unknown): string {
  const b = body as { contentType?: unknown; content?: unknown } | undefined;
  const content = typeof b?.content === 'string' ? b.content : '';
  if (String(b?.contentType ?? '').toLowerCase() !== 'html') return content;
  return content
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return NAMED_ENTITIES[lower] ?? whole;
    })
    .replace(/[ \t\u00a0]+/g, ' ');
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Any of the strings, as a case-insensitive substring of the text (Exchange's "contains"). */
function containsAny(text: string, strings: string[]): boolean {
  const lower = text.toLowerCase();
  return strings.some((s) => s !== '' && lower.includes(s.toLowerCase()));
}

// Conditions the engine evaluates; a rule with any other condition is stored but never matches.
const EVALUATED: Record<string, (value: unknown, message: Message) => boolean> = {
  fromAddresses: (value, message) => {
    const from = (
      (message.from as Recipient | undefined)?.emailAddress?.address ?? ''
    ).toLowerCase();
    return recipientsOf(value).some((a) => a.toLowerCase() === from);
  },
  subjectContains: (value, message) => containsAny(String(message.subject ?? ''), stringsOf(value)),
  bodyContains: (value, message) => containsAny(bodyText(message.body), stringsOf(value)),
  bodyOrSubjectContains: (value, message) =>
    containsAny(String(message.subject ?? ''), stringsOf(value)) ||
    containsAny(bodyText(message.body), stringsOf(value)),
};

/** Every condition given must hold (AND); within one, any of its values will do (OR). */
function matches(rule: StoredRule, message: Message): boolean {
  const conditions = Object.entries(rule.conditions).filter(
    ([, v]) => v !== null && v !== false && !(Array.isArray(v) && v.length === 0),
  );
  if (conditions.length === 0) return true; // a rule with no condition applies to every message
  return conditions.every(([k, v]) => EVALUATED[k]?.(v, message) ?? false);
}

/** `markImportance` and `assignCategories`: stamped on this mailbox's copy, categories added to any it has. */
function stamp(message: Message, actions: Record<string, unknown>): void {
  const importance = actions.markImportance;
  if (
    typeof importance === 'string' &&
    ['low', 'normal', 'high'].includes(importance.toLowerCase())
  )
    message.importance = importance.toLowerCase();
  const add = stringsOf(actions.assignCategories);
  if (add.length > 0) {
    const had = Array.isArray(message.categories) ? (message.categories as string[]) : [];
    const known = new Set(had.map((c) => c.toLowerCase()));
    message.categories = [...had, ...add.filter((c) => !known.has(c.toLowerCase()))];
  }
}

function moveMessage(mb: StoredMailbox, message: Message, folderId: string): void {
  const target = mb.folders.find(
    (f) => f.id === folderId || f.wellKnownName === folderId.toLowerCase(),
  );
  const source = mb.folders.find((f) => f.messages.includes(message));
  if (!target || !source || target === source) return;
  source.messages.splice(source.messages.indexOf(message), 1);
  message.parentFolderId = target.id;
  target.messages.push(message);
}

addDeliveryHook((mailbox, message, deliverOnward, depth) => {
  const onward = (to: string, next: IncomingMessage, d: number) => {
    const results = deliverOnward(to, next, d);
    collected?.push(...results);
    return results;
  };
  const state = states.get(mailbox);
  if (!state) return;
  const sendsOn = !header(message as Record<string, unknown>, LOOP_HEADER) && depth <= 3;
  const rules = state.rules
    .filter((r) => r.isEnabled && !inError(mailbox, r))
    .sort((a, b) => a.sequence - b.sequence);
  for (const rule of rules) {
    if (!matches(rule, message)) continue;
    const a = rule.actions;
    // Stamped before any copy is sent on; a redirected or forwarded copy is a new message that
    // does not carry what a rule stamped here (only what the sender wrote).
    stamp(message, a);
    if (sendsOn) {
      for (const to of recipientsOf(a.redirectTo))
        onward(to, asIncoming(message, mailbox.address), depth);
      const me: Recipient = {
        emailAddress: { name: mailbox.displayName, address: mailbox.address },
      };
      for (const to of recipientsOf(a.forwardTo)) {
        const original = asIncoming(message, mailbox.address);
        onward(
          to,
          {
            ...original,
            subject: `FW: ${original.subject}`,
            from: me,
            sender: me,
            replyTo: [],
            toRecipients: [{ emailAddress: { address: to } }],
          },
          depth,
        );
      }
      for (const to of recipientsOf(a.forwardAsAttachmentTo)) {
        const original = asIncoming(message, mailbox.address);
        onward(
          to,
          {
            ...original,
            subject: `FW: ${original.subject}`,
            body: { contentType: 'text', content: 'The original message is attached.' },
            from: me,
            sender: me,
            replyTo: [],
            toRecipients: [{ emailAddress: { address: to } }],
            internetMessageId: `<${randomUUID()}@${mailbox.address.split('@')[1] ?? 'local'}>`,
            hasAttachments: true,
            attachments: [
              {
                '@odata.type': '#microsoft.graph.itemAttachment',
                name: original.subject,
                contentType: 'message/rfc822',
              },
            ],
          },
          depth,
        );
      }
    }
    if (typeof a.moveToFolder === 'string') moveMessage(mailbox, message, a.moveToFolder);
    if (a.stopProcessingRules === true) break;
  }
});

// ---------- development-only routes ----------

function folderOf(mb: StoredMailbox, messageId: string): string | undefined {
  return mb.folders.find((f) => f.messages.some((m) => m.id === messageId))?.displayName;
}

function recipient(value: unknown): Recipient {
  if (typeof value === 'string') return { emailAddress: { address: value } };
  const v = value as { address?: unknown; name?: unknown } | undefined;
  if (!v || typeof v.address !== 'string') throw invalidRequest('an address is required');
  return {
    emailAddress: { address: v.address, ...(typeof v.name === 'string' ? { name: v.name } : {}) },
  };
}

/**
 * Development-only routes (no token):
 * - `POST /_dev/deliver` `{from, to, subject, body?, bodyType?}` (from/to an address or {name, address}; to may
 *   be a list; bodyType `text` or `html`): delivers as Exchange would, inbox rules included; answers
 *   `{deliveries: [{address, folder, messageId, importance, categories}]}`.
 * - `POST /_dev/messageRules/quota` `{mailbox, bytes}`: the mailbox's rule quota.
 * - `POST /_dev/messageRules/readOnly` `{mailbox, displayName, sequence?}`: adds a read-only rule.
 * - `POST /_dev/messageRules/deleteFolder` `{mailbox, folderId}`: deletes a folder for good (as
 *   deleting it and emptying Deleted Items does), messages and child folders with it; rules that
 *   move or copy to it are then in error (`hasError: true`).
 * Returns undefined for any other route.
 */
export async function handleRulesDev(
  route: string,
  input: Record<string, unknown>,
  data: RulesData,
): Promise<{ status: number; body: unknown } | undefined> {
  const mailboxNamed = (value: unknown): StoredMailbox => {
    const mb = typeof value === 'string' ? findMailbox(data.mailboxes, value) : undefined;
    if (!mb) throw new Error('mailbox must name a mailbox of the local tenant');
    return mb;
  };
  switch (route) {
    case 'POST /_dev/routing/apply': {
      // The workbench's "run the routing job": what `npm run routing -- apply --graph-url <this
      // service>` does, with the app-only token (src/routing, loaded only when asked for).
      if (
        typeof input.graphUrl !== 'string' ||
        !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(input.graphUrl)
      ) {
        throw new Error('graphUrl must be this machine (http://127.0.0.1:PORT)');
      }
      const { applyRouting } = await import('./routingRun');
      const user = typeof input.user === 'string' ? input.user : undefined;
      return { status: 200, body: await applyRouting(input.graphUrl, user) };
    }
    case 'POST /_dev/deliver': {
      const to = (Array.isArray(input.to) ? input.to : [input.to]).map(recipient);
      if (typeof input.subject !== 'string' || input.subject === '')
        throw new Error('subject is required');
      const incoming: IncomingMessage = {
        subject: input.subject,
        body: {
          contentType: input.bodyType === 'html' ? 'html' : 'text',
          content: typeof input.body === 'string' ? input.body : '',
        },
        from: recipient(input.from),
        toRecipients: to,
      };
      collected = [];
      let results: DeliveryResult[];
      try {
        results = [...deliver(data.mailboxes, incoming), ...collected];
      } finally {
        collected = null;
      }
      return {
        status: 200,
        body: {
          deliveries: results.map((r) => {
            const mb = findMailbox(data.mailboxes, r.address);
            const message = mb
              ? mb.folders.flatMap((f) => f.messages).find((m) => m.id === r.messageId)
              : undefined;
            return {
              address: r.address,
              messageId: r.messageId,
              folder: mb ? folderOf(mb, r.messageId) : undefined,
              importance: message?.importance,
              categories: message?.categories,
            };
          }),
        },
      };
    }
    case 'POST /_dev/messageRules/quota': {
      const mb = mailboxNamed(input.mailbox);
      if (typeof input.bytes !== 'number' || input.bytes < 0)
        throw new Error('bytes must be a number');
      stateOf(mb).quotaBytes = input.bytes;
      return { status: 200, body: { mailbox: mb.address, quotaBytes: input.bytes } };
    }
    case 'POST /_dev/messageRules/readOnly': {
      const mb = mailboxNamed(input.mailbox);
      const state = stateOf(mb);
      const rule: StoredRule = {
        id: `AQAAA${randomUUID().replace(/-/g, '').slice(0, 12)}=`,
        displayName: typeof input.displayName === 'string' ? input.displayName : 'Outlook rule',
        sequence: typeof input.sequence === 'number' ? input.sequence : state.rules.length + 1,
        isEnabled: true,
        hasError: false,
        isReadOnly: true,
        conditions: {},
        actions: {},
      };
      state.rules.push(rule);
      place(state.rules, rule, rule.sequence);
      return { status: 200, body: ruleResource(rule, mb, data.directory) };
    }
    case 'POST /_dev/messageRules/deleteFolder': {
      const mb = mailboxNamed(input.mailbox);
      const root = mb.folders.find((f) => f.id === input.folderId);
      if (!root || root.wellKnownName)
        throw new Error('folderId must name a folder of the mailbox that is not a well-known one');
      const gone = new Set([root.id]);
      for (let grew = true; grew;) {
        grew = false;
        for (const f of mb.folders)
          if (f.parentFolderId && gone.has(f.parentFolderId) && !gone.has(f.id)) {
            gone.add(f.id);
            grew = true;
          }
      }
      for (let i = mb.folders.length - 1; i >= 0; i -= 1)
        if (gone.has((mb.folders[i] as StoredMailbox['folders'][number]).id))
          mb.folders.splice(i, 1);
      return { status: 200, body: { mailbox: mb.address, deletedFolders: gone.size } };
    }
    default:
      return undefined;
  }
}
