// The send-time cache on the device (issue 12): what the event handlers decide from, kept under
// SEND_TIME_STORAGE_KEY in the store each runtime has:
//   - classic Outlook on Windows runs the handlers in a JavaScript-only runtime with no
//     localStorage and no IndexedDB, and OfficeRuntime.storage ("available starting in Mailbox
//     1.10 ... only with the event-based activation feature implemented in Outlook on Windows.
//     This interface isn't supported in Outlook on Mac or on the web", learn.microsoft.com/
//     javascript/api/office-runtime/officeruntime.storage; 10 MB per domain, unencrypted);
//   - Outlook on the web, new Outlook and Mac run them in a browser runtime of the add-in's origin,
//     which has localStorage (learn.microsoft.com/office/dev/add-ins/testing/runtimes), shared with
//     the task pane of the same origin.
// So the handlers use OfficeRuntime.storage where it exists and localStorage otherwise, and the task
// pane writes to every one it has when it reads the list; the handlers also refresh it themselves.
//
// The stored copy names its user: on a shared computer one user's copy is never read for another
// (the same rule as the pane's cache). Values are strings (both APIs store strings).
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

/** `OfficeRuntime.storage`, where this runtime has it (classic Outlook on Windows). */
export function officeRuntimeStorage(): SendTimeStorage | undefined {
  try {
    const runtime = (globalThis as { OfficeRuntime?: { storage?: Partial<SendTimeStorage> } })
      .OfficeRuntime;
    const storage = runtime?.storage;
    if (!storage || typeof storage.getItem !== 'function' || typeof storage.setItem !== 'function')
      return undefined;
    return storage as SendTimeStorage;
  } catch {
    return undefined;
  }
}

/** localStorage as a SendTimeStorage, where this runtime has it (browser runtimes). */
export function browserStorage(): SendTimeStorage | undefined {
  let local: Storage | undefined;
  try {
    // Reading the property itself throws where storage is blocked.
    local = (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    return undefined;
  }
  if (!local) return undefined;
  const store = local;
  return {
    getItem: (key) => Promise.resolve().then(() => store.getItem(key)),
    setItem: (key, value) => Promise.resolve().then(() => store.setItem(key, value)),
  };
}

/** The store the event handlers read: OfficeRuntime.storage, else localStorage, else none. */
export function handlerStorage(): SendTimeStorage | undefined {
  return officeRuntimeStorage() ?? browserStorage();
}

/**
 * A store for this runtime only, when it has none of its own (users report OfficeRuntime.storage
 * undefined in classic Outlook's event runtime, OfficeDev/office-js#3312, #6106, and localStorage
 * refused in Outlook on the web's, #2177): a refresh is then used for this event and those that
 * follow while the runtime lives, and the next start refreshes again.
 */
export function memoryStorage(): SendTimeStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => Promise.resolve(values.get(key) ?? null),
    setItem: (key, value) => {
      values.set(key, value);
      return Promise.resolve();
    },
  };
}

/** Every store this runtime has (the task pane writes to each, so either runtime finds it). */
export function allSendTimeStorages(): SendTimeStorage[] {
  return [officeRuntimeStorage(), browserStorage()].filter(
    (s): s is SendTimeStorage => s !== undefined,
  );
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
  // A read that finished late (a handler's refresh outliving its budget) never replaces a newer
  // copy written meanwhile (by the pane or another event).
  const current = await loadSendTimeCache(storage, me, readAt).catch(() => undefined);
  if (current && current.savedAt.getTime() > readAt.getTime()) return;
  const stored: StoredSendTimeCache = {
    user: me,
    savedAt: readAt.toISOString(),
    cache: sendTimeCacheOf(list.restrictions, list.malformed),
  };
  await storage.setItem(SEND_TIME_STORAGE_KEY, JSON.stringify(stored));
}
