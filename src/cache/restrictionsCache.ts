// The restrictions as last read from SharePoint, kept on the device so that the pane can give a
// verdict at once on a cold start, and refreshed with delta queries (only what changed).
import { toGraphAccessError } from '../graph/errors';
import type {
  DeltaResult,
  RawListItem,
  RestrictionsSource,
} from '../graph/repositories/restrictionsRepository';
import { parseRestrictionItem } from '../policy/restrictionItem';
import type { MalformedRestriction, Restriction } from '../policy/types';
import type { KeyValueStore } from './keyValueStore';

export interface RestrictionsSnapshot {
  restrictions: Restriction[];
  malformed: MalformedRestriction[];
  /** ISO date-time of the last successful read from SharePoint. */
  refreshedAt: string;
}

export interface RestrictionsCacheOptions {
  repository: RestrictionsSource;
  store: KeyValueStore;
  /** Should name the tenant, site and list (and user), so that one device never mixes them. */
  cacheKey: string;
  now?: () => Date;
  /**
   * Called with each snapshot a refresh read from SharePoint (not with copies loaded from the
   * device): the pane passes the list on to the send-time cache (issue 12). Its failures are
   * ignored: the verdict never waits for it.
   */
  onRefreshed?: (snapshot: RestrictionsSnapshot) => Promise<void> | void;
}

/**
 * What is kept on the device. Raw items, not parsed ones: a parser fix then applies at once. Only
 * the verdict's columns (the repository asks for and keeps no others). Version 2: version 1 copies
 * were read with every column of the list, so they are deleted, never read.
 */
const STORED_VERSION = 2;
interface StoredRestrictions {
  version: typeof STORED_VERSION;
  items: RawListItem[];
  deltaLink: string;
  refreshedAt: string;
}

interface CacheState {
  items: Map<string, RawListItem>;
  deltaLink: string;
  snapshot: RestrictionsSnapshot;
}

function isStoredRestrictions(value: unknown): value is StoredRestrictions {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<StoredRestrictions>;
  return (
    stored.version === STORED_VERSION &&
    typeof stored.deltaLink === 'string' &&
    typeof stored.refreshedAt === 'string' &&
    !Number.isNaN(Date.parse(stored.refreshedAt)) &&
    Array.isArray(stored.items) &&
    stored.items.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.id === 'string' &&
        typeof item.fields === 'object' &&
        item.fields !== null,
    )
  );
}

/** Parsed once per refresh (or load), never per verdict. */
function toSnapshot(items: Iterable<RawListItem>, refreshedAt: string): RestrictionsSnapshot {
  const restrictions: Restriction[] = [];
  const malformed: MalformedRestriction[] = [];
  for (const item of items) {
    const parsed = parseRestrictionItem({ id: item.id, fields: item.fields });
    if (parsed.ok) restrictions.push(parsed.restriction);
    else malformed.push(parsed.malformed);
  }
  return { restrictions, malformed, refreshedAt };
}

function applyDelta(
  previous: Map<string, RawListItem> | undefined,
  delta: DeltaResult,
): Map<string, RawListItem> {
  // Always a new map: the previous state must stay intact until the refresh has fully succeeded.
  const items = new Map(previous);
  for (const id of delta.removedIds) items.delete(id);
  for (const item of delta.items) items.set(item.id, item);
  return items;
}

export class RestrictionsCache {
  private readonly repository: RestrictionsSource;
  private readonly store: KeyValueStore;
  private readonly cacheKey: string;
  private readonly now: () => Date;
  private readonly onRefreshed: RestrictionsCacheOptions['onRefreshed'];
  private state: CacheState | null = null;
  private inFlight: Promise<RestrictionsSnapshot> | null = null;

  constructor(opts: RestrictionsCacheOptions) {
    this.repository = opts.repository;
    this.store = opts.store;
    this.cacheKey = opts.cacheKey;
    this.now = opts.now ?? (() => new Date());
    this.onRefreshed = opts.onRefreshed;
  }

  /** The snapshot in memory, synchronously; null before load() or refresh() has produced one. */
  current(): RestrictionsSnapshot | null {
    return this.state?.snapshot ?? null;
  }

  /**
   * Reads the copy saved on the device. Null when there is none or it cannot be read (storage
   * disabled, or written by an incompatible version): the caller then refreshes.
   */
  async load(): Promise<RestrictionsSnapshot | null> {
    const stored = await this.readStored();
    // Another pane on this device may have saved a newer copy; an older one never replaces ours.
    if (
      stored &&
      (!this.state || Date.parse(stored.refreshedAt) > Date.parse(this.state.snapshot.refreshedAt))
    ) {
      this.state = {
        items: new Map(stored.items.map((item) => [item.id, item])),
        deltaLink: stored.deltaLink,
        snapshot: toSnapshot(stored.items, stored.refreshedAt),
      };
    }
    return this.current();
  }

  /**
   * Brings the copy up to date: changes since the saved delta link, or a full read when there is
   * none or it has expired. Concurrent calls share one refresh. On failure the previous snapshot
   * stays as it was and a GraphAccessError is thrown.
   */
  refresh(): Promise<RestrictionsSnapshot> {
    this.inFlight ??= this.runRefresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async runRefresh(): Promise<RestrictionsSnapshot> {
    if (!this.state) {
      await this.load(); // a cold start with a saved link needs only the changes
    }
    const previous = this.state;
    let items: Map<string, RawListItem>;
    let deltaLink: string;
    try {
      const result = await this.readChanges(previous?.deltaLink);
      items = result.fullSync
        ? applyDelta(undefined, result.delta)
        : applyDelta(previous?.items, result.delta);
      deltaLink = result.delta.deltaLink;
    } catch (e) {
      throw toGraphAccessError(e);
    }
    const refreshedAt = this.now().toISOString();
    const next: CacheState = {
      items,
      deltaLink,
      snapshot: toSnapshot(items.values(), refreshedAt),
    };
    this.state = next;
    await this.save(next);
    this.tellRefreshed(next.snapshot);
    return next.snapshot;
  }

  private async readChanges(
    deltaLink: string | undefined,
  ): Promise<{ delta: DeltaResult; fullSync: boolean }> {
    if (deltaLink) {
      try {
        return { delta: await this.repository.changesSince(deltaLink), fullSync: false };
      } catch (e) {
        if (toGraphAccessError(e).kind !== 'gone') throw e;
        // 410 Gone: the link expired; only a full read can be trusted now.
      }
    }
    return { delta: await this.repository.fullSync(), fullSync: true };
  }

  private tellRefreshed(snapshot: RestrictionsSnapshot): void {
    try {
      void Promise.resolve(this.onRefreshed?.(snapshot)).catch(() => undefined);
    } catch {
      // A listener's failure is not the refresh's.
    }
  }

  private async readStored(): Promise<StoredRestrictions | null> {
    try {
      const stored = await this.store.get<unknown>(this.cacheKey);
      if (isStoredRestrictions(stored)) return stored;
      // An older version's copy (or one unreadable) may hold more than the verdict needs: gone.
      if (stored !== undefined) await this.store.delete(this.cacheKey);
      return null;
    } catch {
      return null; // storage unavailable (e.g. blocked in a private window): work without it
    }
  }

  private async save(state: CacheState): Promise<void> {
    const stored: StoredRestrictions = {
      version: STORED_VERSION,
      items: [...state.items.values()],
      deltaLink: state.deltaLink,
      refreshedAt: state.snapshot.refreshedAt,
    };
    try {
      await this.store.set(this.cacheKey, stored);
    } catch {
      // The fresh copy is in memory and verdicts can use it; the next refresh tries to save again.
      console.warn('Contact Guard: could not save the restrictions on this device');
    }
  }
}
