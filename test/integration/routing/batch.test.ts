// `POST /v1.0/$batch` in the local service, and the GraphBatcher over it.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { GraphBatcher } from '../../../src/graph/batch';
import { createGraphClient } from '../../../src/graph/client';

const TOKEN = 'local:it.admin@oakfield.sch.uk';
// The signed-in admin's own rules: a delegated token reaches no other mailbox's (mailboxAccess.ts).
const RULES = '/users/it.admin@oakfield.sch.uk/mailFolders/inbox/messageRules';
let graph: RunningLocalGraph;

beforeAll(async () => {
  // Graph's own ordering rule, whatever a variant run chose (the looser ones are tested below).
  graph = await startLocalGraph({ port: 0, randomSeed: 3, behaviours: { batchOrdering: 'chain' } });
});
afterAll(() => graph.close());
beforeEach(() => graph.reset());

interface BatchReply {
  responses: { id: string; status: number; headers: Record<string, string> }[];
}

async function batch(requests: unknown[]): Promise<{ status: number; body: BatchReply }> {
  const res = await fetch(`${graph.url}/v1.0/$batch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ requests }),
  });
  return { status: res.status, body: (await res.json()) as BatchReply };
}

const rule = (name: string) => ({
  displayName: name,
  sequence: 1,
  isEnabled: true,
  conditions: { fromAddresses: [{ emailAddress: { address: 'a@example.org' } }] },
  actions: { stopProcessingRules: true },
});

/** Batches that are neither fully sequential nor fully parallel. */
const MIXED_SHAPES = [
  // a chain and an independent request (the shape the docs' old example had)
  [
    { id: '1', method: 'GET', url: '/me' },
    { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
    { id: '3', method: 'GET', url: '/me' },
  ],
  // every dependant names the same request (the JS SDK's "same" pattern)
  [
    { id: '1', method: 'GET', url: '/me' },
    { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
    { id: '3', method: 'GET', url: '/me', dependsOn: ['1'] },
  ],
  // two dependencies
  [
    { id: '1', method: 'GET', url: '/me' },
    { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
    { id: '3', method: 'GET', url: '/me', dependsOn: ['1', '2'] },
  ],
];

describe('local $batch', () => {
  it('takes 1 to 20 requests with unique ids', async () => {
    expect((await batch([])).status).toBe(400);
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/me',
    }));
    expect((await batch(many)).status).toBe(400);
    const twice = [
      { id: '1', method: 'GET', url: '/me' },
      { id: '1', method: 'GET', url: '/me' },
    ];
    expect((await batch(twice)).status).toBe(400);
    const twenty = await batch(many.slice(0, 20));
    expect(twenty.status).toBe(200);
    expect(twenty.body.responses).toHaveLength(20);
  });

  it('answers each request with its own status', async () => {
    const res = await batch([
      { id: 'a', method: 'GET', url: '/users/nobody@oakfield.sch.uk' },
      {
        id: 'c',
        method: 'POST',
        url: RULES,
        body: rule('x'),
        headers: { 'Content-Type': 'application/json' },
      },
      {
        id: 'd',
        method: 'POST',
        url: RULES,
        body: { displayName: 'x', nonsense: 1 },
        headers: { 'Content-Type': 'application/json' },
      },
      { id: 'e', method: 'POST', url: RULES, body: rule('y') },
    ]);
    const status = Object.fromEntries(res.body.responses.map((r) => [r.id, r.status]));
    expect(status).toEqual({ a: 404, c: 201, d: 400, e: 400 });
  });

  it('runs a fully sequential batch in order; after a failure the rest get 424', async () => {
    const res = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/users/nobody@oakfield.sch.uk', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
    ]);
    expect(res.status).toBe(200);
    const status = Object.fromEntries(res.body.responses.map((r) => [r.id, r.status]));
    expect(status).toEqual({ '1': 200, '2': 404, '3': 424 });
  });

  it('refuses, whole, a batch that is neither fully sequential nor fully parallel', async () => {
    graph.clearRequests();
    const shapes = MIXED_SHAPES;
    for (const requests of shapes) {
      const res = await fetch(`${graph.url}/v1.0/$batch`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ requests }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toBe('Batch should be either fully sequential or fully parallel.');
    }
    // Refused whole: none of the inner requests ran.
    expect(graph.requests().map((r) => r.path)).toEqual(shapes.map(() => '/v1.0/$batch'));
  });

  it.each([
    // The SDK's "same" pattern covers a chain of two beside an independent request.
    ['sdkPatterns', [200, 200, 400]],
    ['any', [200, 200, 200]],
  ] as const)(
    'accepts looser shapes when chosen (batchOrdering %s)',
    async (ordering, expected) => {
      const loose = await startLocalGraph({ port: 0, behaviours: { batchOrdering: ordering } });
      try {
        const shapes = MIXED_SHAPES;
        const statuses: number[] = [];
        for (const requests of shapes) {
          const res = await fetch(`${loose.url}/v1.0/$batch`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ requests }),
          });
          statuses.push(res.status);
        }
        expect(statuses).toEqual(expected);
      } finally {
        await loose.close();
      }
    },
  );

  it('throttles inner requests on their own, each 429 with its own Retry-After', async () => {
    graph.setFaults({ throttleRate: 1, retryAfterSeconds: 2 });
    const res = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/mailboxSettings' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.responses).toEqual([
      expect.objectContaining({
        id: '1',
        status: 429,
        headers: expect.objectContaining({ 'Retry-After': '2' }),
      }),
      expect.objectContaining({
        id: '2',
        status: 429,
        headers: expect.objectContaining({ 'Retry-After': '2' }),
      }),
    ]);
  });
});

describe('GraphBatcher', () => {
  it('packs at most 20 requests per batch, runs each group in order, retries inner 429s after Retry-After', async () => {
    const client = createGraphClient({
      baseUrl: graph.url,
      tokenProvider: createLocalTokenProvider('it.admin@oakfield.sch.uk'),
    });
    const sizes: number[] = [];
    const waits: number[] = [];
    graph.setFaults({ throttleRate: 0.3, retryAfterSeconds: 1 });
    const batcher = new GraphBatcher(client, {
      sleep: async (ms) => {
        waits.push(ms);
      },
      onBatch: (info) => sizes.push(info.requests),
    });
    const groups = Array.from({ length: 30 }, (_, i) => ({
      key: `k${i % 3}`,
      steps: [
        { method: 'GET' as const, url: '/me' },
        { method: 'GET' as const, url: '/me/mailboxSettings' },
      ],
    }));
    const results = await batcher.run(groups);
    graph.setFaults({});
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
    expect(results.flat().every((r) => r.status === 200)).toBe(true);
    expect(waits.some((ms) => ms >= 900)).toBe(true); // waited for Retry-After: 1
  });

  it('never sends a create twice after an inner 503', async () => {
    const client = createGraphClient({
      baseUrl: graph.url,
      tokenProvider: createLocalTokenProvider('it.admin@oakfield.sch.uk'),
    });
    graph.setFaults({ unavailableRate: 1 });
    graph.clearRequests();
    const batcher = new GraphBatcher(client, { sleep: async () => undefined });
    const [result] = await batcher.run([
      { key: 'r', steps: [{ method: 'POST', url: RULES, body: rule('once') }] },
    ]);
    graph.setFaults({});
    expect(result?.[0]?.status).toBe(503);
    const requests = graph.requests().filter((r) => r.path.includes('$batch'));
    expect(requests).toHaveLength(1);
  });
});
