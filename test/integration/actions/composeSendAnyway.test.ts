// "Send anyway, with a reason" (issue 12) against the local Graph service over HTTP: the reason is
// in the Audit list as a SentAnyway entry, with no email address, and the session-data marker is
// set only after that write; a write that fails sets nothing. (The local service does not check a
// choice column's value against its choices; the seed's Audit list names SentAnyway all the same.)
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { ComposeGuard } from '../../../src/app/compose/composeGuard';
import type { PreparedIndex } from '../../../src/app/senderCheck';
import { defaultConfig } from '../../../src/config/appConfig';
import { AuditRepository } from '../../../src/graph/repositories/auditRepository';
import type {
  ComposeAccess,
  ComposeField,
  ComposeRecipient,
  ComposeState,
} from '../../../src/host/mailHost';
import { SEND_ANYWAY_SESSION_KEY } from '../../../src/launchevent/names';
import { parseSendAnywayMarker } from '../../../src/policy/sendTime';
import { buildRestrictionIndex } from '../../../src/policy/verdict';
import { DENTON, TEACHER, auditEntries, clientFor, demoSeed } from './setup';

jest.setTimeout(60_000);

let graph: RunningLocalGraph;

beforeAll(async () => {
  graph = await startLocalGraph({ port: 0, seed: demoSeed(), randomSeed: 12 });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => graph.reset());

class FakeCompose implements ComposeAccess {
  calls: string[] = [];
  session = new Map<string, string>();
  canSend = true;
  constructor(public state: ComposeState) {}
  async read() {
    return structuredClone(this.state);
  }
  onChanged() {
    return () => undefined;
  }
  async setRecipients(field: ComposeField, list: readonly ComposeRecipient[]) {
    this.state = { ...this.state, [field]: [...list] };
  }
  async setSessionData(key: string, value: string) {
    this.calls.push('session');
    this.session.set(key, value);
  }
  async send() {
    this.calls.push('send');
  }
}

const ready: PreparedIndex = {
  kind: 'ready',
  index: buildRestrictionIndex([DENTON], []),
  today: '2026-03-02',
};

function guardFor(compose: FakeCompose, auditList = defaultConfig.sharePoint.lists.audit) {
  const client = clientFor(graph.url, TEACHER.emailAddress);
  const audit = new AuditRepository(client, {
    ...defaultConfig.sharePoint,
    lists: { audit: auditList },
  });
  return new ComposeGuard({
    compose,
    restrictions: { restrictionIndex: async () => ready },
    audit: async () => audit,
    user: () => TEACHER,
  });
}

test('the reason is in the Audit list (SentAnyway, no address), then the marker, then the send', async () => {
  const compose = new FakeCompose({
    to: [{ address: 'Mark.Denton1978@gmail.com' }],
    cc: [],
    bcc: [],
  });
  const result = await guardFor(compose).sendAnyway(
    'Statutory notice; he asked at mark.denton1978@gmail.com',
  );
  expect(result).toEqual({ kind: 'sent' });
  const entries = (await auditEntries(graph.url)).filter((e) => e.Action === 'SentAnyway');
  expect(entries).toHaveLength(1);
  const [entry] = entries;
  expect(entry!.Title).toBe(
    'Chose to send anyway to Mark Denton (SPOC Priya Shah (School Business Manager)), against a restriction: Statutory notice; he asked at [address]',
  );
  expect(entry!.ActorEmail).toBe(TEACHER.emailAddress);
  const marker = parseSendAnywayMarker(compose.session.get(SEND_ANYWAY_SESSION_KEY));
  expect(marker?.auditKey).toBe(entry!.AuditKey);
  expect(marker?.addresses).toEqual(['mark.denton1978@gmail.com']);
  expect(compose.calls).toEqual(['session', 'send']);
});

test('an audit write that fails sets no marker and sends nothing', async () => {
  const compose = new FakeCompose({ to: [{ address: DENTON.emails[0]! }], cc: [], bcc: [] });
  const result = await guardFor(compose, 'No Such List').sendAnyway('Needed');
  expect(result).toEqual({ kind: 'failed', step: 'audit' });
  expect(compose.calls).toEqual([]);
  expect(compose.session.size).toBe(0);
});
