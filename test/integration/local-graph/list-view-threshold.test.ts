// Behaviour 9: SharePoint's list view threshold through Graph, on the service itself. A list of
// 6,000 items: 5,500 in group 'big', 500 in group 'small'; Group and Day indexed, Note not.
import type { Seed } from '../../../dev/local-graph';
import { loadSeed } from '../../../dev/local-graph/seedLoader';
import { type GraphTestClient, SITE_BY_PATH, startClient } from './helpers';

const LIST = `${SITE_BY_PATH}:/lists/Large`;
const HONOR = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

function largeSeed(count: number): Seed {
  const seed = loadSeed(undefined);
  seed.sites[0]!.lists.push({
    id: 'c0ffee00-0000-4000-8000-000000000009',
    displayName: 'Large',
    columns: [
      { name: 'Group', indexed: true, text: {} },
      { name: 'Day', indexed: true, number: {} },
      { name: 'Note', text: {} },
    ],
    items: Array.from({ length: count }, (_, i) => ({
      id: String(i + 1),
      fields: {
        Title: `Item ${i + 1}`,
        Group: i < 5500 ? 'big' : 'small',
        Day: i,
        Note: i % 2 ? 'odd' : 'even',
      },
    })),
  });
  return seed;
}

const q = (filter: string, extra = '') =>
  `${LIST}/items?$top=50&$filter=${encodeURIComponent(filter)}${extra}`;

describe('local Graph: the list view threshold', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = await startClient({
      seed: largeSeed(6000),
      behaviours: { listViewThresholdAnswer: 'graph' },
    });
  });
  afterAll(() => client.graph.close());

  const expectRefused = (r: { status: number; body: Record<string, unknown> }) => {
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'notSupported',
      message: 'The request is unprocessable because it uses too many resources',
      innerError: { code: 'tooManyResources' },
    });
  };

  it('walks the whole list in ID order without a filter', async () => {
    const r = await client.get<{ value: unknown[] }>(`${LIST}/items?$top=5000`);
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(5000);
  });

  it('answers when the first indexed condition matches at most 5,000 items', async () => {
    const r = await client.get<{ value: unknown[] }>(q("fields/Group eq 'small'"));
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(50);
    const range = await client.get<{ value: unknown[] }>(
      q('fields/Day ge 1000 and fields/Day lt 1010'),
    );
    expect(range.status).toBe(200);
    expect(range.body.value).toHaveLength(10);
    // Bounds on the same indexed column make one range (5,000 here), whatever follows.
    const wide = await client.get(q("fields/Day lt 5000 and fields/Group eq 'big'"));
    expect(wide.status).toBe(200);
  });

  it('refuses when the first indexed condition matches more than 5,000, whatever $top', async () => {
    expectRefused(await client.get(q("fields/Group eq 'big'")));
    // The later, narrow condition does not help: the index walked is the first one's.
    expectRefused(await client.get(q("fields/Group eq 'big' and fields/Day eq 3")));
    // Day ge 0 matches all 6,000, even though the whole filter matches 50.
    expectRefused(await client.get(q("fields/Day ge 0 and fields/Group eq 'small'")));
    expectRefused(await client.get(q('fields/Day ge 0 and fields/Day lt 5001')));
  });

  it('uses the first indexed condition, even after a non-indexed one', async () => {
    const r = await client.get<{ value: unknown[] }>(
      q("fields/Note eq 'odd' and fields/Group eq 'small'"),
      HONOR,
    );
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(50);
  });

  it('treats or as not indexed: refused on a large list, even when it matches few', async () => {
    expectRefused(await client.get(q("fields/Group eq 'small' or fields/Group eq 'none'")));
    expectRefused(await client.get(q('fields/Day eq 1 or fields/Day eq 2')));
  });

  it('refuses a non-indexed filter or orderby on a large list, even with the Prefer header', async () => {
    expectRefused(await client.get(q("fields/Note eq 'odd'"), HONOR));
    expectRefused(
      await client.get(
        `${LIST}/items?$top=10&$orderby=${encodeURIComponent('fields/Note')}`,
        HONOR,
      ),
    );
    expectRefused(
      await client.get(
        q("fields/Group eq 'small'", `&$orderby=${encodeURIComponent('fields/Note')}`),
        HONOR,
      ),
    );
  });

  it('answers a range from the index, which follows every write', async () => {
    const range = q('fields/Day ge 1000 and fields/Day lt 1010');
    expect((await client.get<{ value: unknown[] }>(range)).body.value).toHaveLength(10);
    const made = await client.call<{ id: string }>('POST', `${LIST}/items`, {
      fields: { Title: 'New', Group: 'small', Day: 1005 },
    });
    expect(made.status).toBe(201);
    const after = await client.get<{ value: { id: string }[] }>(range);
    expect(after.body.value.map((i) => i.id)).toContain(made.body.id);
    expect(after.body.value).toHaveLength(11);
    expect((await client.call('DELETE', `${LIST}/items/${made.body.id}`)).status).toBe(204);
    expect((await client.get<{ value: unknown[] }>(range)).body.value).toHaveLength(10);
  });

  it('orders a large list by an indexed column', async () => {
    const r = await client.get<{ value: { id: string }[] }>(
      `${LIST}/items?$top=3&$orderby=${encodeURIComponent('fields/Day desc')}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.value.map((i) => i.id)).toEqual(['6000', '5999', '5998']);
  });

  it('lets a small list run the same queries (the threshold counts the list, not the page)', async () => {
    const small = await startClient({ seed: largeSeed(5000) });
    try {
      const r = await small.get<{ value: unknown[] }>(q("fields/Note eq 'odd'"), HONOR);
      expect(r.status).toBe(200);
      const or = await small.get(q('fields/Day eq 1 or fields/Day eq 2'));
      expect(or.status).toBe(200);
    } finally {
      await small.graph.close();
    }
  });

  it("can answer as SharePoint's own 500 SPQueryThrottledException", async () => {
    const sp = await startClient({
      seed: largeSeed(6000),
      behaviours: { listViewThresholdAnswer: 'sharepoint' },
    });
    try {
      const r = await sp.get<{ error: { code: string; message: string } }>(
        q("fields/Group eq 'big'"),
      );
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
      expect(r.body.error.message).toBe(
        'The attempted operation is prohibited because it exceeds the list view threshold.',
      );
    } finally {
      await sp.graph.close();
    }
  });
});
