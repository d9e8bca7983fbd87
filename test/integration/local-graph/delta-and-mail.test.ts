import {
  GraphTestClient,
  type ListItemBody,
  type Page,
  RESTRICTIONS,
  SITE_OWNER,
  startClient,
} from './helpers';

type DeltaPage = Page<ListItemBody>;

describe('local Graph: list item delta', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = (await startClient()).as(SITE_OWNER);
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  async function drain(
    start: string,
  ): Promise<{ items: ListItemBody[]; deltaLink: string; pages: number }> {
    const items: ListItemBody[] = [];
    let url = start;
    let pages = 0;
    for (;;) {
      const r = await client.get<DeltaPage>(url);
      expect(r.status).toBe(200);
      items.push(...r.body.value);
      pages++;
      if (r.body['@odata.deltaLink'])
        return { items, deltaLink: r.body['@odata.deltaLink'], pages };
      const next = r.body['@odata.nextLink'];
      if (!next) throw new Error('neither nextLink nor deltaLink');
      url = next;
    }
  }

  it('enumerates in pages, then reports only changes and deletions, then 410 after expiry', async () => {
    const initial = await drain(`${RESTRICTIONS}/items/delta?$top=5`);
    expect(initial.pages).toBe(2);
    expect(initial.items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(initial.items[0]?.fields?.Title).toBe('Mark Denton'); // fields by default

    const noChange = await drain(initial.deltaLink);
    expect(noChange.items).toEqual([]);

    await client.call('PATCH', `${RESTRICTIONS}/items/3/fields`, { Status: 'Active' });
    await client.call('DELETE', `${RESTRICTIONS}/items/6`);
    const created = await client.call<ListItemBody>('POST', `${RESTRICTIONS}/items`, {
      fields: { Title: 'Later' },
    });

    const changes = await drain(noChange.deltaLink);
    expect(changes.items).toEqual([
      expect.objectContaining({ id: '3', fields: expect.objectContaining({ Status: 'Active' }) }),
      { id: '6', deleted: { state: 'deleted' } },
      expect.objectContaining({
        id: created.body.id,
        fields: expect.objectContaining({ Title: 'Later' }),
      }),
    ]);

    client.graph.expireDeltaTokens();
    const gone = await client.get<{ error: { code: string } }>(changes.deltaLink);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('resyncRequired');
  });

  it('accepts the function forms, token=latest, and refuses a malformed token with 410', async () => {
    const fn = await client.get<DeltaPage>(`${RESTRICTIONS}/items/microsoft.graph.delta()`);
    expect(fn.body.value).toHaveLength(8);
    const latest = await client.get<DeltaPage>(`${RESTRICTIONS}/items/delta?token=latest`);
    expect(latest.body.value).toEqual([]);
    const link = latest.body['@odata.deltaLink'] ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';
    await client.call('PATCH', `${RESTRICTIONS}/items/1/fields`, { Status: 'Ended' });
    const viaSegment = await client.get<DeltaPage>(`${RESTRICTIONS}/items/delta(token='${token}')`);
    expect(viaSegment.body.value.map((i) => i.id)).toEqual(['1']);
    expect((await client.get(`${RESTRICTIONS}/items/delta?token=garbage`)).status).toBe(410);
  });

  it('invalidates tokens when the data is reset', async () => {
    const first = await drain(`${RESTRICTIONS}/items/delta`);
    client.graph.reset();
    expect((await client.get(first.deltaLink)).status).toBe(410);
  });
});

describe('local Graph: users and mail', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = await startClient();
  });
  afterAll(() => client.graph.close());

  interface Msg {
    id: string;
    subject: string;
    receivedDateTime: string;
    from?: { emailAddress: { address: string } };
  }

  it('gives /me, /users/{upn} and group membership', async () => {
    const head = client.as('local:head@oakfield.sch.uk');
    const groups = await head.get<Page<{ displayName: string; id: string }>>('/me/memberOf');
    expect(groups.body.value.map((g) => g.displayName).sort()).toEqual([
      'Contact Guard Reviewers',
      'Oakfield Staff',
    ]);
    const reviewers =
      groups.body.value.find((g) => g.displayName === 'Contact Guard Reviewers')?.id ?? '';
    const check = await head.call<{ value: string[] }>('POST', '/me/checkMemberGroups', {
      groupIds: [reviewers, 'other'],
    });
    expect(check.body.value).toEqual([reviewers]);
    const pascal = await client.call<{ value: string[] }>(
      'POST',
      '/me/microsoft.graph.checkMemberGroups',
      { GroupIds: [reviewers] },
    );
    expect(pascal.status).toBe(200);
    expect(pascal.body.value).toEqual([]);
    const user = await client.get(
      '/users/business.manager@oakfield.sch.uk?$select=displayName,mail',
    );
    expect(user.body).toEqual({
      id: expect.any(String),
      displayName: 'Priya Shah',
      mail: 'business.manager@oakfield.sch.uk',
    });
    expect((await client.get('/users/nobody@oakfield.sch.uk')).status).toBe(404);
  });

  it('lists inbox messages newest first, paged with $top, each subject unique', async () => {
    const subjects: string[] = [];
    let url: string | undefined =
      '/me/mailFolders/inbox/messages?$top=5&$select=subject,receivedDateTime,from';
    let previous = Infinity;
    while (url) {
      const r: { body: Page<Msg> } = await client.get<Page<Msg>>(url);
      for (const m of r.body.value) {
        const t = Date.parse(m.receivedDateTime);
        expect(t).toBeLessThanOrEqual(previous);
        previous = t;
        subjects.push(m.subject);
      }
      url = r.body['@odata.nextLink'];
    }
    expect(subjects.length).toBeGreaterThanOrEqual(12);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(subjects).toContain('Urgent: Aoife not well — please call');
  });

  it('reads a message by id with sender, replyTo and body, in a shared mailbox too', async () => {
    const list = await client.get<Page<Msg & { sender: unknown; replyTo: unknown[] }>>(
      `/me/messages?$top=50&$filter=${encodeURIComponent("subject eq 'PTA summer fair stall rota'")}`,
    );
    const onBehalf = list.body.value[0];
    expect(onBehalf?.from?.emailAddress.address).toBe('friends.of.oakfield@gmail.com');
    expect(onBehalf?.sender).toEqual({
      emailAddress: { name: 'Karen Pike', address: 'karen.pike@yahoo.co.uk' },
    });
    const one = await client.get<Msg & { body: { content: string }; internetMessageId: string }>(
      `/me/messages/${onBehalf?.id}`,
    );
    expect(one.body.internetMessageId).toMatch(/^<.+@.+>$/);
    expect(one.body.body.content).toContain('rota');

    const shared = await client.get<Page<{ displayName: string; id: string }>>(
      '/users/office@oakfield.sch.uk/mailFolders/inbox/childFolders',
    );
    expect(shared.body.value.map((f) => f.displayName)).toEqual(['Contact restrictions - filed']);
    // Another mailbox's settings are refused even with Full Access (mailbox-access.test.ts).
    const settings = await client.get('/users/office@oakfield.sch.uk/mailboxSettings');
    expect(settings.status).toBe(403);
  });

  it('patches categories and extended properties on a message', async () => {
    const list = await client.get<Page<Msg>>('/me/messages?$top=1');
    const id = list.body.value[0]?.id ?? '';
    const propId = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name ContactGuardForwarded';
    const patched = await client.call('PATCH', `/me/messages/${id}`, {
      categories: ['Contact Guard: filed'],
      singleValueExtendedProperties: [{ id: propId, value: 'forwarded' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.categories).toEqual(['Contact Guard: filed']);
    const read = await client.get<{ singleValueExtendedProperties: unknown[] }>(
      `/me/messages/${id}?$expand=singleValueExtendedProperties($filter=id eq '${propId}')`,
    );
    expect(read.body.singleValueExtendedProperties).toEqual([{ id: propId, value: 'forwarded' }]);
    const bad = await client.call('PATCH', `/me/messages/${id}`, { colour: 'blue' });
    expect(bad.status).toBe(400);
  });
});
