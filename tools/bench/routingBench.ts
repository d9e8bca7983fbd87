// The mail-routing bench (issue #6): 2,000 protected mailboxes and 200 restrictions on the local
// Graph service with 100 ms injected latency per HTTP request. Measures, for a first `apply` (every
// rule to make) and a second one (nothing changed):
// - Graph requests sent (inner $batch requests plus the few unbatched reads and writes) against
//   the minimum the plan needs (a rule listing per mailbox, folder reads where needed, then each
//   change, folder and report item);
// - HTTP round trips, against a naive approach with one request per rule (no $batch, no diff:
//   read each mailbox's rules and folders, then write every rule it should have);
// - for the no-change run, requests against its floor: one rule listing per mailbox;
// - wall time, and the job's own peak memory: the job runs in a child process
//   (routingJob.ts), the local service in this one.
// Run alone: npx tsx tools/bench/routingBench.ts (or npm run bench -- --only routing)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startLocalGraph, type Seed } from '../../dev/local-graph';
import { defaultConfig } from '../../src/config/appConfig';
import { contactRestrictionsList } from '../../src/graph/schema/contactRestrictionsList';
import { routingStatusList } from '../../src/graph/schema/routingStatusList';
import { settingsList } from '../../src/graph/schema/settingsList';
import type { JobRun } from './routingJob';

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
        // The routing job's Sites.Selected grants, as docs/routing.md has an admin give them.
        appGrants: [
          { app: 'contact-guard-routing', role: 'read', list: contactRestrictionsList.displayName },
          { app: 'contact-guard-routing', role: 'read', list: settingsList.displayName },
          { app: 'contact-guard-routing', role: 'write', list: routingStatusList.displayName },
        ],
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

/** Runs the job in a child process (its memory apart from the service's); one report per run. */
function runJob(graphUrl: string, runs: number): Promise<JobRun[]> {
  const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(
      tsx,
      [path.join(__dirname, 'routingJob.ts'), graphUrl, DOMAIN, String(runs)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n').filter((l) => l.startsWith('{'));
      if (code !== 0 || lines.length !== runs)
        reject(new Error(`the routing job exited with ${code} after ${lines.length} runs`));
      else resolve(lines.map((l) => JSON.parse(l) as JobRun));
    });
  });
}

export async function benchRouting(
  size: RoutingBenchSize = FULL_SIZE,
): Promise<Record<string, number | string>> {
  const { mailboxes: MAILBOXES, restrictions: RESTRICTIONS, latencyMs: LATENCY_MS } = size;
  const graph = await startLocalGraph({ port: 0, seed: benchSeed(size), latencyMs: LATENCY_MS });
  try {
    // Apply three times: the first makes every rule; the second and third find nothing to change.
    const [first, second, third] = (await runJob(graph.url, 3)) as [JobRun, JobRun, JobRun];
    const requests = (r: JobRun) => r.batchedRequests + r.unbatched;
    // Naive: no $batch and no diff: per mailbox, read rules and folders, create the folder once,
    // then one request per rule, on every run.
    const naivePerRun = MAILBOXES * 2 + first.rulesCreated;
    // The floor of a run with nothing to change: one rule listing per mailbox, the protected ones
    // and the SPOCs' mailboxes (not protected here: the job marks the mail redirected to them).
    const noChangeFloor = MAILBOXES + SPOCS.length;
    return {
      routing_mailboxes: MAILBOXES,
      routing_restrictions: RESTRICTIONS,
      routing_latency_ms: LATENCY_MS,
      routing_rules_made: first.rulesCreated,
      routing_failed_mailboxes: first.failed,
      routing_first_graph_requests: requests(first),
      routing_first_minimum_requests: first.minimumRequests + first.unbatched,
      routing_first_ratio_to_minimum: Number(
        (requests(first) / (first.minimumRequests + first.unbatched)).toFixed(3),
      ),
      routing_first_http_round_trips: first.http,
      routing_first_naive_http_round_trips: naivePerRun + MAILBOXES,
      routing_first_wall_ms: first.ms,
      routing_nochange_graph_requests: requests(second),
      routing_nochange_floor_requests: noChangeFloor,
      routing_nochange_ratio_to_floor: Number((requests(second) / noChangeFloor).toFixed(3)),
      routing_nochange_http_round_trips: second.http,
      routing_nochange_naive_http_round_trips: naivePerRun,
      routing_nochange_wall_ms: second.ms,
      routing_nochange_changed_mailboxes: second.changed,
      routing_third_graph_requests: requests(third),
      routing_third_http_round_trips: third.http,
      routing_report_problems:
        [...first.problems, ...second.problems, ...third.problems].join(' ') || 'none',
      routing_job_peak_rss_mb: third.peakRssMb,
      routing_job_peak_heap_mb: third.peakHeapMb,
      routing_service_rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
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
