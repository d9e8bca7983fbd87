import 'fake-indexeddb/auto';
import { IndexedDbStore, MemoryStore, type KeyValueStore } from '../../../src/cache/keyValueStore';

describe.each<[string, () => KeyValueStore]>([
  ['MemoryStore', () => new MemoryStore()],
  ['IndexedDbStore', () => new IndexedDbStore('contact-guard-test', 'cache')],
])('%s', (_name, makeStore) => {
  it('gets what was set, undefined once deleted', async () => {
    const store = makeStore();
    await store.set('k', { items: [{ id: '1' }], at: 'x' });
    await expect(store.get('k')).resolves.toEqual({ items: [{ id: '1' }], at: 'x' });
    await store.delete('k');
    await expect(store.get('k')).resolves.toBeUndefined();
  });

  it('lists its keys', async () => {
    const store = makeStore();
    await store.set('restrictions|a', 1);
    await store.set('restrictions|b', 2);
    await store.delete('restrictions|a');
    await expect(store.keys()).resolves.toContain('restrictions|b');
    await expect(store.keys()).resolves.not.toContain('restrictions|a');
  });

  it('stores a copy, not the caller’s object', async () => {
    const store = makeStore();
    const value = { list: ['a'] };
    await store.set('copy', value);
    value.list.push('b');
    await expect(store.get('copy')).resolves.toEqual({ list: ['a'] });
  });
});

it('IndexedDbStore keeps values across instances on the same database', async () => {
  await new IndexedDbStore('contact-guard-persist', 'cache').set('k', 42);
  await expect(new IndexedDbStore('contact-guard-persist', 'cache').get('k')).resolves.toBe(42);
  await expect(new IndexedDbStore('another-db', 'cache').get('k')).resolves.toBeUndefined();
});
