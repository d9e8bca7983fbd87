// The GraphBatcher's shapes, checked request by request against a fake $batch endpoint: every
// batch is fully parallel or one fully sequential chain (Graph refuses any mix), a group's steps
// go in order (the next only after the previous answered), and at most 4 requests of one mailbox
// are in flight at once.
import type { Client } from '@microsoft/microsoft-graph-client';
import { acceptedOrdering } from '../../../dev/local-graph/batch';
import { GraphBatcher, type BatchGroup } from '../../../src/graph/batch';

interface Sent {
  id: string;
  method: string;
  url: string;
  dependsOn?: string[];
}

function fakeGraph(opts: { throttleEvery?: number } = {}) {
  const answered = new Set<string>();
  const attempted = new Set<string>();
  const inFlight = new Map<string, number>();
  const shapes: ('parallel' | 'sequential')[] = [];
  const problems: string[] = [];
  let peakPerKey = 0;
  let count = 0;
  const client = {
    api: () => ({
      post: async (body: { requests: Sent[] }) => {
        const items = body.requests.map((r) => ({ id: r.id, dependsOn: r.dependsOn ?? [] }));
        if (!acceptedOrdering(items, 'chain')) problems.push('mixed batch');
        const sequential = items.some((i) => i.dependsOn.length > 0);
        shapes.push(sequential ? 'sequential' : 'parallel');
        // Running at once per key: each request of a parallel batch, one for a chain.
        const keys = body.requests.map((r) => r.url.split('/')[2] as string);
        const running = sequential ? [keys[0] as string] : keys;
        for (const k of running) {
          inFlight.set(k, (inFlight.get(k) ?? 0) + 1);
          peakPerKey = Math.max(peakPerKey, inFlight.get(k) ?? 0);
        }
        for (const r of body.requests) {
          const [, , key, step] = r.url.split('/');
          const n = Number(step);
          if (n > 0 && !answered.has(`${key}/${n - 1}`) && !sequential)
            problems.push(`${key}/${n} sent before ${key}/${n - 1} answered`);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        // A chain stops at its first failure: the rest are 424, not run.
        let stopped = false;
        const responses = body.requests.map((r) => {
          if (stopped) return { id: r.id, status: 424, headers: {} };
          // Only a request's first attempt may be throttled: a retry always gets through, so the
          // test checks the retry, not how often chance throttles the same request (6 attempts).
          const firstAttempt = !attempted.has(r.url);
          attempted.add(r.url);
          if (firstAttempt) count += 1;
          const throttled =
            firstAttempt && opts.throttleEvery !== undefined && count % opts.throttleEvery === 0;
          if (throttled && sequential) stopped = true;
          return throttled
            ? { id: r.id, status: 429, headers: { 'Retry-After': '0' } }
            : { id: r.id, status: 200, body: { url: r.url } };
        });
        responses.forEach((r, i) => {
          if (r.status === 200)
            answered.add((body.requests[i]?.url ?? '').split('/').slice(2).join('/'));
        });
        for (const k of running) inFlight.set(k, (inFlight.get(k) ?? 1) - 1);
        return { responses };
      },
    }),
  } as unknown as Client;
  return { client, shapes, problems, peak: () => peakPerKey };
}

const groups = (mailboxes: number, steps: number, perKey = 1): BatchGroup[] =>
  Array.from({ length: mailboxes * perKey }, (_, g) => ({
    key: `m${g % mailboxes}`,
    steps: Array.from({ length: steps }, (_, s) => ({
      method: 'POST' as const,
      url: `/g/m${g % mailboxes}-${Math.floor(g / mailboxes)}/${s}`,
    })),
  }));

describe('GraphBatcher shapes', () => {
  it('never mixes chains with independent requests, keeps each group in order, 4 per mailbox at most', async () => {
    const graph = fakeGraph({ throttleEvery: 7 });
    const batcher = new GraphBatcher(graph.client, { sleep: async () => undefined });
    const results = await batcher.run(groups(30, 5, 6));
    expect(graph.problems).toEqual([]);
    expect(results.flat().every((r) => r.status === 200)).toBe(true);
    expect(graph.peak()).toBeLessThanOrEqual(4);
    expect(graph.shapes).toContain('parallel');
  });

  it('many mailboxes share parallel batches; a lone group with many steps goes as one chain', async () => {
    const many = fakeGraph();
    let trips = 0;
    await new GraphBatcher(many.client, { onBatch: () => (trips += 1) }).run(groups(100, 3));
    // 300 steps, 20 per batch: 15 round trips, whatever the order constraint.
    expect(trips).toBe(15);
    expect(new Set(many.shapes)).toEqual(new Set(['parallel']));

    const lone = fakeGraph();
    trips = 0;
    const [result] = await new GraphBatcher(lone.client, { onBatch: () => (trips += 1) }).run(
      groups(1, 12),
    );
    expect(trips).toBe(1);
    expect(lone.shapes).toEqual(['sequential']);
    expect(result?.map((r) => (r.body as { url: string }).url)).toEqual(
      Array.from({ length: 12 }, (_, s) => `/g/m0-0/${s}`),
    );
  });

  it('after a throttled step in a chain, sends the rest again from that step', async () => {
    const graph = fakeGraph({ throttleEvery: 3 });
    const batcher = new GraphBatcher(graph.client, { sleep: async () => undefined });
    const [result] = await batcher.run(groups(1, 8));
    expect(graph.problems).toEqual([]);
    expect(result?.map((r) => r.status)).toEqual(Array.from({ length: 8 }, () => 200));
    expect(result?.map((r) => (r.body as { url: string }).url)).toEqual(
      Array.from({ length: 8 }, (_, s) => `/g/m0-0/${s}`),
    );
  });
});
