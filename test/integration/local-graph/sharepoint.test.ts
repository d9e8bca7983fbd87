import {
  GraphTestClient,
  type ListItemBody,
  MALFORMED_SEED,
  type Page,
  RESTRICTIONS,
  SITE_BY_PATH,
  SITE_OWNER,
  startClient,
} from './helpers';

const HONOR = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const filterUrl = (filter: string) =>
  `${RESTRICTIONS}/items?$expand=fields&$filter=${encodeURIComponent(filter)}`;

describe('local Graph: SharePoint sites, lists, columns and items', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = (await startClient()).as(SITE_OWNER);
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  it('finds the site by path and by its composite id, and the list by name or id', async () => {
    const site = await client.get<{ id: string; displayName: string }>(SITE_BY_PATH);
    expect(site.status).toBe(200);
    expect(site.body.id.split(',')).toHaveLength(3);
    const byId = await client.get(`/sites/${encodeURIComponent(site.body.id)}`);
    expect(byId.body.id).toBe(site.body.id);
    const lists = await client.get<Page<{ id: string; displayName: string }>>(
      `/sites/${site.body.id}/lists`,
    );
    const list = lists.body.value.find((l) => l.displayName === 'Contact Restrictions');
    expect(list).toBeDefined();
    const listById = await client.get(`/sites/${site.body.id}/lists/${list?.id}`);
    expect(listById.body.displayName).toBe('Contact Restrictions');
    expect((await client.get(`${SITE_BY_PATH}:/lists/No%20Such%20List`)).status).toBe(404);
    expect((await client.get('/sites/oakfield.sharepoint.com:/sites/Nowhere')).status).toBe(404);
  });

  it('pages items with $top and an opaque $skiptoken in an absolute nextLink', async () => {
    const seen: string[] = [];
    let url: string | undefined =
      `${RESTRICTIONS}/items?$expand=fields($select=Title,Status)&$top=3`;
    let pages = 0;
    while (url) {
      const r: { status: number; body: Page<ListItemBody> } =
        await client.get<Page<ListItemBody>>(url);
      expect(r.status).toBe(200);
      expect(r.body.value.length).toBeLessThanOrEqual(3);
      seen.push(...r.body.value.map((i) => i.id));
      for (const i of r.body.value)
        expect(Object.keys(i.fields ?? {}).sort()).toEqual(['@odata.etag', 'Status', 'Title']);
      url = r.body['@odata.nextLink'];
      if (url) {
        expect(url.startsWith(`${client.graph.url}/v1.0/`)).toBe(true);
        expect(url).toContain('$skiptoken=');
      }
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('leaves fields out unless expanded', async () => {
    const r = await client.get<Page<ListItemBody>>(`${RESTRICTIONS}/items?$top=1`);
    expect(r.body.value[0]?.fields).toBeUndefined();
  });

  it('refuses a filter on a column that is not indexed, unless the Prefer header allows it', async () => {
    const url = filterUrl("fields/Title eq 'Mark Denton'");
    const refused = await client.get<{ error: { code: string; message: string } }>(url);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalidRequest');
    expect(refused.body.error.message).toBe(
      "Field 'Title' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    const allowed = await client.get<Page<ListItemBody>>(url, HONOR);
    expect(allowed.status).toBe(200);
    expect(allowed.body.value.map((i) => i.id)).toEqual(['1']);
    const orderRefused = await client.get(`${RESTRICTIONS}/items?$orderby=fields/Title`);
    expect(orderRefused.status).toBe(400);
  });

  it('filters an indexed column without the header, with and/or/parentheses', async () => {
    const r = await client.get<Page<ListItemBody>>(
      filterUrl(
        "(fields/Status eq 'Active' or fields/Status eq 'Extended') and fields/Status ne 'Ended'",
      ),
    );
    expect(r.status).toBe(200);
    expect(r.body.value.map((i) => i.id)).toEqual(['1', '2', '4', '5', '8']);
  });

  it("reads an OData string literal with '' as an apostrophe", async () => {
    const r = await client.get<Page<ListItemBody>>(
      filterUrl("fields/Emails eq 'siobhan.o''brien@outlook.com'"),
      HONOR,
    );
    expect(r.status).toBe(200);
    expect(r.body.value.map((i) => i.fields?.Title)).toEqual(["Siobhan O'Brien"]);
    const starts = await client.get<Page<ListItemBody>>(
      filterUrl("startswith(fields/Title,'Siobhan O''B')"),
      HONOR,
    );
    expect(starts.body.value.map((i) => i.id)).toEqual(['2']);
  });

  it('answers 400 invalidRequest for an unparsable filter', async () => {
    const r = await client.get<{ error: { code: string } }>(filterUrl("fields/Status eq 'Active"));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalidRequest');
    expect((await client.get(filterUrl('fields/Status equals 1'))).status).toBe(400);
  });

  it('orders by a field with the Prefer header', async () => {
    const r = await client.get<Page<ListItemBody>>(
      `${RESTRICTIONS}/items?$expand=fields&$orderby=fields/Title desc&$top=2`,
      HONOR,
    );
    expect(r.body.value.map((i) => i.fields?.Title)).toEqual(['Wayne Fletcher', "Siobhan O'Brien"]);
  });

  it('creates, reads, updates with If-Match and deletes an item', async () => {
    const created = await client.call<ListItemBody & { '@odata.etag': string }>(
      'POST',
      `${RESTRICTIONS}/items`,
      {
        fields: { Title: 'New Parent', Emails: 'new.parent@example.com', Status: 'Warning' },
      },
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    const etag = created.body['@odata.etag'];
    expect(etag).toMatch(/^"[0-9a-f-]{36},1"$/);

    const read = await client.get(`${RESTRICTIONS}/items/${id}?$expand=fields`);
    expect(read.headers.get('etag')).toBe(etag);

    const patched = await client.call(
      'PATCH',
      `${RESTRICTIONS}/items/${id}/fields`,
      { Status: 'Active' },
      { 'If-Match': etag },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.Status).toBe('Active');
    // A fields PATCH answers without an ETag (etags.ts): the new version is read back.
    const reread = await client.get<{ '@odata.etag': string }>(`${RESTRICTIONS}/items/${id}`);
    const newEtag = reread.body['@odata.etag'];
    expect(newEtag).toMatch(/,2"$/);

    const stale = await client.call<{ error: { code: string } }>(
      'PATCH',
      `${RESTRICTIONS}/items/${id}/fields`,
      { Status: 'Ended' },
      { 'If-Match': etag },
    );
    // The default mismatch answer is 409 resourceModified (behaviours.etagMismatchAnswer).
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('resourceModified');

    const star = await client.call(
      'PATCH',
      `${RESTRICTIONS}/items/${id}`,
      { fields: { Status: 'Ended' } },
      { 'If-Match': '*' },
    );
    expect(star.status).toBe(200);

    expect(
      (
        await client.call('DELETE', `${RESTRICTIONS}/items/${id}`, undefined, {
          'If-Match': newEtag,
        })
      ).status,
    ).toBe(409);
    expect((await client.call('DELETE', `${RESTRICTIONS}/items/${id}`)).status).toBe(204);
    const gone = await client.get<{ error: { code: string } }>(`${RESTRICTIONS}/items/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('itemNotFound');
  });

  it('refuses an unknown field name', async () => {
    const r = await client.call<{ error: { message: string } }>('POST', `${RESTRICTIONS}/items`, {
      fields: { Nope: 'x' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe("Field 'Nope' is not recognized");
  });

  it('validates bodies against the contract: unknown property of a non-open type → 400', async () => {
    const item = await client.call<{ error: { code: string; message: string } }>(
      'POST',
      `${RESTRICTIONS}/items`,
      {
        fields: { Title: 'X' },
        colour: 'red',
      },
    );
    expect(item.status).toBe(400);
    expect(item.body.error.code).toBe('invalidRequest');
    expect(item.body.error.message).toContain('colour');
    const column = await client.call('POST', `${RESTRICTIONS}/columns`, {
      name: 'Extra',
      text: { allowMultipleLines: false, wrapText: true },
    });
    expect(column.status).toBe(400);
    const enumCase = await client.call('POST', `${RESTRICTIONS}/columns`, {
      name: 'Shown',
      dateTime: { format: 'DATEONLY' },
    });
    expect(enumCase.status).toBe(201);
  });

  it('enforces unique columns (default answer 500 naming the column), and requires them indexed', async () => {
    const unindexed = await client.call('POST', `${RESTRICTIONS}/columns`, {
      name: 'CaseRef',
      enforceUniqueValues: true,
      text: {},
    });
    expect(unindexed.status).toBe(400);
    const col = await client.call('POST', `${RESTRICTIONS}/columns`, {
      name: 'CaseRef',
      indexed: true,
      enforceUniqueValues: true,
      text: {},
    });
    expect(col.status).toBe(201);
    expect(
      (
        await client.call('POST', `${RESTRICTIONS}/items`, {
          fields: { Title: 'A', CaseRef: 'PCCR-1' },
        })
      ).status,
    ).toBe(201);
    const dup = await client.call<{ error: { code: string; message: string } }>(
      'POST',
      `${RESTRICTIONS}/items`,
      {
        fields: { Title: 'B', CaseRef: 'pccr-1' },
      },
    );
    expect(dup.status).toBe(500);
    expect(dup.body.error.message).toContain('CaseRef');
    const patchDup = await client.call('PATCH', `${RESTRICTIONS}/items/1/fields`, {
      CaseRef: 'PCCR-1',
    });
    expect(patchDup.status).toBe(500);
  });

  it('lists, reads and patches columns; refuses a 21st indexed column and an indexed multi-line column', async () => {
    const cols = await client.get<Page<{ id: string; name: string; indexed: boolean }>>(
      `${RESTRICTIONS}/columns`,
    );
    const status = cols.body.value.find((c) => c.name === 'Status');
    expect(status?.indexed).toBe(true);
    const title = cols.body.value.find((c) => c.name === 'Title');
    const patched = await client.call('PATCH', `${RESTRICTIONS}/columns/${title?.id}`, {
      indexed: true,
    });
    expect(patched.status).toBe(200);
    expect((await client.get(`${RESTRICTIONS}/columns/${title?.id}`)).body.indexed).toBe(true);
    expect((await client.get(filterUrl("fields/Title eq 'Mark Denton'"))).status).toBe(200);

    const emails = cols.body.value.find((c) => c.name === 'Emails');
    expect(
      (await client.call('PATCH', `${RESTRICTIONS}/columns/${emails?.id}`, { indexed: true }))
        .status,
    ).toBe(400);

    // Status and Title are indexed now: 18 more reach the limit of 20, the next one is refused.
    for (let i = 0; i < 18; i++) {
      const r = await client.call('POST', `${RESTRICTIONS}/columns`, {
        name: `Idx${i}`,
        indexed: true,
        text: {},
      });
      expect(r.status).toBe(201);
    }
    expect(
      (
        await client.call('POST', `${RESTRICTIONS}/columns`, {
          name: 'Idx18',
          indexed: true,
          text: {},
        })
      ).status,
    ).toBe(400);
  });

  it('creates a list (201) and refuses a taken name (409 nameAlreadyExists)', async () => {
    const body = {
      displayName: 'Scratch List',
      columns: [{ name: 'Channel', choice: { choices: ['Email', 'Phone'] } }],
      list: { template: 'genericList' },
    };
    const created = await client.call<{ id: string }>('POST', `${SITE_BY_PATH}:/lists`, body);
    expect(created.status).toBe(201);
    const again = await client.call<{ error: { code: string } }>(
      'POST',
      `${SITE_BY_PATH}:/lists`,
      body,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
    const cols = await client.get<Page<{ name: string }>>(
      `${SITE_BY_PATH}:/lists/${created.body.id}/columns`,
    );
    expect(cols.body.value.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Title', 'Channel']),
    );
  });

  it('stores date-only values as London midnight across BST and accepts either form on write', async () => {
    const created = await client.call<ListItemBody>('POST', `${RESTRICTIONS}/items`, {
      fields: {
        Title: 'Dates',
        StartDate: '2026-06-02',
        EndDate: '2026-12-02',
        ReviewDate: '2026-10-25',
      },
    });
    expect(created.status).toBe(201);
    const read = await client.get<ListItemBody>(
      `${RESTRICTIONS}/items/${created.body.id}?$expand=fields`,
    );
    expect(read.body.fields).toMatchObject({
      StartDate: '2026-06-01T23:00:00Z',
      EndDate: '2026-12-02T00:00:00Z',
      // Clocks go back at 01:00 UTC on 25 October 2026, so that day's midnight is still summer time.
      ReviewDate: '2026-10-24T23:00:00Z',
    });
    // Writing back what was read keeps the same day.
    const rewrite = await client.call('PATCH', `${RESTRICTIONS}/items/${created.body.id}/fields`, {
      StartDate: read.body.fields?.StartDate,
      EndDate: '2026-12-02T00:00:00Z',
    });
    expect(rewrite.body).toMatchObject({
      StartDate: '2026-06-01T23:00:00Z',
      EndDate: '2026-12-02T00:00:00Z',
    });
    const byDay = await client.get<Page<ListItemBody>>(
      filterUrl("fields/StartDate eq '2026-06-02'"),
      HONOR,
    );
    expect(byDay.body.value.map((i) => i.id)).toEqual([created.body.id]);
    const bad = await client.call('PATCH', `${RESTRICTIONS}/items/${created.body.id}/fields`, {
      EndDate: '2 June',
    });
    expect(bad.status).toBe(400);
  });

  it('resolves relative seed dates ($today) in Europe/London', async () => {
    const r = await client.get<ListItemBody>(`${RESTRICTIONS}/items/5?$expand=fields`);
    const end = new Date(String(r.body.fields?.EndDate));
    const londonDay = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const yesterday = new Date(Date.now() - 86_400_000);
    expect(londonDay(end)).toBe(londonDay(yesterday));
  });

  it('loads the malformed test seed with its bad items kept as they are', async () => {
    const other = await startClient({ seed: MALFORMED_SEED });
    try {
      const r = await other
        .as('local:staff@testschool.sch.uk')
        .get<Page<ListItemBody>>(
          '/sites/testschool.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Restrictions/items?$expand=fields',
        );
      expect(r.status).toBe(200);
      const byTitle = Object.fromEntries(r.body.value.map((i) => [i.fields?.Title, i.fields]));
      expect(byTitle['Missing End Date']?.EndDate).toBeUndefined();
      expect(byTitle['Bad Status']?.Status).toBe('Banned');
      expect(byTitle['No Emails']?.Emails).toBeUndefined();
    } finally {
      await other.graph.close();
    }
  });
});
