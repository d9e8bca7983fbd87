// Exactly once under asynchronous send (issue 9, part 2): Graph's `forward` (like `send`) answers
// 202 while the forward waits in the Outbox; its Sent Items copy and the delivery come later. An answer lost after
// the service acted (lossyProxy.ts) must never lead to a second forward, whether the retry finds the
// forward still in the Outbox or already in Sent Items; once the claim records the send, a retry
// (even by another pane) creates and sends nothing.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { startLossyProxy, type LossyProxy } from './lossyProxy';
import {
  DENTON_SUBJECT,
  RECEPTION,
  SPOC,
  actionsFor,
  auditEntries,
  demoSeed,
  folderMessages,
  openMessage,
  outboxesDrained,
  target,
} from './setup';

jest.setTimeout(180_000);

const ROUNDS = 8;

async function forwardsIn(graph: RunningLocalGraph) {
  await outboxesDrained(graph.url);
  return (await folderMessages(graph.url, SPOC.emailAddress, 'inbox')).filter(
    (m) => m.subject === `FW: ${DENTON_SUBJECT}`,
  );
}

// 0 ms: the retry finds the forward already in Sent Items. 2 s: it finds it in the Outbox.
describe.each([
  ['already in Sent Items', 0],
  ['still in the Outbox', 2_000],
])('a lost answer after send, the retry finding the forward %s', (_where, sendDelayMs) => {
  let graph: RunningLocalGraph;
  let proxy: LossyProxy;
  beforeAll(async () => {
    graph = await startLocalGraph({ port: 0, seed: demoSeed(), behaviours: { sendDelayMs } });
    proxy = await startLossyProxy(graph.url);
  });
  afterAll(async () => {
    await proxy.close();
    await graph.close();
  });

  it(`one forward, every time, over ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      graph.reset();
      graph.clearRequests();
      proxy.lost.length = 0;
      const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
      // Even rounds lose the answer to the forward; odd rounds the answer to the PATCH right
      // after it (the claim's record that the forward was accepted).
      let sendSeen = false;
      proxy.setRule((r) => {
        if (r.method === 'POST' && /\/forward$/.test(r.path)) {
          sendSeen = true;
          return round % 2 === 0 ? 'loseAnswer' : 'pass';
        }
        if (round % 2 === 1 && sendSeen && r.method === 'PATCH' && proxy.lost.length === 0)
          return 'loseAnswer';
        return 'pass';
      });
      const { actions } = actionsFor(proxy.url, RECEPTION);
      const outcome = await actions.forward(target(message));
      proxy.setRule(() => 'pass');
      expect(outcome.status).toBe('done');
      expect(proxy.lost.map((r) => r.method)).toEqual([round % 2 === 0 ? 'POST' : 'PATCH']);
      const forwards = graph.requests().filter((r) => /\/forward$|\/createForward$/i.test(r.path));
      const sends = graph.requests().filter((r) => /\/send$/.test(r.path));
      expect([forwards.length, sends.length]).toEqual([1, 0]);
      expect(await forwardsIn(graph)).toHaveLength(1);
      const sent = await folderMessages(graph.url, RECEPTION.emailAddress, 'sentitems');
      expect(sent.filter((m) => m.subject === `FW: ${DENTON_SUBJECT}`)).toHaveLength(1);
      expect((await auditEntries(graph.url)).filter((e) => e.Action === 'Forwarded')).toHaveLength(
        1,
      );
    }
  });
});

describe('once the claim records the send', () => {
  let graph: RunningLocalGraph;
  let proxy: LossyProxy;
  beforeAll(async () => {
    graph = await startLocalGraph({
      port: 0,
      seed: demoSeed(),
      behaviours: { sendDelayMs: 1_500 },
    });
    proxy = await startLossyProxy(graph.url);
  });
  afterAll(async () => {
    await proxy.close();
    await graph.close();
  });

  it('a later attempt by another pane creates and sends nothing, and finishes the marks', async () => {
    const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
    // The first pane sends, records it, then cannot write the audit entry: it gives up.
    proxy.setRule((r) =>
      r.method === 'POST' && /\/lists\//.test(r.path)
        ? { status: 403, code: 'accessDenied' }
        : 'pass',
    );
    const first = actionsFor(proxy.url, RECEPTION);
    await expect(first.actions.forward(target(message))).rejects.toMatchObject({
      problem: 'forbidden',
    });
    const claim = (await first.graph.readState({ messageId: message.itemId })).claim;
    expect(claim).toMatchObject({ sent: true, released: true });

    // Another pane, while the forward may still be in the Outbox.
    proxy.setRule(() => 'pass');
    graph.clearRequests();
    const second = actionsFor(proxy.url, RECEPTION);
    expect((await second.actions.forward(target(message))).status).toBe('done');
    const made = graph
      .requests()
      .filter((r) => /\/forward$|\/createForward$|\/send$/i.test(r.path) && r.method === 'POST');
    expect(made).toEqual([]);
    expect(await forwardsIn(graph)).toHaveLength(1);
    const status = await second.actions.load(message);
    expect(status.forwarded).toBeDefined();
  });
});

describe("a forward starting from the pane's read of the email", () => {
  let graph: RunningLocalGraph;
  beforeAll(async () => {
    graph = await startLocalGraph({ port: 0, seed: demoSeed(), behaviours: { sendDelayMs: 300 } });
  });
  afterAll(() => graph.close());
  beforeEach(() => graph.reset());

  it('skips a second read, and still meets a claim made since (If-Match): busy, nothing sent', async () => {
    const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
    const mine = actionsFor(graph.url, RECEPTION);
    // Another pane (another window of the same mailbox).
    const other = actionsFor(graph.url, RECEPTION);
    await mine.actions.load(message);
    // Someone else claims the email after this pane read it.
    const ref = { messageId: message.itemId, mailbox: undefined };
    const now = await other.graph.readState(ref);
    const at = new Date().toISOString();
    expect(
      await other.graph.claim(
        ref,
        now.etag,
        JSON.stringify({ key: 'k', token: 't', byName: 'Tom Ashworth', byAddress: 'x', at }),
      ),
    ).toBe(true);
    graph.clearRequests();
    const outcome = await mine.actions.forward(target(message));
    expect(outcome).toEqual({ status: 'busy', byName: 'Tom Ashworth', at });
    expect(graph.requests().filter((r) => /\/forward$/.test(r.path))).toEqual([]);
    expect(graph.requests().some((r) => r.status === 412)).toBe(true);
  });

  it('a forward after the pane read it: read skipped, one forward', async () => {
    const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
    const { actions } = actionsFor(graph.url, RECEPTION);
    await actions.load(message);
    graph.clearRequests();
    expect((await actions.forward(target(message))).status).toBe('done');
    const reads = graph
      .requests()
      .filter((r) => r.method === 'GET' && /\/messages\/[^/?]+(\?|$)/.test(r.path));
    expect(reads).toEqual([]);
    expect(await forwardsIn(graph)).toHaveLength(1);
  });
});
