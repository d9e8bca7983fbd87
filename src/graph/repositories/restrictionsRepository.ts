// Reads the Contact Restrictions list through `items/delta`: the first call enumerates every item
// (following @odata.nextLink pages until @odata.deltaLink), later calls fetch only what changed.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig, ListNames } from '../../config/appConfig';

/** Where the list lives: the repository needs only its own list's name. */
export type RestrictionsListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: Pick<ListNames, 'restrictions'>;
};
import { apiPathFromLink } from '../client';
import { GraphAccessError } from '../errors';
import { listItemsDeltaPath } from '../sharePoint';
import { graphGet } from '../read';

export interface RawListItem {
  id: string;
  fields: Record<string, unknown>;
  eTag?: string;
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
/** A runaway nextLink chain must end in an error, not a hang: 1,000 pages of 999 is ~1M items. */
const MAX_PAGES = 1000;

interface DeltaPage {
  value?: unknown;
  '@odata.nextLink'?: unknown;
  '@odata.deltaLink'?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDeletion(entry: Record<string, unknown>): boolean {
  return isRecord(entry.deleted) || entry['@removed'] !== undefined;
}

function toRawListItem(entry: Record<string, unknown>, id: string): RawListItem {
  // An item without fields is still returned (with none) so the parser reports it as malformed
  // rather than it vanishing: a restriction must never be silently ignored.
  const fields = isRecord(entry.fields) ? entry.fields : {};
  const eTag = entry.eTag ?? entry['@odata.etag'];
  return typeof eTag === 'string' ? { id, fields, eTag } : { id, fields };
}

export class RestrictionsRepository implements RestrictionsSource {
  constructor(
    private readonly client: Client,
    private readonly sharePoint: RestrictionsListAddress,
  ) {}

  fullSync(): Promise<DeltaResult> {
    const firstPage = `${listItemsDeltaPath(this.sharePoint, this.sharePoint.lists.restrictions)}?$expand=fields&$top=${PAGE_SIZE}`;
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
    let path = firstPath;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = await this.getPage(path);
      for (const entry of Array.isArray(body.value) ? body.value : []) {
        if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') {
          continue; // nothing identifies it, so nothing can be matched, stored or removed
        }
        if (isDeletion(entry)) {
          changed.delete(entry.id);
          removed.add(entry.id);
        } else {
          removed.delete(entry.id);
          changed.set(entry.id, toRawListItem(entry, entry.id));
        }
      }
      const deltaLink = body['@odata.deltaLink'];
      if (typeof deltaLink === 'string') {
        return { items: [...changed.values()], removedIds: [...removed], deltaLink };
      }
      const nextLink = body['@odata.nextLink'];
      if (typeof nextLink !== 'string') {
        // Neither link: the enumeration is incomplete, and a partial list must never pass as whole.
        throw new GraphAccessError('unknown', { code: 'deltaEndMissing' });
      }
      path = apiPathFromLink(nextLink);
    }
    throw new GraphAccessError('unknown', { code: 'deltaTooManyPages' });
  }

  private async getPage(path: string): Promise<DeltaPage> {
    const body = await graphGet(this.client, path);
    if (!isRecord(body)) {
      throw new GraphAccessError('unknown', { code: 'deltaPageUnreadable' });
    }
    return body;
  }
}
