// Contact events bench (issue #3): with 150 ms injected latency per Graph request, the time from
// pressing Save (the event handed to the outbox) to the confirmed save, and the Graph requests one
// save costs. Runs the pane's own save path (outbox → saver → Graph client) in Node against the
// local Graph service on the demo seed; the browser adds no Graph requests to it.
import { startLocalGraph } from '../../dev/local-graph';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { MemoryStore } from '../../src/cache/keyValueStore';
import { createGraphClient } from '../../src/graph/client';
import { MessageMarks } from '../../src/graph/mail/messageMarks';
import { AuditRepository } from '../../src/graph/repositories/auditRepository';
import { EventsRepository } from '../../src/graph/repositories/eventsRepository';
import { EventSaver } from '../../src/app/events/eventSaver';
import { EventOutbox } from '../../src/app/events/outbox';
import { defaultConfig } from '../../src/config/appConfig';
import type { ContactEvent } from '../../src/policy/events';

const LATENCY_MS = 150;
const RUNS = 5;
const UPN = 'reception@oakfield.sch.uk';

export async function benchEventSave(): Promise<Record<string, number | string>> {
  const graph = await startLocalGraph({ port: 0, latencyMs: 0 });
  try {
    const client = createGraphClient({
      baseUrl: graph.url,
      tokenProvider: createLocalTokenProvider(UPN),
    });
    const page = (await client
      .api('/me/mailFolders/inbox/messages')
      .top(RUNS + 1)
      .get()) as {
      value: { id: string }[];
    };
    const marks = new MessageMarks(client);
    const saver = new EventSaver({
      events: new EventsRepository(client, defaultConfig.sharePoint),
      audit: new AuditRepository(client, defaultConfig.sharePoint),
      marks,
      client,
      categoryName: defaultConfig.mail.loggedCategoryName,
    });
    const outbox = new EventOutbox({ store: new MemoryStore(), storeKey: 'bench', target: saver });
    await outbox.start();
    graph.setLatency(LATENCY_MS);
    const times: number[] = [];
    const counts: { total: number; writes: number }[] = [];
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
      // The first save also creates the category in the mailbox's master list (once per mailbox).
      if (i > 0) {
        times.push(ms);
        counts.push({ total: reqs.length, writes: reqs.filter((r) => r.method !== 'GET').length });
      }
    }
    outbox.stop();
    const sorted = [...times].sort((a, b) => a - b);
    return {
      'event save: Save → confirmed, median ms (150 ms latency)': Math.round(
        sorted[Math.floor(sorted.length / 2)]!,
      ),
      'event save: Graph requests per save': counts[0]!.total,
      'event save: of which writes (event, mark, audit)': counts[0]!.writes,
    };
  } finally {
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
