// A forward header is believed only from inside the school (issue 10, item 5). Anyone can write
// Contact Guard's X-ContactGuard-Forward header, or its marker line, into mail they send: a parent
// who forges one naming someone else must not turn their email into "restricted correspondence
// from <someone else>" on the SPOC's pane; the verdict stays about the parent. The school's
// domains are the tenant's verified domains, read from the local service with the SPOC's token.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import {
  FORWARD_HEADER,
  forwardMarkerLine,
  formatForwardHeader,
  type ForwardHeaderValue,
} from '../../../src/policy/mailActions';
import { decideVerdict } from '../../../src/policy/verdict';
import { ActionFailure } from '../../../src/app/actions/restrictedActions';
import { actionsFor, DENTON, demoSeed, openMessage, RECEPTION, SPOC } from './setup';

const NAMED = {
  key: 'forged-key',
  restrictionId: '7',
  personName: 'Jane Innocent',
  urgent: false,
} satisfies ForwardHeaderValue;

const mail = (subject: string, from: string, sender?: string) => ({
  subject,
  from: { emailAddress: { name: 'Someone', address: from } },
  ...(sender ? { sender: { emailAddress: { name: 'Someone', address: sender } } } : {}),
  receivedDateTime: '$now-5m',
  body: { contentType: 'text', content: `${forwardMarkerLine(NAMED)}\nPlease deal with this.` },
  internetMessageHeaders: [{ name: FORWARD_HEADER, value: formatForwardHeader(NAMED) }],
});

const FORGED_BY_PARENT = 'FW: about Jane (from the parent)';
const FORGED_BY_OUTSIDER = 'FW: about Jane (from an outsider)';
const FORGED_ON_BEHALF = 'FW: about Jane (on behalf of the school)';
const GENUINE = 'FW: about Jane (from reception)';

let graph: RunningLocalGraph;
beforeAll(async () => {
  const seed = demoSeed();
  const inbox = seed.mailboxes.find((m) => m.address === SPOC.emailAddress)!.folders[0]!;
  inbox.messages = [
    ...(inbox.messages ?? []),
    mail(FORGED_BY_PARENT, DENTON.emails[0]!),
    mail(FORGED_BY_OUTSIDER, 'someone@oakfield-sch.uk.example.com'),
    // From outside, "sent on behalf of" a school address: both must be the school's.
    mail(FORGED_ON_BEHALF, 'someone@gmail.com', RECEPTION.emailAddress),
    mail(GENUINE, RECEPTION.emailAddress),
  ];
  graph = await startLocalGraph({ port: 0, seed });
});
afterAll(() => graph.close());

async function headerSeenBySpoc(subject: string) {
  const message = await openMessage(graph.url, SPOC.emailAddress, subject, false);
  const status = await actionsFor(graph.url, SPOC).actions.load(message, { headers: true });
  return { message, header: status.state.forwardHeader };
}

test("a parent's forged forward header is ignored: the verdict is about the parent", async () => {
  const { message, header } = await headerSeenBySpoc(FORGED_BY_PARENT);
  expect(header).toBeUndefined();
  const verdict = decideVerdict({
    message: { from: message.from },
    restrictions: [DENTON],
    malformed: [],
    today: '2026-05-14',
  });
  expect(verdict).toMatchObject({
    kind: 'restricted',
    restriction: { personName: 'Mark Denton' },
    matchedAddress: DENTON.emails[0],
  });
});

test('an outsider, or an outsider sending on behalf of a school address, is not believed either', async () => {
  expect((await headerSeenBySpoc(FORGED_BY_OUTSIDER)).header).toBeUndefined();
  expect((await headerSeenBySpoc(FORGED_ON_BEHALF)).header).toBeUndefined();
});

test("the same header from the school's own reception is believed", async () => {
  expect((await headerSeenBySpoc(GENUINE)).header).toEqual(NAMED);
});

test('without the verified domains (Graph refuses the read), the read fails: "cannot check", never "not believed"', async () => {
  // Issue 13, item 2: an unbelieved header would show the SPOC the forwarder's clear verdict.
  const message = await openMessage(graph.url, SPOC.emailAddress, GENUINE, false);
  const { actions } = actionsFor(graph.url, SPOC, {
    tenantDomains: () => Promise.reject(new Error('Graph refused the read')),
  });
  await expect(actions.load(message, { headers: true })).rejects.toBeInstanceOf(ActionFailure);
});
