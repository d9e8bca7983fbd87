// Issue 9, behaviours 4 and 5 on the service itself: regular REST ids change when a message moves
// (the old one answers 404) while immutable ids stay; translateExchangeIds; `send` is asynchronous
// (Outbox first, Sent Items copy and delivery later), the Sent Items copy has no custom headers,
// and createForward drops the custom headers of its `message` parameter unless told to keep them.
import { type GraphTestClient, startClient } from './helpers';

interface Msg {
  id: string;
  subject: string;
  parentFolderId: string;
  isDraft?: boolean;
  internetMessageHeaders?: { name: string; value: string }[];
}
interface List {
  value: Msg[];
}

jest.setTimeout(30_000);

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const SUBJECT = 'Complaint about the Year 5 trip letter';
const SPOC = 'local:business.manager@oakfield.sch.uk';
const TO = [{ emailAddress: { address: 'business.manager@oakfield.sch.uk' } }];
const enc = encodeURIComponent;

/** Polls `read` until `done` holds, at most `limitMs`; the last value either way. */
async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, limitMs: number) {
  const until = Date.now() + limitMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

async function folder(client: GraphTestClient, name: string, headers?: Record<string, string>) {
  const r = await client.get<List>(
    `/me/mailFolders/${name}/messages?$top=100&$select=id,subject,parentFolderId,isDraft,internetMessageHeaders`,
    headers,
  );
  expect(r.status).toBe(200);
  return r.body.value;
}

async function inboxMessage(client: GraphTestClient, headers?: Record<string, string>) {
  return (await folder(client, 'inbox', headers)).find((m) => m.subject === SUBJECT)!;
}

describe('local Graph: regular and immutable ids (behaviour 4)', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = await startClient();
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  it('a regular id stops working when the message moves; its immutable id survives the move', async () => {
    const regular = await inboxMessage(client);
    const immutable = await inboxMessage(client, IMMUTABLE);
    expect(immutable.id).not.toBe(regular.id);
    // The preference applies to the request that carries it, and either id names the message.
    const plain = await client.get<Msg>(`/me/messages/${enc(immutable.id)}`);
    expect(plain.body.id).toBe(regular.id);
    expect(plain.headers.get('preference-applied')).toBeNull();

    const moved = await client.call<Msg>(
      'POST',
      `/me/messages/${enc(regular.id)}/move`,
      { destinationId: 'archive' },
      IMMUTABLE,
    );
    expect(moved.status).toBe(201);
    expect(moved.body.id).toBe(immutable.id);
    const gone = await client.get(`/me/messages/${enc(regular.id)}`);
    expect(gone).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
    const after = await client.get<Msg>(`/me/messages/${enc(immutable.id)}`);
    expect(after.status).toBe(200);
    expect(after.body.id).not.toBe(regular.id);
    expect(after.body.parentFolderId).toBe(
      (await client.get<{ id: string }>('/me/mailFolders/archive')).body.id,
    );
    // PATCH by the immutable id lands on the moved message.
    const patched = await client.call<Msg & { categories: string[] }>(
      'PATCH',
      `/me/messages/${enc(immutable.id)}`,
      { categories: ['Moved'] },
      IMMUTABLE,
    );
    expect(patched.body).toMatchObject({ id: immutable.id, categories: ['Moved'] });
    // A move without the preference answers the new regular id.
    const back = await client.call<Msg>('POST', `/me/messages/${enc(immutable.id)}/move`, {
      destinationId: 'inbox',
    });
    expect(back.body.id).not.toBe(after.body.id);
    expect(back.body.id).not.toBe(immutable.id);
  });

  it('translateExchangeIds: restId ↔ restImmutableEntryId ↔ ewsId, errorDetails for an unknown id', async () => {
    const regular = await inboxMessage(client);
    const immutable = await inboxMessage(client, IMMUTABLE);
    const toImmutable = await client.call<{ value: Record<string, unknown>[] }>(
      'POST',
      '/me/translateExchangeIds',
      {
        inputIds: [regular.id, 'AAMkAGI2nothing='],
        sourceIdType: 'restId',
        targetIdType: 'restImmutableEntryId',
      },
    );
    expect(toImmutable.status).toBe(200);
    expect(toImmutable.body.value[0]).toEqual({ sourceId: regular.id, targetId: immutable.id });
    expect(toImmutable.body.value[1]).toMatchObject({
      sourceId: 'AAMkAGI2nothing=',
      errorDetails: { code: 'ErrorItemNotFound' },
    });
    expect(toImmutable.body.value[1]).not.toHaveProperty('targetId');
    const toEws = await client.call<{ value: { targetId: string }[] }>(
      'POST',
      '/users/reception@oakfield.sch.uk/translateExchangeIds',
      { inputIds: [immutable.id], sourceIdType: 'restImmutableEntryId', targetIdType: 'ewsId' },
    );
    const ews = toEws.body.value[0]!.targetId;
    expect(ews).toBe(regular.id.replace(/-/g, '/').replace(/_/g, '+'));
    const toRest = await client.call<{ value: { targetId: string }[] }>(
      'POST',
      '/me/translateExchangeIds',
      { inputIds: [ews], sourceIdType: 'ewsId', targetIdType: 'restId' },
    );
    expect(toRest.body.value[0]!.targetId).toBe(regular.id);

    // After a move the old regular id translates to nothing; the immutable id to the new one.
    const moved = await client.call<Msg>('POST', `/me/messages/${enc(regular.id)}/move`, {
      destinationId: 'archive',
    });
    const again = await client.call<{ value: Record<string, unknown>[] }>(
      'POST',
      '/me/translateExchangeIds',
      {
        inputIds: [regular.id],
        sourceIdType: 'restId',
        targetIdType: 'restImmutableEntryId',
      },
    );
    expect(again.body.value[0]).toHaveProperty('errorDetails');
    const fromImmutable = await client.call<{ value: { targetId: string }[] }>(
      'POST',
      '/me/translateExchangeIds',
      { inputIds: [immutable.id], sourceIdType: 'restImmutableEntryId', targetIdType: 'restId' },
    );
    expect(fromImmutable.body.value[0]!.targetId).toBe(moved.body.id);
  });

  it('translateExchangeIds refuses what it cannot do: a bad format, over 1000 ids, GET', async () => {
    const bad = await client.call('POST', '/me/translateExchangeIds', {
      inputIds: ['x'],
      sourceIdType: 'restId',
      targetIdType: 'immutableId',
    });
    expect(bad.status).toBe(400);
    const many = await client.call('POST', '/me/translateExchangeIds', {
      inputIds: Array.from({ length: 1001 }, (_, i) => `id${i}`),
      sourceIdType: 'restId',
      targetIdType: 'restImmutableEntryId',
    });
    expect(many.status).toBe(400);
    expect((await client.get('/me/translateExchangeIds')).status).toBe(405);
  });
});

describe('local Graph: asynchronous send (behaviour 5)', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    // The default delay (5 s): this block shows the real timing; it waits by polling.
    client = await startClient();
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  it('send: 202 at once, the message waits in the Outbox; later the Sent Items copy (no custom headers) and the delivery', async () => {
    const draft = await client.call<Msg>(
      'POST',
      '/me/messages',
      {
        subject: 'Async',
        toRecipients: TO,
        body: { contentType: 'text', content: 'Hello' },
        internetMessageHeaders: [{ name: 'x-contact-guard-test', value: 'v1' }],
      },
      IMMUTABLE,
    );
    expect(draft.status).toBe(201);
    const sent = await client.call('POST', `/me/messages/${enc(draft.body.id)}/send`, undefined);
    expect(sent.status).toBe(202);
    const outbox = await folder(client, 'outbox', IMMUTABLE);
    expect(outbox.map((m) => [m.id, m.subject])).toEqual([[draft.body.id, 'Async']]);
    expect(await folder(client, 'sentitems')).toEqual([]);
    expect(await folder(client, 'drafts')).toEqual([]);
    // A second send of the submitted item is refused; nothing goes twice.
    const twice = await client.call('POST', `/me/messages/${enc(draft.body.id)}/send`);
    expect(twice.status).toBe(400);

    const started = Date.now();
    const sentItems = await waitFor(
      () => folder(client, 'sentitems', IMMUTABLE),
      (v) => v.length > 0,
      15_000,
    );
    expect(Date.now() - started).toBeGreaterThan(2_000);
    expect(sentItems).toHaveLength(1);
    // The same immutable id finds the Sent Items copy; it shows no internet message headers.
    expect(sentItems[0]).toMatchObject({ id: draft.body.id, isDraft: false });
    expect(sentItems[0]!.internetMessageHeaders).toBeUndefined();
    expect(await folder(client, 'outbox')).toEqual([]);
    const arrived = (await folder(client.as(SPOC), 'inbox')).filter((m) => m.subject === 'Async');
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.internetMessageHeaders).toEqual([
      { name: 'x-contact-guard-test', value: 'v1' },
    ]);
  });
});

describe('local Graph: createForward and custom headers (behaviour 5)', () => {
  async function forwardWithHeader(client: GraphTestClient) {
    const original = await inboxMessage(client);
    const draft = await client.call<Msg>('POST', `/me/messages/${enc(original.id)}/createForward`, {
      comment: 'See below.',
      toRecipients: TO,
      message: { internetMessageHeaders: [{ name: 'X-Test', value: 'yes' }] },
    });
    expect(draft.status).toBe(201);
    const read = await client.get<Msg>(
      `/me/messages/${enc(draft.body.id)}?$select=internetMessageHeaders`,
    );
    // The seed's SPOC inbox already holds an older forward: only new arrivals count.
    const before = new Set((await folder(client.as(SPOC), 'inbox')).map((m) => m.id));
    await client.call('POST', `/me/messages/${enc(draft.body.id)}/send`);
    const arrived = await waitFor(
      async () =>
        (await folder(client.as(SPOC), 'inbox')).filter(
          (m) => m.subject === `FW: ${SUBJECT}` && !before.has(m.id),
        ),
      (v) => v.length > 0,
      5_000,
    );
    return { draftHeaders: read.body.internetMessageHeaders, arrived };
  }

  it('drops them by default: neither the draft nor the delivered forward has them', async () => {
    const client = await startClient({ behaviours: { sendDelayMs: 100 } });
    try {
      const { draftHeaders, arrived } = await forwardWithHeader(client);
      expect(draftHeaders).toBeUndefined();
      expect(arrived).toHaveLength(1);
      expect(arrived[0]!.internetMessageHeaders).toBeUndefined();
    } finally {
      await client.graph.close();
    }
  });

  it("keeps them when the behaviour says 'keep'", async () => {
    const client = await startClient({ behaviours: { sendDelayMs: 100, forwardHeaders: 'keep' } });
    try {
      const { draftHeaders, arrived } = await forwardWithHeader(client);
      expect(draftHeaders).toEqual([{ name: 'X-Test', value: 'yes' }]);
      expect(arrived[0]!.internetMessageHeaders).toEqual([{ name: 'X-Test', value: 'yes' }]);
    } finally {
      await client.graph.close();
    }
  });
});
