// Device storage behind a four-method port: IndexedDB in the pane, memory in tests and in Node.
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key in the store (to forget another user's copies on a shared computer). */
  keys(): Promise<string[]>;
}

/**
 * IndexedDB through idb-keyval, in a database of our own (not idb-keyval's shared default) so that
 * clearing it touches nothing else on the origin.
 */
export class IndexedDbStore implements KeyValueStore {
  private store: UseStore | undefined;

  constructor(
    private readonly dbName = 'contact-guard',
    private readonly storeName = 'cache',
  ) {}

  get<T>(key: string): Promise<T | undefined> {
    return get<T>(key, this.useStore());
  }

  set<T>(key: string, value: T): Promise<void> {
    return set(key, value, this.useStore());
  }

  delete(key: string): Promise<void> {
    return del(key, this.useStore());
  }

  async keys(): Promise<string[]> {
    const found = await keys(this.useStore());
    return found.filter((key): key is string => typeof key === 'string');
  }

  // Opened on first use: createStore opens the database at once, and constructing the store must
  // not fail where IndexedDB is missing (the failure belongs to the first read or write).
  private useStore(): UseStore {
    this.store ??= createStore(this.dbName, this.storeName);
    return this.store;
  }
}

/** Copies values in and out (as IndexedDB does), so callers cannot change what is stored by accident. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();

  async get<T>(key: string): Promise<T | undefined> {
    return this.values.has(key) ? structuredClone(this.values.get(key) as T) : undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.values.set(key, structuredClone(value));
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }
}
