// Marks Contact Guard leaves on an email: one single-value extended property per kind of action
// (logged as a contact event, forwarded to the SPOC, filed, the SPOC's outcome), holding a small
// JSON record (who, when, the device-made key), plus a visible category. Marks are how the pane
// knows, without reading anyone's contact events, that an email was already dealt with, and how
// an action is done exactly once: check the mark first, act, then set it.
//
// Extended property ids: `String {CONTACT_GUARD_PROPERTY_SET} Name ContactGuard.<kind>` (a named
// MAPI property in our own property set). Read with
// `$expand=singleValueExtendedProperties($filter=id eq '...' or id eq '...')`.
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphAccessError } from '../errors';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import { encodePathSegment } from '../sharePoint';

export interface MessageRef {
  /** Shared or delegated mailbox address; undefined = the signed-in user's own mailbox. */
  mailbox?: string;
  messageId: string;
}

export type MarkKind = 'logged' | 'forwarded' | 'filed' | 'spocOutcome';

export const MARK_KINDS: readonly MarkKind[] = ['logged', 'forwarded', 'filed', 'spocOutcome'];

export interface MessageMark {
  kind: MarkKind;
  byName: string;
  byAddress: string;
  /** ISO date-time. */
  at: string;
  /** The device-made key of the action (e.g. the contact event's EventKey). */
  key: string;
  detail?: string;
}

/** Contact Guard's own MAPI property set (a fixed GUID, never changed: marks already set use it). */
export const CONTACT_GUARD_PROPERTY_SET = '{3f1b6c2e-8d4a-4e7b-9c15-6a2f0d8e4b71}';

/** The extended property id of a mark kind. */
export function markPropertyId(kind: MarkKind): string {
  return `String ${CONTACT_GUARD_PROPERTY_SET} Name ContactGuard.${kind}`;
}

/** Colour of a category Contact Guard creates (Graph's categoryColor preset; preset7 = blue). */
export const MARK_CATEGORY_COLOR = 'preset7';

interface ExtendedProperty {
  id?: unknown;
  value?: unknown;
}

/** The message path for a ref: `/me/messages/{id}` or `/users/{mailbox}/messages/{id}`. */
export function messagePath(ref: MessageRef): string {
  if (ref.messageId.trim() === '') throw new Error('The message id is empty');
  return `${mailboxRoot(ref.mailbox)}/messages/${encodePathSegment(ref.messageId)}`;
}

/** `/me` or `/users/{mailbox}`. */
export function mailboxRoot(mailbox: string | undefined): string {
  return mailbox ? `/users/${encodePathSegment(mailbox.trim())}` : '/me';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one extended property into a mark; undefined for anything not ours or unreadable. */
export function parseMark(property: ExtendedProperty): MessageMark | undefined {
  const { id, value } = property;
  if (typeof id !== 'string' || typeof value !== 'string') return undefined;
  const kind = MARK_KINDS.find((k) => markPropertyId(k).toLowerCase() === id.toLowerCase());
  if (!kind) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const mark: MessageMark = {
    kind,
    byName: text(data.byName),
    byAddress: text(data.byAddress),
    at: text(data.at),
    key: text(data.key),
  };
  if (typeof data.detail === 'string') mark.detail = data.detail;
  return mark;
}

/** The value stored in the property: the mark without its kind (the id says the kind). */
export function markValue(mark: MessageMark): string {
  const { kind: _kind, ...rest } = mark;
  return JSON.stringify(rest);
}

export class MessageMarks {
  /** Mailboxes whose master category list is known to hold a category, by "mailbox|name". */
  private readonly knownCategories = new Set<string>();

  private readonly calls: GraphCalls;

  constructor(client: Client | GraphCalls) {
    this.calls = graphCallsOf(client);
  }

  /** The marks on the message (single-value extended properties, one per kind) and its categories. */
  async read(ref: MessageRef): Promise<{ marks: MessageMark[]; categories: string[] }> {
    const filter = MARK_KINDS.map((k) => `id eq '${markPropertyId(k)}'`).join(' or ');
    const body = await this.calls.get<unknown>(
      `${messagePath(ref)}?$select=id,categories` +
        `&$expand=singleValueExtendedProperties($filter=${filter})`,
    );
    if (!isRecord(body)) throw new GraphAccessError('unknown', { code: 'messageUnreadable' });
    const props = Array.isArray(body.singleValueExtendedProperties)
      ? (body.singleValueExtendedProperties as ExtendedProperty[])
      : [];
    const marks = props.map(parseMark).filter((m): m is MessageMark => m !== undefined);
    const categories = Array.isArray(body.categories)
      ? body.categories.filter((c): c is string => typeof c === 'string')
      : [];
    return { marks, categories };
  }

  /**
   * Sets the mark's extended property and adds the visible category (created in the user's own
   * master category list if missing; never in another mailbox's) in one PATCH. Reads the message
   * first: a mark of the same kind and key already there means the work is done (a retry), and the category list is
   * extended, never replaced. A mark of the same kind with another key is overwritten only by a
   * caller that has decided to (check `read()` first). A caller that has just read the message
   * may pass what it read (`current`) and save the round trip.
   */
  async add(
    ref: MessageRef,
    mark: MessageMark,
    category?: string,
    known?: { marks: MessageMark[]; categories: string[] },
  ): Promise<void> {
    const current = known ?? (await this.read(ref));
    const same = current.marks.find((m) => m.kind === mark.kind && m.key === mark.key);
    const hasCategory =
      !category || current.categories.some((c) => c.toLowerCase() === category.toLowerCase());
    if (same && hasCategory) return;
    // Only in the user's own mailbox: Graph refuses another mailbox's master category list (403
    // ErrorAccessDenied, whatever Exchange grants), and a category on a message needs no master
    // category (Outlook shows it uncoloured until someone adds one).
    if (category && !hasCategory && !ref.mailbox)
      await this.ensureMasterCategory(undefined, category);
    const body: Record<string, unknown> = {
      singleValueExtendedProperties: [{ id: markPropertyId(mark.kind), value: markValue(mark) }],
    };
    if (category && !hasCategory) body.categories = [...current.categories, category];
    // A PATCH that sets the same values again does no harm, so it may be retried.
    await this.calls.patch(messagePath(ref), body);
  }

  /** Creates the category in the mailbox's master list unless it is there already. */
  async ensureMasterCategory(mailbox: string | undefined, displayName: string): Promise<void> {
    const cacheKey = `${(mailbox ?? '').toLowerCase()}|${displayName.toLowerCase()}`;
    if (this.knownCategories.has(cacheKey)) return;
    const path = `${mailboxRoot(mailbox)}/outlook/masterCategories`;
    try {
      const list = await this.calls.get<{ value?: unknown } | undefined>(path);
      const names = (Array.isArray(list?.value) ? list.value : [])
        .map((c: unknown) =>
          isRecord(c) && typeof c.displayName === 'string' ? c.displayName : '',
        )
        .map((n) => n.toLowerCase());
      if (!names.includes(displayName.toLowerCase())) {
        await this.calls.post(path, { displayName, color: MARK_CATEGORY_COLOR });
      }
    } catch (e) {
      // 409: someone created it between our read and our write; that is what we wanted.
      if (!(e instanceof GraphAccessError) || e.kind !== 'conflict') throw e;
    }
    this.knownCategories.add(cacheKey);
  }
}
