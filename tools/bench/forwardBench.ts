// Forward bench (issue 9): with 150 ms injected latency per Graph request, the Graph requests and
// round trips one exactly-once forward of a restricted email costs (src/app/actions), on the demo
// seed under the strict local service (asynchronous send, immutable ids). A round trip is a group
// of requests in flight together (Promise.all, a $batch counts as one request): the latency a user
// waits for is round trips × latency. Measured from the press: the pane has read the email when it
// was opened (load), and the forward starts from that read. "First" is the first forward of a session (it also reads the
// mailbox's master categories and creates Contact Guard's category there); "next" is a second one
// in the same session.
import { startLocalGraph, type RequestLogEntry } from '../../dev/local-graph';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { createGraphClient } from '../../src/graph/client';
import { MailActionsGraph } from '../../src/graph/mail/mailActions';
import { MessageMarks } from '../../src/graph/mail/messageMarks';
import { AuditRepository } from '../../src/graph/repositories/auditRepository';
import { RestrictedActions } from '../../src/app/actions/restrictedActions';
import { TenantDomains } from '../../src/app/tenantDomains';
import { defaultConfig } from '../../src/config/appConfig';
import type { Restriction } from '../../src/policy/types';

const LATENCY_MS = 150;
const RUNS = 5;
const USER = { displayName: 'Sarah Whitfield', emailAddress: 'reception@oakfield.sch.uk' };
const SUBJECTS = ['Complaint about the Year 5 trip letter', 'Re: Meeting request - Mr Denton'];
const DENTON: Restriction = {
  id: '1',
  personName: 'Mark Denton',
  emails: ['mark.denton1978@gmail.com', 'm.denton@dentonhaulage.co.uk'],
  status: 'Active',
  startDate: '2020-01-01',
  endDate: '2099-01-01',
  handling: 'Forward',
  spocName: 'Priya Shah (School Business Manager)',
  spocEmail: 'business.manager@oakfield.sch.uk',
  allowedContact: '',
  staffGuidance: '',
  emergencyNote: '',
};

/** Requests whose time in flight overlaps form one round trip. */
export function roundTrips(log: readonly RequestLogEntry[]): number {
  const spans = log
    .map((r) => ({ start: Date.parse(r.at), end: Date.parse(r.at) + r.ms }))
    .sort((a, b) => a.start - b.start);
  let trips = 0;
  let end = -Infinity;
  for (const s of spans) {
    if (s.start >= end) trips += 1;
    end = Math.max(end, s.end);
  }
  return trips;
}

export async function benchForward(): Promise<Record<string, number>> {
  const graph = await startLocalGraph({ port: 0, latencyMs: 0 });
  try {
    const first = { requests: [] as number[], trips: [] as number[], ms: [] as number[] };
    const next = { requests: [] as number[], trips: [] as number[], ms: [] as number[] };
    for (let run = 0; run < RUNS; run += 1) {
      graph.reset();
      graph.setLatency(0);
      const client = createGraphClient({
        baseUrl: graph.url,
        tokenProvider: createLocalTokenProvider(USER.emailAddress),
      });
      // What the host gives: regular REST ids, read without the immutable-id preference.
      const res = await fetch(
        `${graph.url}/v1.0/me/mailFolders/inbox/messages?$top=100&$select=id,subject,receivedDateTime`,
        { headers: { Authorization: `Bearer local:${USER.emailAddress}` } },
      );
      const inbox = ((await res.json()) as { value: { id: string; subject: string }[] }).value;
      // The tenant's domains are read once per session, at the first forward.
      const domains = new TenantDomains(client);
      const actions = new RestrictedActions({
        graph: new MailActionsGraph(client),
        marks: new MessageMarks(client),
        audit: new AuditRepository(client, defaultConfig.sharePoint),
        user: () => USER,
        tenantDomains: () => domains.get(),
        config: {
          restrictedFolderName: defaultConfig.mail.restrictedFolderName,
          urgentKeywords: defaultConfig.mail.urgentKeywords,
        },
      });
      graph.setLatency(LATENCY_MS);
      for (const [i, subject] of SUBJECTS.entries()) {
        const m = inbox.find((x) => x.subject === subject);
        if (!m) throw new Error(`no "${subject}" in the demo seed`);
        // The pane reads the email when it is opened (its verdict and buttons), before any press.
        const message = { itemId: m.id, subject };
        await actions.load(message);
        graph.clearRequests();
        const started = performance.now();
        const outcome = await actions.forward({
          message,
          restriction: DENTON,
          matchedAddress: DENTON.emails[0]!,
        });
        const ms = performance.now() - started;
        if (outcome.status !== 'done') throw new Error(`forward ended ${outcome.status}`);
        const log = graph.requests();
        const into = i === 0 ? first : next;
        into.requests.push(log.length);
        into.trips.push(roundTrips(log));
        into.ms.push(ms);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      'forward: round trips, first in session': median(first.trips),
      'forward: round trips, next': median(next.trips),
      'forward: Graph requests, first in session': median(first.requests),
      'forward: Graph requests, next': median(next.requests),
      'forward: press → done, median ms, first (150 ms latency)': Math.round(median(first.ms)),
      'forward: press → done, median ms, next (150 ms latency)': Math.round(median(next.ms)),
    };
  } finally {
    await graph.close();
  }
}

if (require.main === module) {
  benchForward().then(
    (r) => console.log(r),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
