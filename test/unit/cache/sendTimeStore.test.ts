// The send-time cache in OfficeRuntime.storage (issue 12): one user's copy, never another's; an
// unreadable or impossible copy is none (the handler then refreshes or lets the mail go).
import {
  allSendTimeStorages,
  handlerStorage,
  loadSendTimeCache,
  saveSendTimeCache,
  type SendTimeStorage,
} from '../../../src/cache/sendTimeStore';
import { SEND_TIME_STORAGE_KEY } from '../../../src/launchevent/names';
import { restriction } from '../policy/fixtures';

class MemoryStorage implements SendTimeStorage {
  readonly values = new Map<string, string>();
  getItem(key: string) {
    return Promise.resolve(this.values.get(key) ?? null);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

const NOW = new Date('2026-05-14T09:00:00Z');
const list = { restrictions: [restriction()], malformed: [] };

describe('send-time cache store', () => {
  it('round-trips for the same user (any case), with when it was read', async () => {
    const storage = new MemoryStorage();
    await saveSendTimeCache(storage, 'TA@School.example.org', list, NOW);
    const loaded = await loadSendTimeCache(storage, 'ta@school.example.org', NOW);
    expect(loaded?.savedAt.toISOString()).toBe(NOW.toISOString());
    expect(loaded?.index.byAddress.has("o'brien@school-parent.org")).toBe(true);
  });

  it('stores only what the decision needs (no guidance, allowed contact or emergency note)', async () => {
    const storage = new MemoryStorage();
    await saveSendTimeCache(storage, 'ta@school.example.org', list, NOW);
    const text = storage.values.get(SEND_TIME_STORAGE_KEY) ?? '';
    expect(text).not.toContain('Do not reply');
    expect(text).not.toContain('phone the office');
    expect(text).not.toContain('Email to the head teacher only');
  });

  it("never reads another user's copy", async () => {
    const storage = new MemoryStorage();
    await saveSendTimeCache(storage, 'someone@school.example.org', list, NOW);
    expect(await loadSendTimeCache(storage, 'ta@school.example.org', NOW)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{'],
    ['no user', JSON.stringify({ savedAt: NOW.toISOString(), cache: {} })],
    [
      'another version',
      JSON.stringify({
        user: 'ta@school.example.org',
        savedAt: NOW.toISOString(),
        cache: { version: 99 },
      }),
    ],
    [
      'a date in the future',
      JSON.stringify({
        user: 'ta@school.example.org',
        savedAt: '2030-01-01T00:00:00Z',
        cache: { version: 1, restrictions: [], unreadable: [] },
      }),
    ],
    [
      'no date',
      JSON.stringify({
        user: 'ta@school.example.org',
        cache: { version: 1, restrictions: [], unreadable: [] },
      }),
    ],
  ])('an unusable copy (%s) is none', async (_, text) => {
    const storage = new MemoryStorage();
    storage.values.set(SEND_TIME_STORAGE_KEY, text);
    expect(await loadSendTimeCache(storage, 'ta@school.example.org', NOW)).toBeUndefined();
  });

  it('a storage that fails to read is none', async () => {
    const storage: SendTimeStorage = {
      getItem: () => Promise.reject(new Error('quota')),
      setItem: () => Promise.resolve(),
    };
    expect(await loadSendTimeCache(storage, 'ta@school.example.org', NOW)).toBeUndefined();
  });
});

describe('which store each runtime uses', () => {
  const g = globalThis as { OfficeRuntime?: unknown; localStorage?: unknown };
  afterEach(() => {
    delete g.OfficeRuntime;
    delete g.localStorage;
  });

  it('classic Outlook (OfficeRuntime.storage, no localStorage): OfficeRuntime.storage', () => {
    const storage = new MemoryStorage();
    g.OfficeRuntime = { storage };
    expect(handlerStorage()).toBe(storage);
    expect(allSendTimeStorages()).toEqual([storage]);
  });

  it('web, new Outlook, Mac (localStorage only): localStorage', async () => {
    const values = new Map<string, string>();
    g.localStorage = {
      getItem: (k: string) => values.get(k) ?? null,
      setItem: (k: string, v: string) => void values.set(k, v),
    };
    const storage = handlerStorage();
    await storage?.setItem('a', 'b');
    expect(values.get('a')).toBe('b');
    expect(await storage?.getItem('a')).toBe('b');
  });

  it('neither: none (the handler then lets the mail go unchecked)', () => {
    expect(handlerStorage()).toBeUndefined();
    expect(allSendTimeStorages()).toEqual([]);
  });
});

describe('a late read never replaces a newer copy', () => {
  it('keeps the newer copy when an older read is saved after it', async () => {
    const storage = new MemoryStorage();
    await saveSendTimeCache(storage, 'ta@school.example.org', list, NOW);
    const older = new Date(NOW.getTime() - 60_000);
    await saveSendTimeCache(
      storage,
      'ta@school.example.org',
      { restrictions: [], malformed: [] },
      older,
    );
    const loaded = await loadSendTimeCache(storage, 'ta@school.example.org', NOW);
    expect(loaded?.savedAt.toISOString()).toBe(NOW.toISOString());
    expect(loaded?.index.byAddress.size).toBeGreaterThan(0);
  });
});
