import { MemoryStore, type KeyValueStore } from '../../../src/cache/keyValueStore';
import { RestrictionsCache } from '../../../src/cache/restrictionsCache';
import { GraphAccessError } from '../../../src/graph/errors';
import type {
  DeltaResult,
  RawListItem,
  RestrictionsSource,
} from '../../../src/graph/repositories/restrictionsRepository';

function restrictionItem(
  id: string,
  email: string,
  extra: Record<string, unknown> = {},
): RawListItem {
  return {
    id,
    fields: {
      Title: `Person ${id}`,
      Emails: email,
      Status: 'Active',
      StartDate: '2025-01-06',
      EndDate: '2025-07-18',
      Handling: 'Forward',
      SpocName: 'School Office',
      SpocEmail: 'office@oakfield.sch.uk',
      ...extra,
    },
  };
}

/** A source whose answers each test scripts; records which calls were made. */
class ScriptedSource implements RestrictionsSource {
  calls: string[] = [];
  full: () => Promise<DeltaResult> = async () => ({ items: [], removedIds: [], deltaLink: 'L0' });
  changes: (link: string) => Promise<DeltaResult> = async (link) => ({
    items: [],
    removedIds: [],
    deltaLink: link,
  });

  fullSync(): Promise<DeltaResult> {
    this.calls.push('full');
    return this.full();
  }

  changesSince(deltaLink: string): Promise<DeltaResult> {
    this.calls.push(`changes:${deltaLink}`);
    return this.changes(deltaLink);
  }
}

const CLOCK = [
  new Date('2025-03-10T09:00:00Z'),
  new Date('2025-03-10T09:05:00Z'),
  new Date('2025-03-10T09:10:00Z'),
];

function setup(store: KeyValueStore = new MemoryStore()) {
  const source = new ScriptedSource();
  let tick = 0;
  const cache = new RestrictionsCache({
    repository: source,
    store,
    cacheKey: 'restrictions:test',
    now: () => CLOCK[Math.min(tick++, CLOCK.length - 1)]!,
  });
  return { source, cache, store };
}

describe('RestrictionsCache', () => {
  it('has nothing before the first load or refresh', async () => {
    const { cache } = setup();
    expect(cache.current()).toBeNull();
    await expect(cache.load()).resolves.toBeNull();
  });

  it('does a full sync first, parsing items once into restrictions and malformed', async () => {
    const { cache, source } = setup();
    source.full = async () => ({
      items: [
        restrictionItem('1', 'pat@example.org'),
        restrictionItem('2', 'sam@example.org', { EndDate: '' }),
      ],
      removedIds: [],
      deltaLink: 'L1',
    });
    const snapshot = await cache.refresh();
    expect(source.calls).toEqual(['full']);
    expect(snapshot.restrictions.map((r) => r.id)).toEqual(['1']);
    expect(snapshot.malformed).toEqual([
      expect.objectContaining({
        id: '2',
        emails: ['sam@example.org'],
        problems: ['EndDate is missing'],
      }),
    ]);
    expect(snapshot.refreshedAt).toBe('2025-03-10T09:00:00.000Z');
    expect(cache.current()).toBe(snapshot);
  });

  it('then asks only for changes since the saved link, applying updates and removals', async () => {
    const { cache, source } = setup();
    source.full = async () => ({
      items: [restrictionItem('1', 'pat@example.org'), restrictionItem('2', 'sam@example.org')],
      removedIds: [],
      deltaLink: 'L1',
    });
    await cache.refresh();
    source.changes = async () => ({
      items: [restrictionItem('1', 'pat.new@example.org'), restrictionItem('3', 'lee@example.org')],
      removedIds: ['2'],
      deltaLink: 'L2',
    });
    const snapshot = await cache.refresh();
    expect(source.calls).toEqual(['full', 'changes:L1']);
    expect(snapshot.restrictions.map((r) => [r.id, r.emails])).toEqual([
      ['1', ['pat.new@example.org']],
      ['3', ['lee@example.org']],
    ]);
    await cache.refresh();
    expect(source.calls.at(-1)).toBe('changes:L2');
  });

  it('starts again with a full sync when the delta link has expired (410)', async () => {
    const { cache, source } = setup();
    source.full = async () => ({
      items: [restrictionItem('1', 'a@example.org')],
      removedIds: [],
      deltaLink: 'L1',
    });
    await cache.refresh();
    source.changes = async () => {
      throw new GraphAccessError('gone', { status: 410 });
    };
    source.full = async () => ({
      items: [restrictionItem('7', 'b@example.org')],
      removedIds: [],
      deltaLink: 'L9',
    });
    const snapshot = await cache.refresh();
    expect(source.calls).toEqual(['full', 'changes:L1', 'full']);
    // A full sync replaces everything: item 1 was deleted while the link was stale.
    expect(snapshot.restrictions.map((r) => r.id)).toEqual(['7']);
  });

  it('keeps the previous snapshot when a refresh fails, and rethrows as GraphAccessError', async () => {
    const { cache, source } = setup();
    source.full = async () => ({
      items: [restrictionItem('1', 'a@example.org')],
      removedIds: [],
      deltaLink: 'L1',
    });
    const before = await cache.refresh();
    source.changes = async () => {
      throw new TypeError('fetch failed');
    };
    const failure = await cache.refresh().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphAccessError);
    expect((failure as GraphAccessError).kind).toBe('offline');
    expect(cache.current()).toBe(before);
    // The saved link is still the old one, so the next refresh asks for the same changes.
    source.changes = async () => ({ items: [], removedIds: [], deltaLink: 'L2' });
    await cache.refresh();
    expect(source.calls).toEqual(['full', 'changes:L1', 'changes:L1']);
  });

  it('does not fall back to a full sync for errors other than gone', async () => {
    const { cache, source } = setup();
    await cache.refresh();
    source.changes = async () => {
      throw new GraphAccessError('throttled', { status: 429 });
    };
    await expect(cache.refresh()).rejects.toMatchObject({ kind: 'throttled' });
    expect(source.calls).toEqual(['full', 'changes:L0']);
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    const { cache, source } = setup();
    let release: (result: DeltaResult) => void = () => undefined;
    source.full = () =>
      new Promise<DeltaResult>((resolve) => {
        release = resolve;
      });
    const first = cache.refresh();
    const second = cache.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    release({ items: [restrictionItem('1', 'a@example.org')], removedIds: [], deltaLink: 'L1' });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(source.calls).toEqual(['full']);
    await cache.refresh(); // and a later call starts a new one
    expect(source.calls).toEqual(['full', 'changes:L1']);
  });

  it('survives a new instance with the same store, continuing from the saved link', async () => {
    const store = new MemoryStore();
    const first = setup(store);
    first.source.full = async () => ({
      items: [restrictionItem('1', 'a@example.org'), restrictionItem('2', 'bad', { Emails: '' })],
      removedIds: [],
      deltaLink: 'L1',
    });
    const saved = await first.cache.refresh();

    const second = setup(store);
    const loaded = await second.cache.load();
    expect(loaded).toEqual(saved);
    expect(second.cache.current()).toEqual(saved);
    await second.cache.refresh();
    expect(second.source.calls).toEqual(['changes:L1']);
  });

  it('loads the saved copy by itself on a cold refresh', async () => {
    const store = new MemoryStore();
    const first = setup(store);
    await first.cache.refresh();
    const second = setup(store);
    await second.cache.refresh();
    expect(second.source.calls).toEqual(['changes:L0']);
  });

  it('ignores a saved copy it cannot read', async () => {
    const store = new MemoryStore();
    await store.set('restrictions:test', { version: 99, items: 'nonsense' });
    const { cache, source } = setup(store);
    await expect(cache.load()).resolves.toBeNull();
    await cache.refresh();
    expect(source.calls).toEqual(['full']);
  });

  it('works without device storage: reads fail soft, a failed save keeps the fresh copy', async () => {
    const broken: KeyValueStore = {
      get: async () => {
        throw new Error('storage blocked');
      },
      set: async () => {
        throw new Error('quota exceeded');
      },
      delete: async () => undefined,
      keys: async () => [],
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { cache, source } = setup(broken);
    source.full = async () => ({
      items: [restrictionItem('1', 'a@example.org')],
      removedIds: [],
      deltaLink: 'L1',
    });
    await expect(cache.load()).resolves.toBeNull();
    const snapshot = await cache.refresh();
    expect(snapshot.restrictions).toHaveLength(1);
    expect(cache.current()).toBe(snapshot);
    expect(warn).toHaveBeenCalledWith(expect.not.stringContaining('a@example.org'));
    warn.mockRestore();
  });

  it('does not let an older saved copy replace a newer one in memory', async () => {
    const store = new MemoryStore();
    const { cache, source } = setup(store);
    await cache.refresh(); // saved at 09:00
    source.full = async () => ({
      items: [restrictionItem('5', 'e@example.org')],
      removedIds: [],
      deltaLink: 'L5',
    });
    source.changes = async () => ({
      items: [restrictionItem('5', 'e@example.org')],
      removedIds: [],
      deltaLink: 'L5',
    });
    const newer = await cache.refresh(); // 09:05
    await store.set('restrictions:test', {
      version: 2,
      items: [],
      deltaLink: 'OLD',
      refreshedAt: '2025-03-10T08:00:00.000Z',
    });
    await expect(cache.load()).resolves.toBe(newer);
  });
});

describe('RestrictionsCache onRefreshed (the send-time cache, issue 12)', () => {
  it('is told each snapshot read from SharePoint, never a copy loaded from the device', async () => {
    const store = new MemoryStore();
    const first = setup(store);
    first.source.full = async () => ({
      items: [restrictionItem('1', 'pat@example.org')],
      removedIds: [],
      deltaLink: 'L1',
    });
    await first.cache.refresh();

    const told: string[] = [];
    const cache = new RestrictionsCache({
      repository: first.source,
      store,
      cacheKey: 'restrictions:test',
      onRefreshed: (snapshot) => {
        told.push(snapshot.restrictions.map((r) => r.id).join(','));
      },
    });
    await cache.load();
    expect(told).toEqual([]);
    await cache.refresh();
    expect(told).toEqual(['1']);
  });

  it("a listener that fails does not fail the refresh or the verdict's snapshot", async () => {
    const source = new ScriptedSource();
    const cache = new RestrictionsCache({
      repository: source,
      store: new MemoryStore(),
      cacheKey: 'k',
      onRefreshed: () => Promise.reject(new Error('storage full')),
    });
    await expect(cache.refresh()).resolves.toEqual(expect.objectContaining({ restrictions: [] }));
    const throwing = new RestrictionsCache({
      repository: source,
      store: new MemoryStore(),
      cacheKey: 'k2',
      onRefreshed: () => {
        throw new Error('sync failure');
      },
    });
    await expect(throwing.refresh()).resolves.toBeDefined();
  });
});
