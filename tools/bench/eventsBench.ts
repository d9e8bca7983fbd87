// Contact events bench (issue #3): with 150 ms injected latency per Graph request, the time from
// pressing Save (the event handed to the outbox) to the confirmed save, and the Graph requests one
// save costs. Runs the pane's own save path (outbox → saver → Graph client) in Node against the
// local Graph service on the demo seed; the browser adds no Graph requests to it.
import { startLocalGraph } from '../../dev/local-graph';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { MemoryStore } from '../../src/cache/keyValueStore';
import { createGraphClient } from '../../src/graph/client';
import { GraphCalls } from '../../src/graph/graphCalls';
import { AuditRepository } from '../../src/graph/repositories/auditRepository';
import { EventsRepository } from '../../src/graph/repositories/eventsRepository';
import { EventSaver } from '../../src/app/events/eventSaver';
import { EventOutbox } from '../../src/app/events/outbox';
import { defaultConfig } from '../../src/config/appConfig';
import type { ContactEvent } from '../../src/policy/events';

const LATENCY_MS = 150;
const RUNS = 5;
const UPN = 'reception@oakfield.sch.uk';

/**
 * Counts Graph requests as Graph does: each request inside a `$batch` is one, and the `POST /$batch`
 * itself is the round trip (the service's log holds round trips only).
 */
function countInnerRequests(): { count: () => number; reset: () => void; restore: () => void } {
  const realFetch = globalThis.fetch;
  let inner = 0;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? init.body : undefined;
    if (/\/\$batch$/.test(new URL(url).pathname) && body) {
      const parsed = JSON.parse(body) as { requests?: unknown[] };
      inner += parsed.requests?.length ?? 0;
    } else inner += 1;
    return realFetch(input, init);
  };
  return {
    count: () => inner,
    reset: () => {
      inner = 0;
    },
    restore: () => {
      globalThis.fetch = realFetch;
    },
  };
}

export async function benchEventSave(): Promise<Record<string, number | string>> {
  const graph = await startLocalGraph({ port: 0, latencyMs: 0 });
  const inner = countInnerRequests();
  try {
    const client = createGraphClient({
      baseUrl: graph.url,
      tokenProvider: createLocalTokenProvider(UPN),
    });
    const page = await new GraphCalls(client).get<{ value: { id: string }[] }>(
      `/me/mailFolders/inbox/messages?$top=${RUNS + 1}`,
    );
    const saver = new EventSaver({
      events: new EventsRepository(client, defaultConfig.sharePoint),
      audit: new AuditRepository(client, defaultConfig.sharePoint),
      client,
      categoryName: defaultConfig.mail.loggedCategoryName,
    });
    const outbox = new EventOutbox({ store: new MemoryStore(), storeKey: 'bench', target: saver });
    await outbox.start();
    graph.setLatency(LATENCY_MS);
    const times: number[] = [];
    const counts: { roundTrips: number; requests: number }[] = [];
    for (let i = 0; i < RUNS + 1; i += 1) {
      const event: ContactEvent = {
        key: `bench-${Date.now()}-${i}`,
        occurredAt: new Date().toISOString(),
        channel: 'Email',
        summary: 'Bench event',
        person: { email: 'parent@example.org' },
        behaviours: ['Tone'],
        feelings: [],
        policyAspects: [],
        recordedBy: { name: 'Sarah Whitfield', email: UPN },
        recordedAt: new Date().toISOString(),
        evidence: { messageId: page.value[i]!.id, attachCopy: false },
      };
      graph.clearRequests();
      inner.reset();
      const started = performance.now();
      await outbox.enqueue(event);
      await new Promise<void>((resolve, reject) => {
        const off = outbox.subscribe(() => {
          const e = outbox.entryFor(event.key);
          if (e?.status === 'saved') {
            off();
            resolve();
          } else if (e?.status === 'failed') {
            off();
            reject(new Error('save failed'));
          }
        });
      });
      const ms = performance.now() - started;
      const reqs = graph.requests();
      // The first save also reads the mailbox's master categories (once per mailbox and pane).
      if (i > 0) {
        times.push(ms);
        counts.push({ roundTrips: reqs.length, requests: inner.count() });
      }
    }
    outbox.stop();
    const sorted = [...times].sort((a, b) => a - b);
    return {
      'event save: Save → confirmed, median ms (150 ms latency)': Math.round(
        sorted[Math.floor(sorted.length / 2)]!,
      ),
      'event save: Graph round trips per save (goal ≤ 2)': Math.max(
        ...counts.map((c) => c.roundTrips),
      ),
      'event save: Graph requests per save (inside batches counted one by one)': Math.max(
        ...counts.map((c) => c.requests),
      ),
    };
  } finally {
    inner.restore();
    await graph.close();
  }
}

if (require.main === module) {
  benchEventSave().then(
    (r) => console.log(r),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
