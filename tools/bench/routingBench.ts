// The mail-routing bench (issue #6): 2,000 protected mailboxes and 200 restrictions on the local
// Graph service with 100 ms injected latency per HTTP request. Measures, for a first `apply` (every
// rule to make) and a second one (nothing changed):
// - Graph requests sent (inner $batch requests plus the few unbatched reads and writes) against
//   the minimum the plan needs (two reads per mailbox, then each change, folder and report item);
// - HTTP round trips, against a naive approach with one request per rule (no $batch, no diff:
//   read each mailbox's rules and folders, then write every rule it should have);
// - wall time, and memory (heap of this process, which also hosts the local service).
// Run alone: npx tsx tools/bench/routingBench.ts
import { startLocalGraph, type Seed } from '../../dev/local-graph';
import { createLocalAppOnlyTokenProvider } from '../../src/auth/localTokenProvider';
import { MemoryStore } from '../../src/cache/keyValueStore';
import { defaultConfig } from '../../src/config/appConfig';
import { contactRestrictionsList } from '../../src/graph/schema/contactRestrictionsList';
import { routingStatusList } from '../../src/graph/schema/routingStatusList';
import { settingsList } from '../../src/graph/schema/settingsList';
import { reconcile, type RunReport } from '../routing/reconciler';
import { routingServices } from '../routing/services';

export interface RoutingBenchSize {
  mailboxes: number;
  restrictions: number;
  latencyMs: number;
}

const FULL_SIZE: RoutingBenchSize = { mailboxes: 2000, restrictions: 200, latencyMs: 100 };
const DOMAIN = 'bench.sch.uk';
const SPOCS = [`office@${DOMAIN}`, `head@${DOMAIN}`, `manager@${DOMAIN}`];

function benchSeed({ mailboxes: MAILBOXES, restrictions: RESTRICTIONS }: RoutingBenchSize): Seed {
  const mailbox = (i: number) => `staff${String(i).padStart(4, '0')}@${DOMAIN}`;
  const restrictions = Array.from({ length: RESTRICTIONS }, (_, i) => ({
    id: String(i + 1),
    fields: {
      Title: `Parent ${i + 1}`,
      Emails: `parent${i + 1}@example.org${i % 4 === 0 ? `\nparent${i + 1}.work@example.net` : ''}`,
      Status: 'Active',
      StartDate: '$today-10',
      EndDate: '$today+90',
      Handling: 'ForwardAndFile',
      SpocName: 'School office',
      SpocEmail: SPOCS[i % SPOCS.length],
      AllowedContact: 'Email to the office only.',
      StaffGuidance: 'Do not reply.',
      EmergencyNote: 'Phone the office in an emergency.',
    },
  }));
  const admin = {
    id: '00000000-0000-4000-8000-0000000000ad',
    displayName: 'Bench Admin',
    mail: `admin@${DOMAIN}`,
    userPrincipalName: `admin@${DOMAIN}`,
  };
  return {
    tenant: { name: 'Bench School', domains: [DOMAIN] },
    users: [admin],
    groups: [],
    sites: [
      {
        id: `${defaultConfig.sharePoint.hostname},11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222`,
        hostname: defaultConfig.sharePoint.hostname,
        path: defaultConfig.sharePoint.sitePath,
        displayName: 'Contact Guard',
        webUrl: `https://${defaultConfig.sharePoint.hostname}${defaultConfig.sharePoint.sitePath}`,
        lists: [
          {
            id: '33333333-3333-4333-8333-333333333331',
            displayName: contactRestrictionsList.displayName,
            columns:
              contactRestrictionsList.columns as unknown as Seed['sites'][0]['lists'][0]['columns'],
            items: restrictions,
          },
          {
            id: '33333333-3333-4333-8333-333333333332',
            displayName: settingsList.displayName,
            columns: settingsList.columns as unknown as Seed['sites'][0]['lists'][0]['columns'],
            items: [
              {
                id: '1',
                fields: {
                  Title: 'ProtectedMailboxes',
                  Value: Array.from({ length: MAILBOXES }, (_, i) => mailbox(i + 1)).join('\n'),
                },
              },
              { id: '2', fields: { Title: 'AcceptedDomains', Value: DOMAIN } },
            ],
          },
          {
            id: '33333333-3333-4333-8333-333333333333',
            displayName: routingStatusList.displayName,
            columns:
              routingStatusList.columns as unknown as Seed['sites'][0]['lists'][0]['columns'],
            items: [],
          },
        ],
      },
    ],
    mailboxes: [
      { address: admin.mail, displayName: admin.displayName, kind: 'user', folders: [] },
      ...SPOCS.map((address) => ({
        address,
        displayName: address,
        kind: 'shared' as const,
        folders: [],
      })),
      ...Array.from({ length: MAILBOXES }, (_, i) => ({
        address: mailbox(i + 1),
        displayName: `Staff ${i + 1}`,
        kind: 'shared' as const,
        folders: [],
      })),
    ],
  };
}

export async function benchRouting(
  size: RoutingBenchSize = FULL_SIZE,
): Promise<Record<string, number | string>> {
  const { mailboxes: MAILBOXES, restrictions: RESTRICTIONS, latencyMs: LATENCY_MS } = size;
  const graph = await startLocalGraph({ port: 0, seed: benchSeed(size), latencyMs: LATENCY_MS });
  try {
    const store = new MemoryStore();
    let http = 0;
    const deps = () =>
      routingServices({
        graphUrl: graph.url,
        tokenProvider: createLocalAppOnlyTokenProvider(),
        sharePoint: defaultConfig.sharePoint,
        mail: { acceptedDomains: [DOMAIN], restrictedFolderName: 'Restricted correspondence' },
        store,
        onResponse: () => {
          http += 1;
        },
      });
    const run = async (): Promise<{
      report: RunReport;
      ms: number;
      http: number;
      heapMb: number;
    }> => {
      http = 0;
      global.gc?.();
      const started = performance.now();
      const report = await reconcile('apply', deps());
      const ms = Math.round(performance.now() - started);
      return {
        report,
        ms,
        http,
        heapMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
      };
    };
    const first = await run();
    const second = await run();
    // The second run still rewrites mailbox reports whose outcome went from Changed to InStep
    // (with a standing warning); from the third on, an unchanged school writes one item.
    const third = await run();
    const failed = first.report.mailboxes.filter((m) => m.outcome === 'Failed').length;
    const rules = first.report.mailboxes.reduce((s, m) => s + m.created, 0);
    const unbatched = (r: { http: number; report: RunReport }) => r.http - r.report.batchRoundTrips;
    // Naive: no $batch and no diff: per mailbox, read rules and folders, create the folder once,
    // then one request per rule, on every run.
    const naivePerRun = MAILBOXES * 2 + rules;
    return {
      routing_mailboxes: MAILBOXES,
      routing_restrictions: RESTRICTIONS,
      routing_latency_ms: LATENCY_MS,
      routing_rules_made: rules,
      routing_failed_mailboxes: failed,
      routing_first_graph_requests: first.report.batchedRequests + unbatched(first),
      routing_first_minimum_requests: first.report.minimumRequests + unbatched(first),
      routing_first_ratio: Number(
        (first.report.batchedRequests / Math.max(1, first.report.minimumRequests)).toFixed(3),
      ),
      routing_first_http_round_trips: first.http,
      routing_first_naive_http_round_trips: naivePerRun + MAILBOXES,
      routing_first_wall_ms: first.ms,
      routing_second_graph_requests: second.report.batchedRequests + unbatched(second),
      routing_second_minimum_requests: second.report.minimumRequests + unbatched(second),
      routing_second_http_round_trips: second.http,
      routing_second_naive_http_round_trips: naivePerRun,
      routing_second_wall_ms: second.ms,
      routing_third_graph_requests: third.report.batchedRequests + unbatched(third),
      routing_third_http_round_trips: third.http,
      routing_third_wall_ms: third.ms,
      routing_second_changes: second.report.mailboxes.filter((m) => m.outcome !== 'InStep').length,
      routing_report_problems:
        [
          ...first.report.settingsProblems,
          ...second.report.settingsProblems,
          ...third.report.settingsProblems,
        ].join(' ') || 'none',
      routing_heap_mb_after: third.heapMb,
      routing_rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
  } finally {
    await graph.close();
  }
}

if (require.main === module) {
  benchRouting().then(
    (results) => {
      for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(40)} ${v}`);
    },
    (e: unknown) => {
      console.error('routing bench failed:', e instanceof Error ? e.message : 'unknown error');
      process.exitCode = 1;
    },
  );
}
