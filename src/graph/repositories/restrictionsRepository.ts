// Reads the Contact Restrictions list through `items/delta`: the first call enumerates every item
// (following @odata.nextLink pages until @odata.deltaLink), later calls fetch only what changed.
// Delta is reported to return changed items without `fields` at times (dev/local-graph/README.md,
// row 6): such an item is read again by id (in parallel $batch requests), never taken for an empty
// record. A re-read that fails fails the whole refresh, so the cache keeps its previous copy.
//
// Only the columns the verdict reads are asked for (`$expand=fields($select=…)`) and kept: the copy
// lives on the device, and a school's list may hold notes, reasons or evidence columns that have
// no business there (issue 10, item 7). Graph keeps the query of the first delta request in its
// nextLink and deltaLink, so later pages and changes come back with the same columns; fields are
// still filtered here, so that a service that sends more never puts more on the device.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig, ListNames } from '../../config/appConfig';
import { splitAddressList } from '../../policy/addresses';
import type { RestrictionFields } from '../../policy/lifecycle/types';
import { odataString } from '../../policy/mailActions/folders';
import { RESTRICTION_COLUMNS } from '../../policy/restrictionItem';

/** Where the list lives: the repository needs only its own list's name. */
export type RestrictionsListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: Pick<ListNames, 'restrictions'>;
};
import { apiPathFromLink } from '../client';
import { GraphAccessError } from '../errors';
import { listItemPath, listItemsDeltaPath, listItemsPath } from '../sharePoint';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import { dateOnlyValue } from '../dateOnlyColumns';
import { changedByOther, eTagOf } from './itemChanges';

export interface RawListItem {
  id: string;
  fields: Record<string, unknown>;
  eTag?: string;
}

export interface RestrictionItemState {
  itemId: string;
  eTag: string;
  fields: Record<string, unknown>;
}

const DATE_COLUMNS = new Set(['StartDate', 'EndDate', 'ReviewDate']);

/** ListChange fields as the PATCH/POST body: dates as SharePoint date-only instants. */
export function restrictionBody(fields: RestrictionFields): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[name] = DATE_COLUMNS.has(name) && value !== null ? dateOnlyValue(value) : value;
  }
  return out;
}

export interface DeltaResult {
  /** Items added or changed (all items for a full sync), each id once, last version seen. */
  items: RawListItem[];
  /** Ids deleted since the link (always empty for a full sync). */
  removedIds: string[];
  /** Where the next changesSince() starts. */
  deltaLink: string;
}

/** What the cache needs; lets tests and the workbench substitute their own source. */
export interface RestrictionsSource {
  fullSync(): Promise<DeltaResult>;
  changesSince(deltaLink: string): Promise<DeltaResult>;
}

/** Large enough that the demo list, and most schools' lists, come back in one round trip. */
const PAGE_SIZE = 999;
/** Up to this many items without fields are read again by id ($batch); more, the list is read. */
const REREAD_BY_ID_MAX = 60;
/** A runaway nextLink chain must end in an error, not a hang: 1,000 pages of 999 is ~1M items. */
const MAX_PAGES = 1000;
/** The review's whole-list read and the lost-create search stop here (~100,000 items). */
const REVIEW_MAX_PAGES = 100;
/** The lost-create search gives up after this many pages (undefined: a new item is made). */
const FIND_CREATED_MAX_PAGES = 200;

/** The columns parseRestrictionItem reads: the only ones requested and kept. */
export const VERDICT_COLUMNS: readonly string[] = Object.values(RESTRICTION_COLUMNS);
const VERDICT_COLUMN_SET = new Set(VERDICT_COLUMNS);
/** `$expand` for list items with only the verdict's columns. */
const EXPAND_VERDICT_FIELDS = `$expand=fields($select=${VERDICT_COLUMNS.join(',')})`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDeletion(entry: Record<string, unknown>): boolean {
  return isRecord(entry.deleted) || entry['@removed'] !== undefined;
}

function toRawListItem(
  entry: Record<string, unknown>,
  id: string,
  fields: Record<string, unknown>,
): RawListItem {
  const eTag = entry.eTag ?? entry['@odata.etag'];
  const kept = Object.fromEntries(
    Object.entries(fields).filter(([column]) => VERDICT_COLUMN_SET.has(column)),
  );
  return typeof eTag === 'string' ? { id, fields: kept, eTag } : { id, fields: kept };
}

export class RestrictionsRepository implements RestrictionsSource {
  private readonly calls: GraphCalls;

  constructor(
    client: Client | GraphCalls,
    private readonly sharePoint: RestrictionsListAddress,
  ) {
    this.calls = graphCallsOf(client);
  }

  fullSync(): Promise<DeltaResult> {
    const firstPage = `${listItemsDeltaPath(this.sharePoint, this.sharePoint.lists.restrictions)}?${EXPAND_VERDICT_FIELDS}&$top=${PAGE_SIZE}`;
    return this.enumerate(firstPage);
  }

  /** Throws GraphAccessError kind 'gone' when the link has expired: run fullSync() instead. */
  changesSince(deltaLink: string): Promise<DeltaResult> {
    return this.enumerate(apiPathFromLink(deltaLink));
  }

  private async enumerate(firstPath: string): Promise<DeltaResult> {
    // The same item can appear more than once in one delta enumeration; the last one wins.
    const changed = new Map<string, RawListItem>();
    const removed = new Set<string>();
    /** Changed items that came without `fields`: read again before anything is returned. */
    const withoutFields = new Set<string>();
    for await (const page of this.calls.pages<unknown>(firstPath, { maxPages: MAX_PAGES })) {
      for (const entry of page.value) {
        if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') {
          continue; // nothing identifies it, so nothing can be matched, stored or removed
        }
        if (isDeletion(entry)) {
          changed.delete(entry.id);
          withoutFields.delete(entry.id);
          removed.add(entry.id);
        } else if (!isRecord(entry.fields)) {
          changed.delete(entry.id);
          removed.delete(entry.id);
          withoutFields.add(entry.id);
        } else {
          removed.delete(entry.id);
          withoutFields.delete(entry.id);
          changed.set(entry.id, toRawListItem(entry, entry.id, entry.fields));
        }
      }
      const deltaLink = page.deltaLink;
      if (deltaLink !== undefined) {
        for (const [id, item] of await this.readAgain([...withoutFields])) {
          if (item) changed.set(id, item);
          else removed.add(id); // deleted since the delta page was made
        }
        return { items: [...changed.values()], removedIds: [...removed], deltaLink };
      }
    }
    // The last page without a deltaLink: the enumeration is incomplete, and a partial list must
    // never pass as whole.
    throw new GraphAccessError('unknown', { code: 'deltaEndMissing' });
  }

  /**
   * Items read again by id, all at once in parallel $batch requests: the item with its fields,
   * or undefined when it is gone (404). Any other failure throws: nothing half-read is returned.
   */
  private async readAgain(ids: string[]): Promise<Map<string, RawListItem | undefined>> {
    const out = new Map<string, RawListItem | undefined>();
    if (!ids.length) return out;
    if (ids.length > REREAD_BY_ID_MAX) return this.readAgainFromList(ids);
    const list = this.sharePoint.lists.restrictions;
    const results = await this.calls.batcher().run(
      ids.map((id) => ({
        key: id,
        steps: [
          {
            method: 'GET',
            url: `${listItemPath(this.sharePoint, list, id)}?${EXPAND_VERDICT_FIELDS}`,
          },
        ],
      })),
    );
    ids.forEach((id, i) => {
      const result = results[i]?.[0];
      const body = result?.body;
      if (result?.status === 404) out.set(id, undefined);
      else if (result && result.status < 300 && isRecord(body) && isRecord(body.fields))
        out.set(id, toRawListItem(body, id, body.fields));
      else
        throw new GraphAccessError(result?.status === 429 ? 'throttled' : 'unknown', {
          ...(result?.status ? { status: result.status } : {}),
          code: 'deltaItemUnreadable',
        });
    });
    return out;
  }

  /** Many items (a whole enumeration without fields): the list read in pages, not item by item. */
  private async readAgainFromList(ids: string[]): Promise<Map<string, RawListItem | undefined>> {
    const wanted = new Set(ids);
    const out = new Map<string, RawListItem | undefined>(ids.map((id) => [id, undefined]));
    const path = `${listItemsPath(this.sharePoint, this.sharePoint.lists.restrictions)}?${EXPAND_VERDICT_FIELDS}&$top=${PAGE_SIZE}`;
    for await (const page of this.calls.pages<unknown>(path, { maxPages: MAX_PAGES })) {
      for (const entry of page.value) {
        if (!isRecord(entry) || typeof entry.id !== 'string' || !wanted.has(entry.id)) continue;
        if (!isRecord(entry.fields))
          throw new GraphAccessError('unknown', { code: 'deltaItemUnreadable' });
        out.set(entry.id, toRawListItem(entry, entry.id, entry.fields));
      }
    }
    return out;
  }

  // ---------- the reviewers' reads and the writes a decision makes (src/app/review) ----------

  /**
   * Every item with the verdict's columns, in pages (the list is small; reviewers read it whole),
   * and how many requests it took. At most 100 pages are read (page 101 is never asked for).
   */
  async readAll(): Promise<{ items: RawListItem[]; requests: number }> {
    const path = `${listItemsPath(this.sharePoint, this.sharePoint.lists.restrictions)}?${EXPAND_VERDICT_FIELDS}&$top=${PAGE_SIZE}`;
    const items: RawListItem[] = [];
    let requests = 0;
    for await (const page of this.calls.pages<unknown>(path, { maxPages: REVIEW_MAX_PAGES + 1 })) {
      requests += 1;
      for (const entry of page.value) {
        if (isRecord(entry) && typeof entry.id === 'string' && isRecord(entry.fields))
          items.push(toRawListItem(entry, entry.id, entry.fields));
      }
      if (requests >= REVIEW_MAX_PAGES) break;
    }
    return { items, requests };
  }

  private itemPath(itemId: string): string {
    return listItemPath(this.sharePoint, this.sharePoint.lists.restrictions, itemId);
  }

  /** The item and its ETag; undefined when it was deleted. */
  async read(itemId: string): Promise<RestrictionItemState | undefined> {
    let body: unknown;
    try {
      body = await this.calls.get(`${this.itemPath(itemId)}?$expand=fields`);
    } catch (e) {
      if (e instanceof GraphAccessError && e.kind === 'notFound') return undefined;
      throw e;
    }
    if (!isRecord(body)) return undefined;
    const fields = isRecord(body.fields) ? body.fields : {};
    return { itemId, eTag: eTagOf(body, fields), fields };
  }

  /**
   * An item already holding exactly these fields for this person, found through the indexed Status
   * column: a create whose response was lost is adopted on the retry, never made twice.
   */
  async findCreated(fields: RestrictionFields, personKey: string): Promise<string | undefined> {
    if (typeof fields.Status !== 'string') return undefined;
    const filter = encodeURIComponent(`fields/Status eq '${odataString(fields.Status)}'`);
    const path = `${listItemsPath(this.sharePoint, this.sharePoint.lists.restrictions)}?$expand=fields&$filter=${filter}&$top=${PAGE_SIZE}`;
    // One page past the limit is never fetched: the search gives up (undefined) after the limit.
    let seen = 0;
    for await (const page of this.calls.pages<unknown>(path, {
      maxPages: FIND_CREATED_MAX_PAGES + 1,
    })) {
      for (const entry of page.value) {
        if (!isRecord(entry) || !isRecord(entry.fields) || typeof entry.id !== 'string') continue;
        const { addresses } = splitAddressList(String(entry.fields.Emails ?? ''));
        if (addresses.includes(personKey) && entry.fields.Title === fields.Title) return entry.id;
      }
      seen += 1;
      if (seen >= FIND_CREATED_MAX_PAGES) return undefined;
    }
    return undefined;
  }

  async create(fields: RestrictionFields): Promise<string> {
    const created = await this.calls.post<unknown>(
      listItemsPath(this.sharePoint, this.sharePoint.lists.restrictions),
      { fields: restrictionBody(fields) },
    );
    if (!isRecord(created) || typeof created.id !== 'string')
      throw new GraphAccessError('unknown', { code: 'restrictionCreateUnreadable' });
    return created.id;
  }

  /** PATCH with If-Match: a 412 becomes ChangedByOtherError (who changed it, when). */
  async update(itemId: string, eTag: string, fields: RestrictionFields): Promise<void> {
    try {
      await this.calls.patch(`${this.itemPath(itemId)}/fields`, restrictionBody(fields), {
        ifMatch: eTag || '*',
      });
    } catch (e) {
      if (e instanceof GraphAccessError && e.kind === 'preconditionFailed')
        throw await this.changedBy(itemId);
      throw e;
    }
  }

  /** Who last changed the item and when, for the "changed by" refusal. */
  changedBy(itemId: string) {
    return changedByOther(this.calls, this.sharePoint, this.sharePoint.lists.restrictions, itemId);
  }
}
