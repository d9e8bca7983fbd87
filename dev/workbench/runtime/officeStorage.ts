// OfficeRuntime.storage as the docs describe it: a Promise-based key/value store of strings, shared
// by the add-in's runtimes on one domain, "limited to 10 MB per domain"
// (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#storage-options,
// https://learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage). Backed by
// localStorage under a fixed prefix: the compose pane in the workbench reads and writes the same
// keys, so the prefix must stay exactly `OfficeRuntime.storage/`.
export const STORAGE_PREFIX = 'OfficeRuntime.storage/';
/** 10 MB, counted as UTF-16 code units of keys and values (what localStorage itself counts). */
export const STORAGE_LIMIT = 10 * 1024 * 1024;

export interface OfficeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getItems(keys: string[]): Promise<Record<string, string | null>>;
  setItems(items: Record<string, string>): Promise<void>;
  removeItems(keys: string[]): Promise<void>;
  getKeys(): Promise<string[]>;
}

export function officeStorage(backing: Storage): OfficeStorage {
  const keys = (): string[] => {
    const found: string[] = [];
    for (let i = 0; i < backing.length; i += 1) {
      const k = backing.key(i);
      if (k?.startsWith(STORAGE_PREFIX)) found.push(k.slice(STORAGE_PREFIX.length));
    }
    return found;
  };
  const used = (except: Set<string>): number =>
    keys()
      .filter((k) => !except.has(k))
      .reduce((n, k) => n + k.length + (backing.getItem(STORAGE_PREFIX + k)?.length ?? 0), 0);
  const check = (items: Record<string, string>): void => {
    for (const [k, v] of Object.entries(items)) {
      // The storage takes strings only; anything else is the caller's bug, so it fails loudly.
      if (typeof v !== 'string')
        throw new TypeError(`OfficeRuntime.storage: value of ${k} is not a string`);
    }
    const adding = Object.entries(items).reduce((n, [k, v]) => n + k.length + v.length, 0);
    if (used(new Set(Object.keys(items))) + adding > STORAGE_LIMIT)
      throw new Error('OfficeRuntime.storage: the 10 MB limit for this domain was exceeded.');
  };
  // Promises that settle on a later task, as a real asynchronous store does: a caller that forgets
  // to await sees the old value here too.
  const later = <T>(work: () => T): Promise<T> =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      }, 0),
    );
  return {
    getItem: (key) => later(() => backing.getItem(STORAGE_PREFIX + key)),
    setItem: (key, value) =>
      later(() => {
        check({ [key]: value });
        backing.setItem(STORAGE_PREFIX + key, value);
      }),
    removeItem: (key) => later(() => backing.removeItem(STORAGE_PREFIX + key)),
    getItems: (list) =>
      later(() => Object.fromEntries(list.map((k) => [k, backing.getItem(STORAGE_PREFIX + k)]))),
    setItems: (items) =>
      later(() => {
        check(items);
        for (const [k, v] of Object.entries(items)) backing.setItem(STORAGE_PREFIX + k, v);
      }),
    removeItems: (list) => later(() => list.forEach((k) => backing.removeItem(STORAGE_PREFIX + k))),
    getKeys: () => later(keys),
  };
}
