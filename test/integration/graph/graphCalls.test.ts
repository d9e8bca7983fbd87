// The one Graph call surface (src/graph/graphCalls.ts) against the local service over HTTP:
// every verb, paging by opaque links, If-Match, and failures always as GraphAccessError.
import { startLocalGraph } from '../../../dev/local-graph';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { createGraphClient } from '../../../src/graph/client';
import { GraphAccessError } from '../../../src/graph/errors';
import { GraphCalls, graphCallsOf } from '../../../src/graph/graphCalls';

type RunningGraph = Awaited<ReturnType<typeof startLocalGraph>>;

const SITE = '/sites/oakfield.sharepoint.com:/sites/ContactGuard';
const SETTINGS = `${SITE}:/lists/Contact%20Guard%20Settings`;

describe('GraphCalls against the local service', () => {
  let graph: RunningGraph;
  let calls: GraphCalls;
  const callsAs = (upn: string) =>
    new GraphCalls(
      createGraphClient({
        baseUrl: graph.url,
        tokenProvider: createLocalTokenProvider(upn),
        retry: { maxRetries: 0 },
      }),
    );

  beforeAll(async () => {
    graph = await startLocalGraph({ port: 0 });
    calls = callsAs('it.admin@oakfield.sch.uk'); // an admin: may edit the settings list
  });
  afterAll(() => graph.close());
  beforeEach(() => graph.reset());

  it('graphCallsOf keeps a GraphCalls and wraps a bare client', async () => {
    expect(graphCallsOf(calls)).toBe(calls);
    const wrapped = graphCallsOf(calls.client);
    expect(wrapped).toBeInstanceOf(GraphCalls);
    expect(wrapped.client).toBe(calls.client);
    await expect(wrapped.get('/sites/nowhere.sharepoint.com:/sites/none')).rejects.toBeInstanceOf(
      GraphAccessError,
    );
  });

  it('reads a resource', async () => {
    const me = await calls.get<{ mail: string }>('/me');
    expect(me.mail).toBe('it.admin@oakfield.sch.uk');
  });

  it('follows every nextLink of a collection, page by page', async () => {
    const pages: number[] = [];
    for await (const page of calls.pages<{ id: string }>(`${SETTINGS}/items?$top=2`))
      pages.push(page.value.length);
    expect(pages.length).toBeGreaterThan(1);
    const all = await calls.all<{ id: string }>(`${SETTINGS}/items?$top=2`);
    expect(all).toHaveLength(pages.reduce((a, b) => a + b, 0));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
  });

  it('stops a collection that never ends instead of looping', async () => {
    await expect(calls.all(`${SETTINGS}/items?$top=1`, { maxPages: 1 })).rejects.toMatchObject({
      kind: 'unknown',
      code: 'tooManyPages',
    });
  });

  it('creates, updates with If-Match, and refuses a stale ETag as preconditionFailed', async () => {
    const created = await calls.post<{ id: string; eTag: string }>(`${SETTINGS}/items`, {
      fields: { Title: 'GraphCallsTest', Value: 'one' },
    });
    const item = `${SETTINGS}/items/${created.id}`;
    const read = await calls.get<{ eTag: string }>(item);
    await calls.patch(item, { fields: { Value: 'two' } }, { ifMatch: read.eTag });
    const stale = calls.patch(item, { fields: { Value: 'three' } }, { ifMatch: read.eTag });
    await expect(stale).rejects.toBeInstanceOf(GraphAccessError);
    await expect(stale).rejects.toHaveProperty('kind', 'preconditionFailed');
    await calls.delete(item);
    await expect(calls.get(item)).rejects.toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('reads text resources (a message as MIME)', async () => {
    const reception = callsAs('reception@oakfield.sch.uk');
    const page = await reception.get<{ value: { id: string }[] }>('/me/messages?$top=1');
    const first = page.value[0];
    if (!first) throw new Error('the seed has no message in the reception mailbox');
    const mime = await reception.getText(`/me/messages/${first.id}/$value`);
    expect(mime).toMatch(/^From: /m);
  });

  it('turns every failure into a GraphAccessError without the response body', async () => {
    const missing = calls.get('/sites/nowhere.sharepoint.com:/sites/none');
    await expect(missing).rejects.toBeInstanceOf(GraphAccessError);
    const bad = calls.post(`${SETTINGS}/items`, { fields: { NoSuchColumn: 'x' } });
    await expect(bad).rejects.toMatchObject({ kind: 'badRequest', status: 400 });
  });
});
