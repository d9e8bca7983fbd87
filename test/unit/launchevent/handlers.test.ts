// The event handlers (issue 12) with a fake Outlook: what Outlook is told on send and while
// composing. Rules: docs/send-time.md and docs/policies.md "Send time" (002 §55, §57; 000 §6.1;
// DOMAIN "platform facts": SoftBlock, never stop mail on our own failure; never say "clear").
import { saveSendTimeCache, type SendTimeStorage } from '../../../src/cache/sendTimeStore';
import {
  SEND_STALE_MS,
  SMART_ALERT_PANE_LABEL,
  createHandlers,
} from '../../../src/launchevent/handlers';
import {
  COMPOSE_NOTIFICATION_KEY,
  COMPOSE_PANE_COMMAND_ID,
  SEND_ANYWAY_SESSION_KEY,
  SEND_TIME_STORAGE_KEY,
} from '../../../src/launchevent/names';
import { checkedClearMarker, decideSend, sendAnywayMarkerFor } from '../../../src/policy/sendTime';
import { buildRestrictionIndex } from '../../../src/policy/verdict';
import type { Restriction } from '../../../src/policy/types';
import { restriction } from '../policy/fixtures';
import { fakeOffice, launchEvent, type FakeOfficeOptions } from './fakeOffice';

const PARENT = "o'brien@school-parent.org";
const SPOC = 'head@school.example.org';
const STAFF = 'ta@school.example.org';
// 14 May 2026, 10:00 in London: TODAY of the policy fixtures.
const NOW = new Date('2026-05-14T09:00:00Z');

class MemoryStorage implements SendTimeStorage {
  readonly values = new Map<string, string>();
  getItem(key: string): Promise<string | null> {
    return Promise.resolve(this.values.get(key) ?? null);
  }
  setItem(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

async function cachedStorage(
  restrictions: Restriction[] = [restriction()],
  options: { user?: string; savedAt?: Date } = {},
): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  await saveSendTimeCache(
    storage,
    options.user ?? STAFF,
    { restrictions, malformed: [] },
    options.savedAt ?? NOW,
  );
  return storage;
}

function setUp(
  officeOptions: FakeOfficeOptions,
  deps: {
    storage?: SendTimeStorage;
    refresh?: (user: string) => Promise<void>;
    watchdogMs?: number;
  } = {},
) {
  const fake = fakeOffice(officeOptions);
  const handlers = createHandlers({
    office: fake.office,
    storage: deps.storage,
    refresh: deps.refresh,
    now: () => NOW,
    watchdogMs: deps.watchdogMs,
  });
  return { ...fake, handlers };
}

async function send(
  officeOptions: FakeOfficeOptions,
  deps: Parameters<typeof setUp>[1] = {},
): Promise<Record<string, unknown> | undefined> {
  const { handlers } = setUp(officeOptions, deps);
  const { event, done } = launchEvent();
  await handlers.onMessageSend(event);
  return done;
}

describe('OnMessageSend: a restricted recipient stops the send (002 §55, §57)', () => {
  it.each(['to', 'cc', 'bcc'] as const)('a parent in %s is stopped, the SPOC named', async (f) => {
    const options = await send(
      { [f]: [{ emailAddress: PARENT }] },
      { storage: await cachedStorage() },
    );
    expect(options?.allowEvent).toBe(false);
    expect(String(options?.errorMessage)).toContain('Head Teacher');
    expect(String(options?.errorMessage)).toContain(SPOC);
    expect(String(options?.errorMessage).length).toBeLessThanOrEqual(500);
  });

  it('from Mailbox 1.14 the dialog button opens the compose pane', async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }] },
      { storage: await cachedStorage() },
    );
    expect(options).toMatchObject({
      cancelLabel: SMART_ALERT_PANE_LABEL,
      commandId: COMPOSE_PANE_COMMAND_ID,
    });
    expect(SMART_ALERT_PANE_LABEL.length).toBeLessThanOrEqual(20);
  });

  it('before Mailbox 1.14 the dialog has no pane button (1.12 options only)', async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }], mailbox: '1.13' },
      { storage: await cachedStorage() },
    );
    expect(options?.allowEvent).toBe(false);
    expect(options).not.toHaveProperty('commandId');
    expect(options).not.toHaveProperty('cancelLabel');
  });

  it('the SPOC sending is not stopped (002 §55)', async () => {
    const options = await send(
      { user: SPOC, to: [{ emailAddress: PARENT }] },
      { storage: await cachedStorage([restriction()], { user: SPOC }) },
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it("sending from the SPOC's shared mailbox is not stopped (002 §57)", async () => {
    const office = 'office@school.example.org';
    const options = await send(
      { to: [{ emailAddress: PARENT }], from: office },
      { storage: await cachedStorage([restriction({ spocEmail: office })]) },
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('an unrestricted recipient sends at once, with nothing said', async () => {
    const options = await send(
      { to: [{ emailAddress: 'someone@example.org' }] },
      { storage: await cachedStorage() },
    );
    expect(options).toEqual({ allowEvent: true });
  });
});

describe('OnMessageSend: "send anyway, with a reason"', () => {
  function markerFor(addresses: string[]): string {
    const index = buildRestrictionIndex([restriction()], []);
    const decision = decideSend({
      recipients: { to: addresses.map((address) => ({ address })), cc: [], bcc: [] },
      sender: { userAddress: STAFF },
      index,
      today: '2026-05-14',
    });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    return JSON.stringify(sendAnywayMarkerFor(decision, 'SentAnyway:1', NOW.toISOString()));
  }

  it('a marker covering every stopped recipient lets this item through', async () => {
    const options = await send(
      {
        to: [{ emailAddress: PARENT }],
        sessionData: { [SEND_ANYWAY_SESSION_KEY]: markerFor([PARENT]) },
      },
      { storage: await cachedStorage() },
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('a restricted recipient added after the reason was given is stopped again', async () => {
    const second = 'second@parent.example.org';
    const options = await send(
      {
        to: [{ emailAddress: PARENT }, { emailAddress: second }],
        sessionData: { [SEND_ANYWAY_SESSION_KEY]: markerFor([PARENT]) },
      },
      {
        storage: await cachedStorage([
          restriction(),
          restriction({ id: '2', personName: 'Sam Second', emails: [second] }),
        ]),
      },
    );
    expect(options?.allowEvent).toBe(false);
  });

  it("the pane's checked-clear marker (a fresh read found them clear) lets an older copy's stop go", async () => {
    const marker = JSON.stringify(
      checkedClearMarker([PARENT, 'colleague@school.example.org'], NOW.toISOString()),
    );
    const options = await send(
      { to: [{ emailAddress: PARENT }], sessionData: { [SEND_ANYWAY_SESSION_KEY]: marker } },
      { storage: await cachedStorage() },
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('a marker that is not ours is ignored', async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }], sessionData: { [SEND_ANYWAY_SESSION_KEY]: '{"x":1}' } },
      { storage: await cachedStorage() },
    );
    expect(options?.allowEvent).toBe(false);
  });
});

describe('OnMessageSend: never stop mail on our own failure (SoftBlock), never say "clear"', () => {
  it('no cache and no token: the mail goes, nothing is said', async () => {
    const refresh = jest.fn(() => Promise.reject(new Error('no token')));
    const options = await send(
      { to: [{ emailAddress: PARENT }] },
      { storage: new MemoryStorage(), refresh },
    );
    expect(refresh).toHaveBeenCalledWith(STAFF);
    expect(options).toEqual({ allowEvent: true });
  });

  it('no OfficeRuntime.storage at all: the mail goes', async () => {
    expect(await send({ to: [{ emailAddress: PARENT }] })).toEqual({ allowEvent: true });
  });

  it("another user's cache on a shared computer is never read", async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }] },
      {
        storage: await cachedStorage([restriction()], { user: 'someone.else@school.example.org' }),
      },
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it.each(['to', 'cc', 'bcc'])(
    'a recipient line that cannot be read (%s): the mail goes',
    async (f) => {
      const options = await send(
        { to: [{ emailAddress: PARENT }], failures: [f] },
        { storage: await cachedStorage() },
      );
      expect(options).toEqual({ allowEvent: true });
    },
  );

  it('a stale cache whose refresh fails is still used (fall back to the cache)', async () => {
    const storage = await cachedStorage([restriction()], {
      savedAt: new Date(NOW.getTime() - SEND_STALE_MS - 60_000),
    });
    const refresh = jest.fn(() => Promise.reject(new Error('NAA failed in the on-send runtime')));
    const options = await send({ to: [{ emailAddress: PARENT }] }, { storage, refresh });
    expect(refresh).toHaveBeenCalled();
    expect(options?.allowEvent).toBe(false);
  });

  it('a fresh cache is not refreshed before deciding (the decision comes from cache at once)', async () => {
    const refresh = jest.fn(() => Promise.resolve());
    await send({ to: [{ emailAddress: PARENT }] }, { storage: await cachedStorage(), refresh });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('a refresh that brings a restriction imposed since the copy was made stops the send', async () => {
    const storage = new MemoryStorage();
    const refresh = (user: string) =>
      saveSendTimeCache(storage, user, { restrictions: [restriction()], malformed: [] }, NOW);
    const options = await send({ to: [{ emailAddress: PARENT }] }, { storage, refresh });
    expect(options?.allowEvent).toBe(false);
  });

  it('the watchdog answers before the slowest step would: the mail goes, once', async () => {
    // A stale copy (so a refresh is tried) and a refresh that never ends: without the watchdog the
    // decision would wait for the 2.5 s refresh budget and then stop the send from the copy.
    const storage = await cachedStorage([restriction()], {
      savedAt: new Date(NOW.getTime() - SEND_STALE_MS - 60_000),
    });
    const { handlers } = setUp(
      { to: [{ emailAddress: PARENT }] },
      { storage, refresh: () => new Promise<void>(() => undefined), watchdogMs: 50 },
    );
    const { event, done, calls } = launchEvent();
    const started = Date.now();
    const running = handlers.onMessageSend(event);
    expect(await done).toEqual({ allowEvent: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    await running;
    expect(calls()).toBe(1);
  });

  it('From that cannot be read: a restricted recipient is not stopped on our failure (002 §57)', async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }], failures: ['from'] },
      { storage: await cachedStorage() },
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('a copy older than a day is not used (it may name a restriction ended since)', async () => {
    const storage = await cachedStorage([restriction()], {
      savedAt: new Date(NOW.getTime() - 25 * 60 * 60_000),
    });
    const options = await send(
      { to: [{ emailAddress: PARENT }] },
      { storage, refresh: () => Promise.reject(new Error('no token')) },
    );
    expect(options).toEqual({ allowEvent: true });
  });

  it('an unreadable stored copy is treated as none', async () => {
    const storage = new MemoryStorage();
    storage.values.set(SEND_TIME_STORAGE_KEY, '{not json');
    expect(await send({ to: [{ emailAddress: PARENT }] }, { storage })).toEqual({
      allowEvent: true,
    });
  });
});

describe('OnMessageSend: a record that cannot be read', () => {
  async function unreadableStorage(): Promise<MemoryStorage> {
    const storage = new MemoryStorage();
    await saveSendTimeCache(
      storage,
      STAFF,
      {
        restrictions: [],
        malformed: [
          { id: '9', emails: [PARENT], problems: ['EndDate is missing'], status: 'Active' },
        ],
      },
      NOW,
    );
    return storage;
  }

  it('stops with "could not check" and, from 1.14, lets the user send anyway in the alert', async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }] },
      { storage: await unreadableStorage() },
    );
    expect(options?.allowEvent).toBe(false);
    expect(String(options?.errorMessage)).toMatch(/could not check/);
    expect(options?.sendModeOverride).toBe('promptUser');
  });

  it('a stop for a restriction in force never gets Send Anyway in the alert', async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }] },
      { storage: await cachedStorage() },
    );
    expect(options).not.toHaveProperty('sendModeOverride');
  });

  it('From that cannot be read does not lift a "could not check" stop (no SPOC is exempt there)', async () => {
    const options = await send(
      { to: [{ emailAddress: PARENT }], failures: ['from'] },
      { storage: await unreadableStorage() },
    );
    expect(options?.allowEvent).toBe(false);
  });
});

describe('while composing: the notification bar', () => {
  it('always completes, even when the refresh never ends (its own watchdog)', async () => {
    const { handlers } = setUp(
      { to: [{ emailAddress: PARENT }] },
      {
        storage: new MemoryStorage(),
        refresh: () => new Promise<void>(() => undefined),
        watchdogMs: 50,
      },
    );
    const { event, done, calls } = launchEvent();
    const started = Date.now();
    void handlers.onNewMessageCompose(event);
    await done;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls()).toBe(1);
  });

  it('names the restricted recipient and the SPOC, with an action that opens the pane', async () => {
    const { handlers, notifications } = setUp(
      { to: [{ emailAddress: PARENT }] },
      { storage: await cachedStorage() },
    );
    const { event, done } = launchEvent();
    await handlers.onNewMessageCompose(event);
    expect(await done).toBeUndefined();
    const bar = notifications.get(COMPOSE_NOTIFICATION_KEY);
    expect(bar?.type).toBe('insightMessage');
    expect(String(bar?.message)).toContain("Mary O'Brien");
    expect(String(bar?.message)).toContain('Head Teacher');
    expect(String(bar?.message).length).toBeLessThanOrEqual(150);
    expect(bar?.actions).toEqual([
      expect.objectContaining({ actionType: 'showTaskPane', commandId: COMPOSE_PANE_COMMAND_ID }),
    ]);
    expect(COMPOSE_NOTIFICATION_KEY.length).toBeLessThanOrEqual(32);
  });

  it('on phones an informational bar (no InsightMessage, no pane action)', async () => {
    const { handlers, notifications } = setUp(
      { to: [{ emailAddress: PARENT }], platform: 'Android' },
      { storage: await cachedStorage() },
    );
    const { event, done } = launchEvent();
    await handlers.onMessageRecipientsChanged(event);
    await done;
    const bar = notifications.get(COMPOSE_NOTIFICATION_KEY);
    expect(bar?.type).toBe('informationalMessage');
    expect(bar).not.toHaveProperty('actions');
  });

  it('the bar goes when the restricted recipient is removed; no "clear" bar is shown', async () => {
    const storage = await cachedStorage();
    const first = setUp({ to: [{ emailAddress: PARENT }] }, { storage });
    await first.handlers.onNewMessageCompose(launchEvent().event);
    expect(first.notifications.size).toBe(1);
    const second = setUp({ to: [{ emailAddress: 'someone@example.org' }] }, { storage });
    await second.handlers.onMessageRecipientsChanged(launchEvent().event);
    expect(second.removed).toEqual([COMPOSE_NOTIFICATION_KEY]);
    expect(second.notifications.size).toBe(0);
  });

  it('with no cache and no token nothing is shown, and the event completes', async () => {
    const { handlers, notifications } = setUp(
      { to: [{ emailAddress: PARENT }] },
      { storage: new MemoryStorage(), refresh: () => Promise.reject(new Error('offline')) },
    );
    const { event, calls } = launchEvent();
    await handlers.onNewMessageCompose(event);
    expect(calls()).toBe(1);
    expect(notifications.size).toBe(0);
  });

  it('opening a compose window refreshes a copy older than two minutes', async () => {
    const storage = await cachedStorage([], { savedAt: new Date(NOW.getTime() - 3 * 60_000) });
    const refresh = jest.fn((user: string) =>
      saveSendTimeCache(storage, user, { restrictions: [restriction()], malformed: [] }, NOW),
    );
    const { handlers, notifications } = setUp(
      { to: [{ emailAddress: PARENT }] },
      { storage, refresh },
    );
    await handlers.onNewMessageCompose(launchEvent().event);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(notifications.size).toBe(1);
  });
});
