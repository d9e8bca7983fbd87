// Saving contact events through the outbox against the local Graph service over HTTP: throttling
// and 503s, an outage and recovery (in order), a duplicate key from a retry, a pane reload with
// events waiting. Every check reads back through the Graph API.
import { startLocalGraph } from '../../../dev/local-graph';
import { startLossyProxy } from '../actions/lossyProxy';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import { createGraphClient } from '../../../src/graph/client';
import { MessageMarks } from '../../../src/graph/mail/messageMarks';
import { AuditRepository } from '../../../src/graph/repositories/auditRepository';
import { EventsRepository } from '../../../src/graph/repositories/eventsRepository';
import { EventSaver } from '../../../src/app/events/eventSaver';
import { EventOutbox } from '../../../src/app/events/outbox';
import { defaultConfig } from '../../../src/config/appConfig';
import type { ContactEvent } from '../../../src/policy/events';

type RunningGraph = Awaited<ReturnType<typeof startLocalGraph>>;
const UPN = 'reception@oakfield.sch.uk';
const HEAD = 'head@oakfield.sch.uk';
const SP = defaultConfig.sharePoint;
const EVENTS = `/sites/${SP.hostname}:${SP.sitePath}:/lists/Contact%20Events/items`;
const AUDIT = `/sites/${SP.hostname}:${SP.sitePath}:/lists/Contact%20Guard%20Audit/items`;

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0, randomSeed: 7 });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await graph.reset();
  graph.setFaults({});
  graph.clearRequests();
});

function client(upn = UPN) {
  return createGraphClient({
    baseUrl: graph.url,
    tokenProvider: createLocalTokenProvider(upn),
    retry: { sleep: () => Promise.resolve(), baseDelayMs: 1, maxRetries: 3 },
  });
}

function saver(upn = UPN) {
  const c = client(upn);
  return new EventSaver({
    events: new EventsRepository(c, SP),
    audit: new AuditRepository(c, SP),
    client: c,
    categoryName: 'Contact event logged',
  });
}

/** An outbox whose timers run at once (backoff is still computed, just not waited for). */
const boxes: EventOutbox[] = [];
afterEach(() => {
  for (const b of boxes.splice(0)) b.stop();
});

function outbox(store: MemoryStore, target = saver()) {
  const box = new EventOutbox({
    store,
    storeKey: 'outbox|test',
    target,
    baseDelayMs: 5,
    maxDelayMs: 50,
    setTimer: (fn) => setTimeout(fn, 5),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  boxes.push(box);
  return box;
}

async function inboxIds(n: number): Promise<string[]> {
  const page = (await client().api('/me/mailFolders/inbox/messages').top(n).get()) as {
    value: { id: string }[];
  };
  return page.value.map((m) => m.id);
}

function event(key: string, messageId?: string): ContactEvent {
  return {
    key,
    occurredAt: '2025-03-03T09:00:00.000Z',
    channel: messageId ? 'Email' : 'Phone',
    summary: `Event ${key}`,
    person: { name: 'Mark Denton', email: 'mark.denton1978@gmail.com' },
    behaviours: ['Tone'],
    feelings: [],
    policyAspects: [],
    recordedBy: { name: 'Sarah Whitfield', email: UPN },
    recordedAt: '2025-03-03T09:05:00.000Z',
    ...(messageId ? { evidence: { messageId, attachCopy: false } } : {}),
  };
}

async function allItems(path: string): Promise<Record<string, unknown>[]> {
  // Read back as a reviewer (who may read every item).
  const page = (await client(HEAD).api(`${path}?$expand=fields&$top=5000`).get()) as {
    value: { fields: Record<string, unknown> }[];
  };
  return page.value.map((v) => v.fields);
}

async function settle(box: EventOutbox, keys: string[], timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const snap = box.snapshot();
    if (keys.every((k) => snap.find((e) => e.event.key === k)?.status === 'saved')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not saved in time: ${JSON.stringify(box.snapshot().map((e) => e.status))}`);
}

test('one save: the item with its fields, the mark and category once, the audit entry', async () => {
  const [messageId] = await inboxIds(1);
  const box = outbox(new MemoryStore());
  await box.enqueue(event('k-one', messageId));
  await settle(box, ['k-one']);
  const events = (await allItems(EVENTS)).filter((f) => f.EventKey === 'k-one');
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ Title: 'Event k-one', Channel: 'Email', RecordedByEmail: UPN });
  expect(String(events[0]!.MessageLink)).toMatch(/^https:\/\//);
  expect(String(events[0]!.InternetMessageId)).toMatch(/^<.+>$/);
  const marks = await new MessageMarks(client()).read({ messageId: messageId! });
  expect(marks.categories).toEqual(['Contact event logged']);
  expect(marks.marks).toEqual([expect.objectContaining({ kind: 'logged', key: 'k-one' })]);
  const audit = (await allItems(AUDIT)).filter((f) => f.Target === 'k-one');
  expect(audit).toEqual([expect.objectContaining({ Action: 'EventLogged', ActorEmail: UPN })]);
});

test('under 30% injected 429/503 every event is saved once, none twice', async () => {
  const ids = await inboxIds(10);
  graph.setFaults({ throttleRate: 0.15, unavailableRate: 0.15, retryAfterSeconds: 0 });
  const box = outbox(new MemoryStore());
  const keys = ids.map((_, i) => `k-fault-${i}`);
  for (const [i, key] of keys.entries()) await box.enqueue(event(key, ids[i]));
  await settle(box, keys, 60_000);
  graph.setFaults({});
  const saved = (await allItems(EVENTS))
    .map((f) => f.EventKey)
    .filter((k) => keys.includes(String(k)));
  expect(saved.sort()).toEqual([...keys].sort());
  const audit = (await allItems(AUDIT)).map((f) => f.Target);
  for (const k of keys) expect(audit.filter((t) => t === k)).toHaveLength(1);
  for (const id of ids) {
    const { categories, marks } = await new MessageMarks(client()).read({ messageId: id });
    expect(categories.filter((c) => c === 'Contact event logged')).toHaveLength(1);
    expect(marks.filter((m) => m.kind === 'logged')).toHaveLength(1);
  }
  const faulted = graph.requests().filter((r) => r.status === 429 || r.status === 503);
  expect(faulted.length).toBeGreaterThan(0);
}, 60_000);

test('service down for a while: events wait, then are saved in order when it returns', async () => {
  graph.setFaults({ down: true });
  const box = outbox(new MemoryStore());
  const keys = ['k-a', 'k-b', 'k-c'];
  for (const k of keys) await box.enqueue(event(k));
  // Wait for the first failed attempt; a retry may be under way ("saving"), but nothing is saved.
  for (let i = 0; i < 100 && box.snapshot()[0]?.lastErrorKind !== 'offline'; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(box.snapshot()[0]!.lastErrorKind).toBe('offline');
  expect(box.snapshot().map((e) => (e.status === 'saving' ? 'waiting' : e.status))).toEqual([
    'waiting',
    'waiting',
    'waiting',
  ]);
  graph.setFaults({});
  await box.retryNow();
  await settle(box, keys);
  const order = (await allItems(EVENTS))
    .map((f) => String(f.EventKey))
    .filter((k) => keys.includes(k));
  expect(order).toEqual(keys); // item ids rise in save order
});

// The service answers a duplicate as LOCAL_GRAPH_DUPLICATE_ANSWER says (500 by default; CI reruns
// this file with 400 and 409: scripts/variants.mjs): the product must not care which.
test('a retry that meets its own first attempt (duplicate key) is success: one item', async () => {
  const repo = new EventsRepository(client(), SP);
  const first = await repo.add(event('k-dup'));
  const second = await repo.add(event('k-dup'));
  expect(first.duplicate).toBe(false);
  expect(second).toEqual({ itemId: first.itemId, duplicate: true });
  expect((await allItems(EVENTS)).filter((f) => f.EventKey === 'k-dup')).toHaveLength(1);
  const audit = new AuditRepository(client(), SP);
  const entry = {
    key: 'EventLogged:k-dup',
    action: 'EventLogged' as const,
    what: 'Contact event logged (Email)',
    actorName: 'Reception',
    actorEmail: UPN,
    at: new Date().toISOString(),
  };
  await audit.append(entry);
  await expect(audit.append(entry)).resolves.toBeUndefined();
  expect((await allItems(AUDIT)).filter((f) => f.AuditKey === entry.key)).toHaveLength(1);
});

test('a create whose answer is lost after SharePoint acted is found by its key: success, one item', async () => {
  const proxy = await startLossyProxy(graph.url);
  try {
    proxy.setRule((r) =>
      r.method === 'POST' && r.path.includes('/items') ? 'loseAnswer' : 'pass',
    );
    const lossy = createGraphClient({
      baseUrl: proxy.url,
      tokenProvider: createLocalTokenProvider(UPN),
      retry: { sleep: () => Promise.resolve(), baseDelayMs: 1, maxRetries: 0 },
    });
    const result = await new EventsRepository(lossy, SP).add(event('k-lost'));
    expect(proxy.lost).toHaveLength(1);
    expect(result.duplicate).toBe(true);
    expect(result.itemId).toMatch(/^\d+$/);
    expect((await allItems(EVENTS)).filter((f) => f.EventKey === 'k-lost')).toHaveLength(1);
  } finally {
    await proxy.close();
  }
});

test('a create refused for another reason (not found by its key) keeps its own error', async () => {
  const repo = new EventsRepository(client(), SP);
  await expect(repo.add(event('k-bad'), { NoSuchColumn: 'x' })).rejects.toMatchObject({
    kind: 'badRequest',
    status: 400,
  });
  expect((await allItems(EVENTS)).filter((f) => f.EventKey === 'k-bad')).toHaveLength(0);
});

test('a reload of the pane with events waiting: still waiting, then saved', async () => {
  const store = new MemoryStore();
  graph.setFaults({ down: true });
  const before = outbox(store);
  await before.enqueue(event('k-reload-1'));
  await before.enqueue(event('k-reload-2'));
  before.stop(); // the pane is closed
  const after = outbox(store); // and opened again, on the same device
  await after.start();
  // Still waiting (the first may already be on its next try: "saving" is still not saved).
  expect(
    after.snapshot().map((e) => [e.event.key, e.status === 'saving' ? 'waiting' : e.status]),
  ).toEqual([
    ['k-reload-1', 'waiting'],
    ['k-reload-2', 'waiting'],
  ]);
  graph.setFaults({});
  await after.retryNow();
  await settle(after, ['k-reload-1', 'k-reload-2']);
  expect(
    (await allItems(EVENTS)).filter((f) => String(f.EventKey).startsWith('k-reload')),
  ).toHaveLength(2);
});

test('one save is two round trips: one read, then one parallel $batch of the writes', async () => {
  const [first, second] = await inboxIds(2);
  const target = saver();
  const box = outbox(new MemoryStore(), target);
  const roundTrips = async (key: string, messageId?: string) => {
    graph.clearRequests();
    await box.enqueue(event(key, messageId));
    await settle(box, [key]);
    return graph.requests().map((r) => `${r.method} ${r.path.split('?')[0]!.split('/').pop()}`);
  };
  // The first save in a pane reads the master categories in the same batch as the message.
  expect(await roundTrips('k-count-1', first)).toEqual(['POST $batch', 'POST $batch']);
  expect(await roundTrips('k-count-2', second)).toEqual([
    `GET ${encodeURIComponent(second!)}`,
    'POST $batch',
  ]);
  expect(
    (await allItems(EVENTS)).filter((f) => String(f.EventKey).startsWith('k-count')),
  ).toHaveLength(2);
  expect(
    (await allItems(AUDIT)).filter((f) => String(f.AuditKey).includes('k-count')),
  ).toHaveLength(2);
});

describe('what stays on the device (issue 10, item 7)', () => {
  /** Every value the store holds, as one JSON text: what a later user of the computer could read. */
  async function everythingStored(store: MemoryStore): Promise<string> {
    const keys = await store.keys();
    const values = await Promise.all(keys.map((k) => store.get<unknown>(k)));
    return JSON.stringify(values);
  }

  test('an unsent event is kept whole; once SharePoint has it, nothing of it is left', async () => {
    const store = new MemoryStore();
    graph.setFaults({ down: true });
    const box = outbox(store);
    const secret = { ...event('k-device'), details: 'Said he would wait at the gate for Amy.' };
    await box.enqueue(secret);
    // Waiting: the whole event is on the device, so a closed pane loses nothing.
    expect(await everythingStored(store)).toContain('Said he would wait at the gate for Amy.');

    graph.setFaults({});
    await box.retryNow();
    await settle(box, ['k-device']);
    // Saved: confirmed by SharePoint (read back), and gone from the device, key and all.
    expect((await allItems(EVENTS)).filter((f) => f.EventKey === 'k-device')).toHaveLength(1);
    expect(await store.keys()).toEqual([]);
    expect(await everythingStored(store)).not.toContain('Mark Denton');
    // The pane still says "saved" until it closes: in memory only.
    expect(box.entryFor('k-device')?.status).toBe('saved');
  });

  test('only the unsent stay: a saved event leaves while a failed one waits on the device', async () => {
    const store = new MemoryStore();
    const box = outbox(store);
    await box.enqueue(event('k-sent'));
    await settle(box, ['k-sent']);
    graph.setFaults({ down: true });
    await box.enqueue(event('k-unsent'));
    const stored = await store.get<{ event: { key: string }; status: string }[]>('outbox|test');
    expect(stored?.map((e) => e.event.key)).toEqual(['k-unsent']);
    expect(stored?.every((e) => e.status !== 'saved')).toBe(true);
  });

  test('saved entries an older version left on the device are removed when the pane starts', async () => {
    const store = new MemoryStore();
    const old = [
      {
        event: event('k-old-saved'),
        status: 'saved',
        attempts: 1,
        savedAt: '2025-03-03T09:06:00Z',
      },
      { event: event('k-old-waiting'), status: 'waiting', attempts: 0 },
    ];
    await store.set('outbox|test', old);
    graph.setFaults({ down: true });
    const box = outbox(store);
    await box.start();
    expect(box.snapshot().map((e) => e.event.key)).toEqual(['k-old-waiting']);
    const until = Date.now() + 5_000;
    let stored = await store.get<{ event: { key: string } }[]>('outbox|test');
    while (stored?.length !== 1 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 10));
      stored = await store.get<{ event: { key: string } }[]>('outbox|test');
    }
    expect(stored?.map((e) => e.event.key)).toEqual(['k-old-waiting']);
  });
});
