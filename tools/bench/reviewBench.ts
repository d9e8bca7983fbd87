// Review bench (issue #5): the flagged-senders list and one person's chronology, opened by a
// reviewer with 100,000 contact events in the list, on the local Graph service. Target: each
// ≤ 1 s. Runs the review service's own code (src/app/review/reviewService.ts) in Node.
//
// Why it is fast (docs/review.md "Performance"): the flagged-senders list reads only the look-back
// window as week-long `fields/OccurredAt` ranges (an indexed column) in parallel, with `$select`ed
// columns, alongside the small Restriction Cases and Contact Restrictions lists; a chronology reads
// the person's events by `fields/PersonEmail eq …` (indexed, one query per address) and reuses the
// window already read for events logged without an address. No request reads the whole Contact
// Events list, and none crosses the list view threshold the local service enforces by default.
//
// The 100,000 events are spread over three years (about 8,200 in any 90 days) across 2,000
// senders, with one heavy sender of 600 events; latency is 0 ms and then 50 ms per request.
import { startLocalGraph, type Seed } from '../../dev/local-graph';
import { loadSeed } from '../../dev/local-graph/seedLoader';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { createGraphClient } from '../../src/graph/client';
import { GraphCalls } from '../../src/graph/graphCalls';
import { createReviewService } from '../../src/app/review/reviewService';
import { defaultConfig } from '../../src/config/appConfig';

const TOTAL_EVENTS = 100_000;
const SENDERS = 2_000;
const HEAVY_EVENTS = 600;
const SPREAD_DAYS = 3 * 365;
const HEAD = 'head@oakfield.sch.uk';
const HEAVY = 'heavy.sender@example.com';
const RUNS = 5;
const BEHAVIOURS = ['Tone', 'UnreasonableLevelOfContact', 'ProlificCorrespondence', 'Words'];

export function bigSeed(now: Date): Seed {
  const seed = loadSeed(undefined, now);
  const events = seed.sites[0]!.lists.find((l) => l.displayName === 'Contact Events')!;
  const items = events.items ?? [];
  let id = items.length;
  // mulberry32: a small, well-spread generator, so every run has the same data.
  let state = 42;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const toAdd = TOTAL_EVENTS - items.length;
  for (let i = 0; i < toAdd; i += 1) {
    id += 1;
    const heavy = i < HEAVY_EVENTS;
    const sender = heavy ? -1 : Math.floor(next() * SENDERS);
    const at = new Date(now.getTime() - Math.floor(next() * SPREAD_DAYS * 86_400_000));
    items.push({
      id: String(id),
      createdBy: 'reception@oakfield.sch.uk',
      fields: {
        Title: `Email about matter ${Math.floor(next() * 5)}`,
        EventKey: `bench-${id}`,
        OccurredAt: at.toISOString(),
        Channel: 'Email',
        PersonName: heavy ? 'Heavy Sender' : `Parent ${sender}`,
        PersonEmail: heavy ? HEAVY : `parent${sender}@example.com`,
        Behaviours: BEHAVIOURS[Math.floor(next() * BEHAVIOURS.length)]!,
        Feelings: '',
        PolicyAspects: '',
        RecordedByName: 'Sarah Whitfield',
        RecordedByEmail: 'reception@oakfield.sch.uk',
        StaffInvolved: 'Sarah Whitfield',
        ThreatOfViolence: false,
      },
    });
  }
  events.items = items;
  return seed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchReview(): Promise<Record<string, number | string>> {
  const now = new Date();
  const seed = bigSeed(now);
  const graph = await startLocalGraph({ port: 0, seed });
  const results: Record<string, number | string> = {};
  results.events = seed.sites[0]!.lists.find(
    (l) => l.displayName === 'Contact Events',
  )!.items!.length;
  try {
    const client = new GraphCalls(
      createGraphClient({
        baseUrl: graph.url,
        tokenProvider: createLocalTokenProvider(HEAD),
      }),
    );
    const fresh = () =>
      createReviewService({
        client,
        config: { sharePoint: defaultConfig.sharePoint },
        user: { displayName: 'Helen Marsh', emailAddress: HEAD },
      });
    // Loads the bank-holiday library once (the page pays that once too).
    await fresh().flaggedSenders();
    for (const latency of [0, 50]) {
      graph.setLatency(latency);
      const flagged: number[] = [];
      const chronology: number[] = [];
      const chronologyCold: number[] = [];
      let flaggedRequests = 0;
      let chronologyRequests = 0;
      let windowEvents = 0;
      let heavyEntries = 0;
      let senders = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const review = fresh();
        let t = performance.now();
        const list = await review.flaggedSenders();
        flagged.push(performance.now() - t);
        senders = list.length;
        flaggedRequests = review.stats.flaggedRequests;
        windowEvents = review.stats.windowEvents;
        t = performance.now();
        const c = await review.chronology(HEAVY);
        chronology.push(performance.now() - t);
        chronologyRequests = review.stats.chronologyRequests;
        heavyEntries = c.entries.length;
        const cold = fresh();
        t = performance.now();
        await cold.chronology(HEAVY);
        chronologyCold.push(performance.now() - t);
      }
      const suffix = `${latency}ms`;
      results[`flaggedMedianMs@${suffix}`] = Math.round(median(flagged));
      results[`flaggedMaxMs@${suffix}`] = Math.round(Math.max(...flagged));
      results[`chronologyMedianMs@${suffix}`] = Math.round(median(chronology));
      results[`chronologyColdMedianMs@${suffix}`] = Math.round(median(chronologyCold));
      results.flaggedRequests = flaggedRequests;
      results.chronologyRequests = chronologyRequests;
      results.windowEvents = windowEvents;
      results.flaggedSenders = senders;
      results.heavySenderEntries = heavyEntries;
    }
  } finally {
    await graph.close();
  }
  return results;
}

if (require.main === module) {
  benchReview().then(
    (r) => {
      const ok = (ms: unknown) => (typeof ms === 'number' && ms <= 1000 ? 'ok' : 'OVER');
      console.log(`\nReview bench — ${r.events} contact events, local Graph service`);
      for (const latency of ['0ms', '50ms']) {
        console.log(
          `  latency ${latency}: flagged senders median ${r[`flaggedMedianMs@${latency}`]} ms (max ${r[`flaggedMaxMs@${latency}`]}) ${ok(r[`flaggedMaxMs@${latency}`])}; ` +
            `chronology ${r[`chronologyMedianMs@${latency}`]} ms after the list, ${r[`chronologyColdMedianMs@${latency}`]} ms cold ${ok(r[`chronologyColdMedianMs@${latency}`])}`,
        );
      }
      console.log(
        `  ${r.flaggedRequests} Graph requests for the list (${r.windowEvents} events in the 90-day window, ${r.flaggedSenders} senders); ${r.chronologyRequests} for a chronology of ${r.heavySenderEntries} entries`,
      );
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : 'bench failed');
      process.exitCode = 1;
    },
  );
}
