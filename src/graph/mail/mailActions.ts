// The Graph calls behind acting on restricted correspondence: read an email's state (marks, claim,
// ETag, folder, the forward header), claim it with If-Match, find a draft or sent copy by its
// action key, createForward / send, make the filing folders, move. Each call is one request (or a
// small fixed number); the exactly-once logic that strings them together is in
// src/app/actions/restrictedActions.ts. Messages are addressed at /me/... or /users/{mailbox}/...
//
// Retries: the client's retry policy never repeats a POST unless it is marked safe. Marked safe
// here: the claim PATCH (If-Match: a repeat after the server acted meets 412), creating a folder
// (a repeat meets 409 ErrorFolderExists) and the move (with immutable ids, moving an email to the
// folder it is already in changes nothing). createForward and send are never repeated blindly.
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphAccessError, toGraphAccessError } from '../errors';
import { RetrySafety } from '../middleware/retryMiddleware';
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
  /** Present when the email is a Contact Guard forward (the SPOC's side). */
  forwardHeader?: ForwardHeaderValue;
}

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

/** Runs one Graph call and turns any failure into a GraphAccessError. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toGraphAccessError(e);
  }
}

export class MailActionsGraph {
  /** Folder ids already found or made, by "mailbox|path". */
  private readonly folders = new Map<string, string>();

  constructor(private readonly client: Client) {}

  /** One GET: the email's ETag, subject, body, folder, categories, marks and claim (and headers). */
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
      ...(opts.headers ? ['internetMessageHeaders'] : []),
    ];
    const body: unknown = await call(() =>
      this.client
        .api(messagePath(ref))
        .select(select.join(','))
        .expand(
          `singleValueExtendedProperties($filter=${ids.map((id) => `id eq '${id}'`).join(' or ')})`,
        )
        .get(),
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
    return {
      id: text(body.id) || ref.messageId,
      etag: text(body['@odata.etag']) || undefined,
      subject: text(body.subject),
      bodyText: plainText(text(messageBody.content)),
      receivedAt: text(body.receivedDateTime) || undefined,
      internetMessageId: text(body.internetMessageId) || undefined,
      parentFolderId: text(body.parentFolderId) || undefined,
      categories: Array.isArray(body.categories)
        ? body.categories.filter((c): c is string => typeof c === 'string')
        : [],
      marks,
      claim: parseClaim(claimProp?.value),
      forwardHeader: findForwardHeader(headers),
    };
  }

  /**
   * Writes the claim only if the email has not changed since `etag` was read. Resolves false when
   * it has (412: someone else wrote first; read again and decide).
   */
  async claim(ref: MessageRef, etag: string | undefined, value: string): Promise<boolean> {
    let request = this.client
      .api(messagePath(ref))
      .middlewareOptions([new RetrySafety({ idempotent: true })]);
    if (etag) request = request.header('If-Match', etag);
    try {
      await request.patch({ singleValueExtendedProperties: [{ id: CLAIM_PROPERTY_ID, value }] });
      return true;
    } catch (e) {
      const error = toGraphAccessError(e);
      if (error.kind === 'preconditionFailed' || error.kind === 'conflict') return false;
      throw error;
    }
  }

  /** The id of a message in a well-known folder that carries this forward key, if any. */
  async findByKey(
    mailbox: string | undefined,
    folder: 'sentitems' | 'drafts',
    key: string,
  ): Promise<string | undefined> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${odataString(FORWARD_KEY_PROPERTY_ID)}' and ep/value eq '${odataString(key)}')`;
    const page: unknown = await call(() =>
      this.client
        .api(`${mailboxRoot(mailbox)}/mailFolders/${folder}/messages`)
        .filter(filter)
        .select('id')
        .top(1)
        .get(),
    );
    const first = isRecord(page) && Array.isArray(page.value) ? (page.value[0] as unknown) : null;
    return isRecord(first) && typeof first.id === 'string' ? first.id : undefined;
  }

  /**
   * createForward: a draft in the mailbox's Drafts, to the SPOC, with the cover note as comment,
   * carrying the key (extended property) and the forward header. Never retried automatically: a
   * lost answer leaves at most a draft, which the next attempt finds by its key.
   */
  async createForward(ref: MessageRef, input: ForwardDraftInput): Promise<string> {
    const draft: unknown = await call(() =>
      this.client.api(`${messagePath(ref)}/createForward`).post({
        comment: input.comment,
        toRecipients: [{ emailAddress: { name: input.to.name, address: input.to.address } }],
        message: {
          importance: input.urgent ? 'high' : 'normal',
          singleValueExtendedProperties: [{ id: FORWARD_KEY_PROPERTY_ID, value: input.key }],
          internetMessageHeaders: [{ name: FORWARD_HEADER, value: input.header }],
        },
      }),
    );
    if (!isRecord(draft) || typeof draft.id !== 'string')
      throw new GraphAccessError('unknown', { code: 'draftUnreadable' });
    return draft.id;
  }

  /** Makes sure the draft carries the key (a PATCH that sets the same value again does no harm). */
  async setDraftKey(mailbox: string | undefined, draftId: string, key: string): Promise<void> {
    await call(() =>
      this.client
        .api(messagePath({ mailbox, messageId: draftId }))
        .middlewareOptions([new RetrySafety({ idempotent: true })])
        .patch({ singleValueExtendedProperties: [{ id: FORWARD_KEY_PROPERTY_ID, value: key }] }),
    );
  }

  /** Sends a draft. Never retried automatically: the caller checks Sent Items before any repeat. */
  async send(mailbox: string | undefined, draftId: string): Promise<void> {
    await call(() =>
      this.client.api(`${messagePath({ mailbox, messageId: draftId })}/send`).post(undefined),
    );
  }

  /** Deletes a draft that will not be sent (DELETE is idempotent: a repeat meets 404). */
  async deleteDraft(mailbox: string | undefined, draftId: string): Promise<void> {
    await call(() =>
      this.client
        .api(messagePath({ mailbox, messageId: draftId }))
        .middlewareOptions([new RetrySafety({ idempotent: true })])
        .delete(),
    );
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
        const page: unknown = await call(() =>
          this.client
            .api(`${root}/mailFolders/${encodePathSegment(parent)}/childFolders`)
            .filter(`displayName eq '${odataString(name)}'`)
            .select('id,displayName')
            .get(),
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
          const made: unknown = await this.client
            .api(`${root}/mailFolders/${encodePathSegment(parent)}/childFolders`)
            .middlewareOptions([new RetrySafety({ idempotent: true })])
            .post({ displayName: name });
          id = isRecord(made) && typeof made.id === 'string' ? made.id : undefined;
        } catch (e) {
          const error = toGraphAccessError(e);
          if (error.kind !== 'conflict') throw error;
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
    const moved: unknown = await call(() =>
      this.client
        .api(`${messagePath(ref)}/move`)
        .middlewareOptions([new RetrySafety({ idempotent: true })])
        .post({ destinationId }),
    );
    const record = isRecord(moved) ? moved : {};
    return {
      id: text(record.id) || ref.messageId,
      parentFolderId: text(record.parentFolderId) || destinationId,
    };
  }

  /** Replaces the email's categories (read them first; this is the whole list). */
  async setCategories(ref: MessageRef, categories: string[]): Promise<void> {
    await call(() =>
      this.client
        .api(messagePath(ref))
        .middlewareOptions([new RetrySafety({ idempotent: true })])
        .patch({ categories }),
    );
  }
}
