// The Graph calls behind acting on restricted correspondence: read an email's state (marks, claim,
// ETag, folder, the forward header), claim it with If-Match, find the forward by its action key in
// Drafts, the Outbox or Sent Items (one parallel $batch), forward (or send a draft), make the
// filing folders, move.
//
// Ids: every request asks for immutable ids (src/graph/middleware/preferImmutableIdMiddleware.ts),
// so the id readState answers is the email's immutable id even when it was read by the regular id
// the host gives (Office.js convertToRestId); callers use that id from then on, and it survives a
// move (https://learn.microsoft.com/graph/outlook-immutable-id). Each call is one request (or a
// small fixed number); the exactly-once logic that strings them together is in
// src/app/actions/restrictedActions.ts. Messages are addressed at /me/... or /users/{mailbox}/...
//
// Retries: the client's retry policy never repeats a POST unless it is marked safe. Marked safe
// here: the claim PATCH (If-Match: a repeat after the server acted meets 412), creating a folder
// (a repeat meets 409 ErrorFolderExists) and the move (with immutable ids, moving an email to the
// folder it is already in changes nothing). createForward and send are never repeated blindly.
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphAccessError } from '../errors';
import { stepError } from '../parallelWrites';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import { IMMUTABLE_ID_PREFERENCE } from '../middleware/preferImmutableIdMiddleware';
import { encodePathSegment } from '../sharePoint';
import {
  CONTACT_GUARD_PROPERTY_SET,
  type MessageMark,
  type MessageRef,
  mailboxRoot,
  markPropertyId,
  MARK_KINDS,
  messagePath,
  parseMark,
} from './messageMarks';
import {
  FORWARD_HEADER,
  findForwardHeader,
  findForwardMarker,
  odataString,
  parseClaim,
  plainText,
  type ForwardClaim,
  type ForwardHeaderValue,
} from '../../policy/mailActions';

/** Extended property on the original email: who is forwarding it now (see policy/mailActions/claim.ts). */
export const CLAIM_PROPERTY_ID = `String ${CONTACT_GUARD_PROPERTY_SET} Name ContactGuard.forwardClaim`;
/** Extended property on the forward's draft (and so on its sent copy): the action key. */
export const FORWARD_KEY_PROPERTY_ID = `String ${CONTACT_GUARD_PROPERTY_SET} Name ContactGuard.forwardKey`;

export interface MessageState {
  id: string;
  /** The email's ETag (changes with every change to it), for If-Match. */
  etag?: string;
  subject: string;
  /** The body as plain text (HTML is reduced to its text). */
  bodyText: string;
  receivedAt?: string;
  internetMessageId?: string;
  parentFolderId?: string;
  categories: string[];
  marks: MessageMark[];
  claim?: ForwardClaim;
  /**
   * Present when the email carries a Contact Guard forward header or marker (the SPOC's side), as
   * written: whoever sent it. Believe it only through trustedForwardHeader (RestrictedActions does).
   */
  forwardHeader?: ForwardHeaderValue;
  /** The From and Sender addresses (read with `headers`), to decide whether to believe the header. */
  from?: string;
  sender?: string;
}

/** Where a forward carrying an action key is: still a draft, queued to send, or sent. */
export interface FoundForward {
  where: 'drafts' | 'outbox' | 'sentitems';
  id: string;
}

const FORWARD_FOLDERS: readonly FoundForward['where'][] = ['sentitems', 'outbox', 'drafts'];

export interface ForwardDraftInput {
  to: { name: string; address: string };
  comment: string;
  key: string;
  header: string;
  urgent: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The address of a Graph recipient (`{emailAddress: {address}}`), or undefined. */
function addressOf(recipient: unknown): string | undefined {
  const email = isRecord(recipient) ? recipient.emailAddress : undefined;
  const address = isRecord(email) ? email.address : undefined;
  return typeof address === 'string' && address !== '' ? address : undefined;
}

export class MailActionsGraph {
  /** Folder ids already found or made, by "mailbox|path". */
  private readonly folders = new Map<string, string>();

  private readonly calls: GraphCalls;

  constructor(client: Client | GraphCalls) {
    this.calls = graphCallsOf(client);
  }

  /**
   * One GET: the email's immutable id, ETag, subject, body, folder, categories, marks and claim
   * (and, with `headers`, the forward header or, where Graph dropped it, the cover note's marker).
   */
  async readState(ref: MessageRef, opts: { headers?: boolean } = {}): Promise<MessageState> {
    const ids = [...MARK_KINDS.map(markPropertyId), CLAIM_PROPERTY_ID];
    const select = [
      'id',
      'subject',
      'body',
      'receivedDateTime',
      'internetMessageId',
      'parentFolderId',
      'categories',
      ...(opts.headers ? ['internetMessageHeaders', 'from', 'sender'] : []),
    ];
    const body = await this.calls.get<unknown>(
      `${messagePath(ref)}?$select=${select.join(',')}` +
        `&$expand=singleValueExtendedProperties($filter=${ids.map((id) => `id eq '${id}'`).join(' or ')})`,
    );
    if (!isRecord(body)) throw new GraphAccessError('unknown', { code: 'messageUnreadable' });
    const props = (
      Array.isArray(body.singleValueExtendedProperties) ? body.singleValueExtendedProperties : []
    ) as { id?: unknown; value?: unknown }[];
    const marks = props.map(parseMark).filter((m): m is MessageMark => m !== undefined);
    const claimProp = props.find(
      (p) => typeof p.id === 'string' && p.id.toLowerCase() === CLAIM_PROPERTY_ID.toLowerCase(),
    );
    const messageBody = isRecord(body.body) ? body.body : {};
    const headers = Array.isArray(body.internetMessageHeaders)
      ? (body.internetMessageHeaders as { name?: unknown; value?: unknown }[])
      : undefined;
    const bodyText = plainText(text(messageBody.content));
    return {
      id: text(body.id) || ref.messageId,
      etag: text(body['@odata.etag']) || undefined,
      subject: text(body.subject),
      bodyText,
      receivedAt: text(body.receivedDateTime) || undefined,
      internetMessageId: text(body.internetMessageId) || undefined,
      parentFolderId: text(body.parentFolderId) || undefined,
      categories: Array.isArray(body.categories)
        ? body.categories.filter((c): c is string => typeof c === 'string')
        : [],
      marks,
      claim: parseClaim(claimProp?.value),
      forwardHeader:
        findForwardHeader(headers) ?? (opts.headers ? findForwardMarker(bodyText) : undefined),
      ...(opts.headers ? { from: addressOf(body.from), sender: addressOf(body.sender) } : {}),
    };
  }

  /**
   * Writes the claim only if the email has not changed since `etag` was read. Resolves false when
   * it has (412: someone else wrote first; read again and decide).
   */
  async claim(ref: MessageRef, etag: string | undefined, value: string): Promise<boolean> {
    try {
      await this.calls.patch(
        messagePath(ref),
        { singleValueExtendedProperties: [{ id: CLAIM_PROPERTY_ID, value }] },
        { idempotent: true, ...(etag ? { ifMatch: etag } : {}) },
      );
      return true;
    } catch (e) {
      if (
        e instanceof GraphAccessError &&
        (e.kind === 'preconditionFailed' || e.kind === 'conflict')
      )
        return false;
      throw e;
    }
  }

  /**
   * The forward carrying this key, wherever it is now: Sent Items, the Outbox (sent, not yet
   * copied: send is asynchronous) or Drafts. One `$batch` of three independent GETs (fully
   * parallel: no dependsOn), each asking for immutable ids (a header of the batch itself does not
   * reach its requests).
   */
  async findForward(mailbox: string | undefined, key: string): Promise<FoundForward | undefined> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${odataString(FORWARD_KEY_PROPERTY_ID)}' and ep/value eq '${odataString(key)}')`;
    // One parallel batch through the batcher, one step per folder; no retry inside it (the caller
    // looks again after a failure), a failed step fails the look-up as a direct request would.
    const results = await this.calls.batcher({ maxAttempts: 1 }).run(
      FORWARD_FOLDERS.map((folder) => ({
        key: folder,
        steps: [
          {
            method: 'GET' as const,
            url: `${mailboxRoot(mailbox)}/mailFolders/${folder}/messages?$filter=${encodeURIComponent(filter)}&$select=id&$top=1`,
            headers: { Prefer: IMMUTABLE_ID_PREFERENCE },
          },
        ],
      })),
    );
    const found: FoundForward[] = [];
    for (const [i, where] of FORWARD_FOLDERS.entries()) {
      const r = results[i]?.[0] ?? { status: 0, headers: {} };
      if (r.status < 200 || r.status >= 300) throw stepError(r);
      const body = isRecord(r.body) ? r.body : {};
      const first: unknown = Array.isArray(body.value) ? body.value[0] : undefined;
      if (isRecord(first) && typeof first.id === 'string') found.push({ where, id: first.id });
    }
    return found[0];
  }

  /**
   * Forwards the email in one request (`forward`: 202, the forward goes through the Outbox): to the
   * SPOC, the cover note as comment, carrying the key (extended property, so that its Outbox and
   * Sent Items copies are found by it) and the forward header (which Graph may drop: the cover
   * note carries the same value). Never retried automatically: after a lost answer the caller
   * looks for the key before anything else.
   */
  async forward(ref: MessageRef, input: ForwardDraftInput): Promise<void> {
    await this.calls.post(`${messagePath(ref)}/forward`, {
      comment: input.comment,
      toRecipients: [{ emailAddress: { name: input.to.name, address: input.to.address } }],
      message: {
        importance: input.urgent ? 'high' : 'normal',
        singleValueExtendedProperties: [{ id: FORWARD_KEY_PROPERTY_ID, value: input.key }],
        internetMessageHeaders: [{ name: FORWARD_HEADER, value: input.header }],
      },
    });
  }

  /**
   * Sends a draft (a forward draft carrying a key, left by an older version). Never retried
   * automatically: the caller looks for the key before any repeat.
   */
  async send(mailbox: string | undefined, draftId: string): Promise<void> {
    await this.calls.post(`${messagePath({ mailbox, messageId: draftId })}/send`, undefined);
  }

  /** Deletes a draft that will not be sent (DELETE is idempotent: a repeat meets 404). */
  async deleteDraft(mailbox: string | undefined, draftId: string): Promise<void> {
    await this.calls.delete(messagePath({ mailbox, messageId: draftId }), { idempotent: true });
  }

  /**
   * The id of the folder at `path` below the Inbox, each level made if missing. A level made by
   * someone else at the same moment (409) is read again, not made twice.
   */
  async ensureFolderPath(mailbox: string | undefined, path: readonly string[]): Promise<string> {
    const cacheKey = `${(mailbox ?? '').toLowerCase()}|${path.join('/').toLowerCase()}`;
    const known = this.folders.get(cacheKey);
    if (known) return known;
    const root = mailboxRoot(mailbox);
    let parent = 'inbox';
    for (const name of path) {
      const find = async (): Promise<string | undefined> => {
        const filter = encodeURIComponent(`displayName eq '${odataString(name)}'`);
        const page = await this.calls.get<unknown>(
          `${root}/mailFolders/${encodePathSegment(parent)}/childFolders` +
            `?$filter=${filter}&$select=id,displayName`,
        );
        const list = isRecord(page) && Array.isArray(page.value) ? page.value : [];
        const match = list.find(
          (f: unknown) =>
            isRecord(f) &&
            typeof f.displayName === 'string' &&
            f.displayName.toLowerCase() === name.toLowerCase(),
        ) as Record<string, unknown> | undefined;
        return typeof match?.id === 'string' ? match.id : undefined;
      };
      let id = await find();
      if (!id) {
        try {
          const made = await this.calls.post<unknown>(
            `${root}/mailFolders/${encodePathSegment(parent)}/childFolders`,
            { displayName: name },
            { idempotent: true },
          );
          id = isRecord(made) && typeof made.id === 'string' ? made.id : undefined;
        } catch (e) {
          if (!(e instanceof GraphAccessError) || e.kind !== 'conflict') throw e;
        }
        id ??= await find();
        if (!id) throw new GraphAccessError('notFound', { code: 'folderNotMade' });
      }
      parent = id;
    }
    this.folders.set(cacheKey, parent);
    return parent;
  }

  /** Forgets folder ids (after a move to a folder that turned out to be gone). */
  forgetFolders(): void {
    this.folders.clear();
  }

  /** Moves the email; resolves with its id afterwards (the same one with immutable ids). */
  async move(
    ref: MessageRef,
    destinationId: string,
  ): Promise<{ id: string; parentFolderId: string }> {
    const moved = await this.calls.post<unknown>(
      `${messagePath(ref)}/move`,
      { destinationId },
      { idempotent: true },
    );
    const record = isRecord(moved) ? moved : {};
    return {
      id: text(record.id) || ref.messageId,
      parentFolderId: text(record.parentFolderId) || destinationId,
    };
  }

  /** Replaces the email's categories (read them first; this is the whole list). */
  async setCategories(ref: MessageRef, categories: string[]): Promise<void> {
    await this.calls.patch(messagePath(ref), { categories }, { idempotent: true });
  }
}
