// The shared reception PC: when another member of staff opens the pane, the previous user's
// restrictions copies are deleted from the device, their outbox is kept (and never sent or shown
// under the new user), and the device remembers a hash of the address, not the address.
import { createHash } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createContactEvents } from '../../../src/app/events/createContactEvents';
import { forgetOtherUsers, LAST_USER_STORAGE_KEY } from '../../../src/app/forgetOtherUsers';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import { defaultConfig } from '../../../src/config/appConfig';
import { GraphCalls } from '../../../src/graph/graphCalls';
import type { MailHost } from '../../../src/host/mailHost';
import { sampleEvent } from '../events/sampleEvent';

const SAM = 'sam.teacher@oakfield.sch.uk';
const JO = 'jo.head@oakfield.sch.uk';
const SITE = 'oakfield.sharepoint.com/sites/ContactGuard';
const restrictionsKey = (user: string) => `restrictions|${SITE}|Contact Restrictions|${user}`;
const outboxKey = (user: string) => `outbox|${SITE}|${user}`;

class MemoryStorage {
  readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('forgetOtherUsers', () => {
  it('remembers a SHA-256 hash of the lower-cased address, never the address', async () => {
    const storage = new MemoryStorage();
    await forgetOtherUsers({
      user: 'Sam.Teacher@Oakfield.sch.uk',
      restrictionsStore: new MemoryStore(),
      storage,
    });
    expect(storage.getItem(LAST_USER_STORAGE_KEY)).toBe(sha256(SAM));
    expect([...storage.values.values()].join()).not.toMatch(/sam|oakfield/i);
  });

  it("deletes other users' restrictions copies when the user changed, keeping this user's", async () => {
    const storage = new MemoryStorage();
    const restrictionsStore = new MemoryStore();
    await forgetOtherUsers({ user: JO, restrictionsStore, storage });
    await restrictionsStore.set(restrictionsKey(JO), { version: 1 });
    await restrictionsStore.set(`restrictions|other.sharepoint.com/sites/X|List|${JO}`, 1);
    await restrictionsStore.set(restrictionsKey(SAM), { version: 1 });
    await restrictionsStore.set('something-else', 1);

    const result = await forgetOtherUsers({ user: SAM, restrictionsStore, storage });
    expect(result.switched).toBe(true);
    expect((await restrictionsStore.keys()).sort()).toEqual(
      [restrictionsKey(SAM), 'something-else'].sort(),
    );
    expect(storage.getItem(LAST_USER_STORAGE_KEY)).toBe(sha256(SAM));
  });

  it('deletes nothing when the same user opens the pane again (whatever the case)', async () => {
    const storage = new MemoryStorage();
    const restrictionsStore = new MemoryStore();
    await forgetOtherUsers({ user: SAM, restrictionsStore, storage });
    await restrictionsStore.set(restrictionsKey(JO), { version: 1 });
    const result = await forgetOtherUsers({
      user: SAM.toUpperCase(),
      restrictionsStore,
      storage,
    });
    expect(result).toEqual({ switched: false, removed: [] });
    await expect(restrictionsStore.keys()).resolves.toEqual([restrictionsKey(JO)]);
  });

  it("keeps other users' outboxes (a logged event is never dropped)", async () => {
    const storage = new MemoryStorage();
    const restrictionsStore = new MemoryStore();
    const outboxStore = new MemoryStore();
    await outboxStore.set(outboxKey(JO), [{ status: 'waiting' }]);
    await forgetOtherUsers({ user: JO, restrictionsStore, storage });
    await forgetOtherUsers({ user: SAM, restrictionsStore, storage });
    await expect(outboxStore.get(outboxKey(JO))).resolves.toEqual([{ status: 'waiting' }]);
  });
});

describe("another user's outbox under this user", () => {
  const event = (key: string, email: string) => sampleEvent(key, { name: 'Someone', email });

  it('is neither loaded, shown nor sent: it waits for its owner', async () => {
    const store = new MemoryStore();
    const jos = [{ event: event('jo-1', JO), status: 'waiting', attempts: 0 }];
    // Sam's own entry is one that failed (unsent, so still on the device, and not retried by
    // itself: nothing goes to Graph). A saved one is no longer kept on the device at all.
    const sams = [
      {
        event: event('sam-1', SAM),
        status: 'failed',
        attempts: 1,
        lastErrorKind: 'badRequest',
      },
    ];
    await store.set(outboxKey(JO), jos);
    await store.set(outboxKey(SAM), sams);
    const touched: string[] = [];
    const client = new Proxy(
      {},
      {
        get: (_target, property) => {
          touched.push(String(property));
          throw new Error('no Graph in this test');
        },
      },
    ) as Client;
    const host: MailHost = {
      kind: 'office',
      getCurrentMessage: () => Promise.resolve(null),
      onMessageChanged: () => () => undefined,
      getTheme: () => 'light',
      onThemeChanged: () => () => undefined,
      getUser: () => ({ displayName: 'Sam Teacher', emailAddress: 'Sam.Teacher@oakfield.sch.uk' }),
    };
    const events = createContactEvents({
      config: defaultConfig,
      host,
      client: new GraphCalls(client),
      restrictions: {
        current: () => null,
        load: () => Promise.resolve(null),
        refresh: () => Promise.reject(new Error('not used')),
      },
      store,
    });
    await events.outbox.start();
    for (let round = 0; round < 10; round += 1) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(events.outbox.snapshot().map((e) => e.event.key)).toEqual(['sam-1']);
    expect(events.outbox.entryFor('jo-1')).toBeUndefined();
    expect(touched).toEqual([]);
    await expect(store.get(outboxKey(JO))).resolves.toEqual(jos);
    events.outbox.stop();
  });
});
