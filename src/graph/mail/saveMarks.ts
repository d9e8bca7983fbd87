// The email's side of saving a contact event in two round trips (docs: README, performance):
// 1. one read of the message (its marks, categories, webLink and internetMessageId), with the
//    mailbox's master category list in the same parallel $batch the first time a pane needs it;
// 2. the mark PATCH (and the master category, when missing) as writes for the save's one parallel
//    $batch (parallelWrites.ts), alongside the list items.
import type { Client } from '@microsoft/microsoft-graph-client';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import { GraphAccessError } from '../errors';
import { type ParallelWrite, stepError } from '../parallelWrites';
import {
  MARK_CATEGORY_COLOR,
  MARK_KINDS,
  type MessageMark,
  type MessageRef,
  mailboxRoot,
  markPropertyId,
  markValue,
  messagePath,
  parseMark,
} from './messageMarks';

export interface MessageSaveState {
  marks: MessageMark[];
  categories: string[];
  webLink?: string;
  internetMessageId?: string;
  /** False when the master list was read and lacks the category; true when known to hold it. */
  masterHasCategory: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export class SaveMarks {
  /** Mailboxes whose master category list is known to hold a category, by "mailbox|name". */
  private readonly known = new Set<string>();

  private readonly calls: GraphCalls;

  constructor(client: Client | GraphCalls) {
    this.calls = graphCallsOf(client);
  }

  private knownKey(mailbox: string | undefined, category: string): string {
    return `${(mailbox ?? '').toLowerCase()}|${category.toLowerCase()}`;
  }

  /** Round trip 1: the message (and, once per mailbox, its master category list). */
  async read(ref: MessageRef, category?: string): Promise<MessageSaveState> {
    const filter = MARK_KINDS.map((k) => `id eq '${markPropertyId(k)}'`).join(' or ');
    const messageUrl =
      `${messagePath(ref)}?$select=id,categories,webLink,internetMessageId` +
      `&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=${filter})`)}`;
    // Only the user's own master list: Graph refuses another mailbox's with 403 whatever is granted
    // (README "Behaviours and their sources", 3), so there the category goes on the message alone.
    const needMaster =
      category !== undefined &&
      !ref.mailbox &&
      !this.known.has(this.knownKey(ref.mailbox, category));
    let message: unknown;
    let master: unknown;
    if (!needMaster) {
      message = await this.calls.get(messageUrl);
    } else {
      const [m, c] = await this.calls.batcher({ maxAttempts: 1 }).run([
        { key: 'message', steps: [{ method: 'GET', url: messageUrl }] },
        {
          key: 'categories',
          steps: [{ method: 'GET', url: `${mailboxRoot(ref.mailbox)}/outlook/masterCategories` }],
        },
      ]);
      for (const r of [m?.[0], c?.[0]]) {
        if (!r || r.status < 200 || r.status >= 300)
          throw stepError(r ?? { status: 0, headers: {} });
      }
      message = m?.[0]?.body;
      master = c?.[0]?.body;
    }
    if (!isRecord(message)) throw new GraphAccessError('unknown', { code: 'messageUnreadable' });
    const props = Array.isArray(message.singleValueExtendedProperties)
      ? message.singleValueExtendedProperties
      : [];
    const names = (isRecord(master) && Array.isArray(master.value) ? master.value : [])
      .map((c: unknown) => (isRecord(c) ? text(c.displayName)?.toLowerCase() : undefined))
      .filter((n): n is string => n !== undefined);
    const state: MessageSaveState = {
      marks: props
        .map((p: unknown) => (isRecord(p) ? parseMark(p) : undefined))
        .filter((m): m is MessageMark => m !== undefined),
      categories: Array.isArray(message.categories)
        ? message.categories.filter((c): c is string => typeof c === 'string')
        : [],
      masterHasCategory: !needMaster || names.includes((category ?? '').toLowerCase()),
    };
    const webLink = text(message.webLink);
    const internetMessageId = text(message.internetMessageId);
    if (webLink) state.webLink = webLink;
    if (internetMessageId) state.internetMessageId = internetMessageId;
    if (needMaster && state.masterHasCategory && category)
      this.known.add(this.knownKey(ref.mailbox, category));
    return state;
  }

  /**
   * Round trip 2's writes for the mark: none when the same mark and the category are there (a
   * retry); else one PATCH setting the property and adding the category (the list is extended,
   * never replaced), and the master category when the mailbox lacks it (409: already there).
   */
  writes(
    ref: MessageRef,
    mark: MessageMark,
    state: MessageSaveState,
    category?: string,
  ): ParallelWrite[] {
    const same = state.marks.some((m) => m.kind === mark.kind && m.key === mark.key);
    const hasCategory =
      !category || state.categories.some((c) => c.toLowerCase() === category.toLowerCase());
    const out: ParallelWrite[] = [];
    if (category && !state.masterHasCategory) {
      out.push({
        step: {
          method: 'POST',
          url: `${mailboxRoot(ref.mailbox)}/outlook/masterCategories`,
          body: { displayName: category, color: MARK_CATEGORY_COLOR },
        },
        alsoOk: [409],
      });
    }
    if (same && hasCategory) return out;
    const body: Record<string, unknown> = {
      singleValueExtendedProperties: [{ id: markPropertyId(mark.kind), value: markValue(mark) }],
    };
    if (category && !hasCategory) body.categories = [...state.categories, category];
    out.push({ step: { method: 'PATCH', url: messagePath(ref), body, idempotent: true } });
    return out;
  }

  /** After a save that created the master category: later saves need not read the list. */
  remember(ref: MessageRef, category: string): void {
    this.known.add(this.knownKey(ref.mailbox, category));
  }
}
