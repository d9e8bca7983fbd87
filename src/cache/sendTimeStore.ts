// The send-time cache on the device (issue 12): what the event handlers decide from, kept in
// `OfficeRuntime.storage` under SEND_TIME_STORAGE_KEY. That store is the one both runtimes have:
// classic Outlook's JavaScript-only runtime has no localStorage and no IndexedDB, and
// OfficeRuntime.storage is "a shared storage solution ... multiple parts of an add-in are able to
// access the same data" (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-runtime,
// "Store and access data"; 10 MB per domain, unencrypted). So the task pane writes it when it reads
// the list, and the handlers write it when they refresh.
//
// The stored copy names its user: on a shared computer one user's copy is never read for another
// (the same rule as the pane's cache). Values are strings (the API stores strings).
import { SEND_TIME_STORAGE_KEY } from '../launchevent/names';
import { normalizeAddress } from '../policy/addresses';
import {
  indexFromSendTimeCache,
  sendTimeCacheOf,
  type SendTimeCache,
} from '../policy/sendTime/cache';
import type { MalformedRestriction, Restriction } from '../policy/types';
import type { RestrictionIndex } from '../policy/verdict';

/** The part of `OfficeRuntime.storage` used here (Promise-based, string values). */
export interface SendTimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

interface StoredSendTimeCache {
  /** The signed-in user the list was read for, normalised. */
  user: string;
  /** ISO date-time the list was read. */
  savedAt: string;
  cache: SendTimeCache;
}

export interface LoadedSendTimeCache {
  index: RestrictionIndex;
  savedAt: Date;
}

/** `OfficeRuntime.storage` where this runtime has it (task pane, both event runtimes). */
export function officeRuntimeStorage(): SendTimeStorage | undefined {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: Partial<SendTimeStorage> } })
    .OfficeRuntime;
  const storage = runtime?.storage;
  if (!storage || typeof storage.getItem !== 'function' || typeof storage.setItem !== 'function')
    return undefined;
  return storage as SendTimeStorage;
}

/** The user's cache, or undefined (none, another user's, unreadable, from the future). */
export async function loadSendTimeCache(
  storage: SendTimeStorage,
  user: string,
  now: Date,
): Promise<LoadedSendTimeCache | undefined> {
  let stored: Partial<StoredSendTimeCache>;
  try {
    const text = await storage.getItem(SEND_TIME_STORAGE_KEY);
    if (typeof text !== 'string') return undefined;
    stored = JSON.parse(text) as Partial<StoredSendTimeCache>;
  } catch {
    return undefined;
  }
  const me = normalizeAddress(user);
  if (!me || typeof stored !== 'object' || stored === null || stored.user !== me) return undefined;
  const savedAt = new Date(typeof stored.savedAt === 'string' ? stored.savedAt : NaN);
  if (Number.isNaN(savedAt.getTime()) || savedAt.getTime() > now.getTime() + 60_000)
    return undefined;
  const index = indexFromSendTimeCache(stored.cache);
  return index ? { index, savedAt } : undefined;
}

/** Writes the user's cache from a freshly read list. */
export async function saveSendTimeCache(
  storage: SendTimeStorage,
  user: string,
  list: { restrictions: readonly Restriction[]; malformed: readonly MalformedRestriction[] },
  readAt: Date,
): Promise<void> {
  const me = normalizeAddress(user);
  if (!me) return;
  const stored: StoredSendTimeCache = {
    user: me,
    savedAt: readAt.toISOString(),
    cache: sendTimeCacheOf(list.restrictions, list.malformed),
  };
  await storage.setItem(SEND_TIME_STORAGE_KEY, JSON.stringify(stored));
}
