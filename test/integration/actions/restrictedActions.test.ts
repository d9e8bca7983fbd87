// Acting on restricted correspondence against the local Graph service over HTTP: forward exactly
// once under injected 429/503 and lost answers, two people at once, file and undo, forward-and-file
// with a failing forward, the SPOC's outcomes, shared mailboxes, plain errors, audit entries.
// Every request body is checked by the local service against the official Graph subset (a body
// outside it is a 400, which these tests would see).
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { ActionFailure } from '../../../src/app/actions/restrictedActions';
import { FORWARD_MARKER } from '../../../src/policy/mailActions';
import { startLossyProxy, type LossyProxy } from './lossyProxy';
import {
  ACTION_TEST_BEHAVIOURS,
  DENTON,
  DENTON_SUBJECT,
  OFFICE,
  OFFICE_SUBJECT,
  RECEPTION,
  SPOC,
  TEACHER,
  URGENT_SUBJECT,
  actionsFor,
  auditEntries,
  demoSeed,
  folderMessages,
  openMessage,
  outboxesDrained,
  target,
} from './setup';

jest.setTimeout(120_000);

let graph: RunningLocalGraph;
let proxy: LossyProxy;

beforeAll(async () => {
  graph = await startLocalGraph({
    port: 0,
    seed: demoSeed(),
    randomSeed: 4,
    behaviours: ACTION_TEST_BEHAVIOURS,
  });
  proxy = await startLossyProxy(graph.url);
});
afterAll(async () => {
  await proxy.close();
  await graph.close();
});
beforeEach(() => {
  graph.reset();
  graph.clearRequests();
  proxy.setRule(() => 'pass');
  proxy.lost.length = 0;
});

/** Forwards that arrived, counted once every accepted send has gone (send is asynchronous). */
const forwardsIn = async (mailbox: string, subject: string) => {
  await outboxesDrained(graph.url);
  return (await folderMessages(graph.url, mailbox, 'inbox')).filter(
    (m) => m.subject === `FW: ${subject}`,
  );
};

function noBadRequests(): void {
  const bad = graph.requests().filter((r) => r.status === 400);
  expect(bad).toEqual([]);
}

test('a forward reaches the SPOC once, with the cover note, the header and the marks', async () => {
  const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
  const { actions } = actionsFor(proxy.url, RECEPTION);
  const outcome = await actions.forward(target(message));
  expect(outcome.status).toBe('done');
  const arrived = await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT);
  expect(arrived).toHaveLength(1);
  // createForward dropped the custom header (the strict default); the SPOC's pane still knows it
  // from the cover note's marker.
  const spocView = await actionsFor(proxy.url, SPOC).actions.load(
    await openMessage(graph.url, SPOC.emailAddress, `FW: ${DENTON_SUBJECT}`, false),
    { headers: true },
  );
  expect(spocView.state.forwardHeader).toMatchObject({ personName: 'Mark Denton' });
  const status = await actions.load(message);
  expect(status.forwarded).toMatchObject({ byName: 'Sarah Whitfield', kind: 'forwarded' });
  expect(status.state.categories).toContain('Contact Guard: forwarded to SPOC');
  // The original stays where it was, intact.
  expect(status.state.parentFolderId).toBe(
    (await folderMessages(graph.url, RECEPTION.emailAddress, 'inbox')).find(
      (m) => m.id === message.itemId,
    )?.parentFolderId,
  );
  // Pressed again (or opened later by anyone): nothing is sent again.
  expect((await actions.forward(target(message))).status).toBe('alreadyDone');
  expect(await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT)).toHaveLength(1);
  noBadRequests();
});

test('under 30% injected 429/503 and lost answers after the service acted, each forward arrives exactly once', async () => {
  const rounds = 12;
  let lostTotal = 0;
  let faultsTotal = 0;
  for (let round = 0; round < rounds; round++) {
    graph.reset();
    graph.clearRequests();
    proxy.lost.length = 0;
    const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
    graph.setFaults({ throttleRate: 0.15, unavailableRate: 0.15, retryAfterSeconds: 0 });
    // Lose about one write answer in four after the service acted.
    let n = round;
    proxy.setRule((r) => (r.method !== 'GET' && (n++ * 7) % 4 === 0 ? 'loseAnswer' : 'pass'));
    const { actions } = actionsFor(proxy.url, RECEPTION, { maxRetries: 10, maxAttempts: 60 });
    const outcome = await actions.forward(target(message));
    proxy.setRule(() => 'pass');
    graph.setFaults({});
    expect(['done', 'alreadyDone']).toContain(outcome.status);
    expect(await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT)).toHaveLength(1);
    const sent = await folderMessages(graph.url, RECEPTION.emailAddress, 'sentitems');
    expect(sent.filter((m) => m.subject === `FW: ${DENTON_SUBJECT}`)).toHaveLength(1);
    const audit = (await auditEntries(graph.url)).filter((e) => e.Action === 'Forwarded');
    expect(audit).toHaveLength(1);
    lostTotal += proxy.lost.length;
    faultsTotal += graph.requests().filter((r) => r.status === 429 || r.status === 503).length;
    // No request the service refused as malformed. Where the tenant answers a duplicate key with
    // 400 (the LOCAL_GRAPH_DUPLICATE_ANSWER=400 variant), a repeated keyed create of a list item
    // after a lost answer is that answer, not a malformed request.
    const duplicateAnswer = (r: { method: string; path: string }) =>
      process.env.LOCAL_GRAPH_DUPLICATE_ANSWER === '400' &&
      r.method === 'POST' &&
      /\/lists\/[^/]+\/items$/.test(r.path);
    expect(graph.requests().filter((r) => r.status === 400 && !duplicateAnswer(r))).toEqual([]);
  }
  // The faults really happened, including answers lost after the send itself.
  expect(lostTotal).toBeGreaterThan(rounds);
  expect(faultsTotal).toBeGreaterThan(rounds);
});

test("a lost answer to the claim's record that the forward was sent does not send a second copy", async () => {
  const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
  let forwarded = false;
  proxy.setRule((r) => {
    if (r.method === 'POST' && /\/forward$/.test(r.path)) forwarded = true;
    else if (forwarded && r.method === 'PATCH' && proxy.lost.length === 0) return 'loseAnswer';
    return 'pass';
  });
  const { actions } = actionsFor(proxy.url, RECEPTION);
  expect((await actions.forward(target(message))).status).toBe('done');
  expect(proxy.lost.map((r) => r.method)).toEqual(['PATCH']);
  expect(graph.requests().filter((r) => /\/forward$/.test(r.path))).toHaveLength(1);
  expect(await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT)).toHaveLength(1);
});

test('a lost answer to the forward itself leaves no draft and one forward', async () => {
  const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
  let once = true;
  proxy.setRule((r) => {
    if (once && /\/forward$/i.test(r.path)) {
      once = false;
      return 'loseAnswer';
    }
    return 'pass';
  });
  const { actions } = actionsFor(proxy.url, RECEPTION);
  expect((await actions.forward(target(message))).status).toBe('done');
  expect(proxy.lost.map((r) => r.path.endsWith('/forward'))).toEqual([true]);
  expect(await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT)).toHaveLength(1);
  expect(await folderMessages(graph.url, RECEPTION.emailAddress, 'drafts')).toEqual([]);
});

test('two people pressing Forward on the same email in a shared mailbox produce one forward', async () => {
  for (let round = 0; round < 8; round++) {
    graph.reset();
    const message = await openMessage(graph.url, OFFICE, OFFICE_SUBJECT, true);
    const a = actionsFor(proxy.url, RECEPTION).actions;
    const b = actionsFor(proxy.url, TEACHER).actions;
    const results = await Promise.all([a.forward(target(message)), b.forward(target(message))]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 'done')).toHaveLength(1);
    expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toHaveLength(1);
    // The forward went from the shared mailbox: its Sent Items, not anyone's own.
    const sent = await folderMessages(graph.url, OFFICE, 'sentitems');
    expect(sent.filter((m) => m.subject === `FW: ${OFFICE_SUBJECT}`)).toHaveLength(1);
  }
  const mine = graph.requests().filter((r) => r.path.startsWith('/v1.0/me/'));
  expect(mine).toEqual([]);
});

test('a claim held by someone else now: nothing is done, and it says who', async () => {
  const message = await openMessage(graph.url, OFFICE, OFFICE_SUBJECT, true);
  const a = actionsFor(proxy.url, RECEPTION);
  const at = new Date().toISOString();
  const state = await a.graph.readState({ mailbox: OFFICE, messageId: message.itemId });
  await a.graph.claim(
    { mailbox: OFFICE, messageId: message.itemId },
    state.etag,
    JSON.stringify({ key: 'other', byName: 'Tom Ashworth', byAddress: TEACHER.emailAddress, at }),
  );
  const outcome = await a.actions.forward(target(message));
  expect(outcome).toEqual({ status: 'busy', byName: 'Tom Ashworth', at });
  expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toHaveLength(0);
});

test('file, then undo: the email is back in its folder, with the marks and audit to show it', async () => {
  const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
  const { actions } = actionsFor(proxy.url, RECEPTION);
  const before = (await actions.load(message)).state.parentFolderId;
  const filed = await actions.file(target(message));
  expect(filed.status).toBe('done');
  expect(filed.undo).toBeDefined();
  // The host's id is a regular REST id: the move ended it. The undo holds the immutable id the
  // first read answered, and the pane's later calls with the host's id are mapped to it.
  expect(filed.undo!.ref.messageId).not.toBe(message.itemId);
  const stale = await fetch(`${graph.url}/v1.0/me/messages/${encodeURIComponent(message.itemId)}`, {
    headers: { Authorization: 'Bearer local:reception@oakfield.sch.uk' },
  });
  expect(stale.status).toBe(404);
  const inFolder = await actions.load(message);
  expect(inFolder.ref.messageId).toBe(filed.undo!.ref.messageId);
  expect(inFolder.state.parentFolderId).not.toBe(before);
  expect(inFolder.filed).toBeDefined();
  expect(inFolder.state.categories).toContain('Contact Guard: filed');
  // The folder and the person's subfolder were made below the Inbox.
  const folders = (await (
    await fetch(`${graph.url}/v1.0/me/mailFolders/inbox/childFolders`, {
      headers: { Authorization: 'Bearer local:reception@oakfield.sch.uk' },
    })
  ).json()) as { value: { id: string; displayName: string }[] };
  const root = folders.value.find((f) => f.displayName === 'Restricted correspondence');
  expect(root).toBeDefined();
  expect(
    (await folderMessages(graph.url, RECEPTION.emailAddress, inFolder.state.parentFolderId!)).map(
      (m) => m.subject,
    ),
  ).toEqual([DENTON_SUBJECT]);

  await actions.undoFile(filed.undo!);
  const after = await actions.load(message);
  expect(after.state.parentFolderId).toBe(before);
  expect(after.filed).toBeUndefined();
  expect(after.state.categories).not.toContain('Contact Guard: filed');
  expect(
    (await folderMessages(graph.url, RECEPTION.emailAddress, 'inbox')).map((m) => m.subject),
  ).toContain(DENTON_SUBJECT);
  const audit = (await auditEntries(graph.url)).map((e) => e.Action).sort();
  expect(audit).toEqual(['Filed', 'FilingUndone']);
  // Filed again after the undo: one folder per person, not a second one.
  await actions.file(target(message));
  const again = await actions.load(message);
  expect(again.state.parentFolderId).toBe(inFolder.state.parentFolderId);
  noBadRequests();
});

test('forward and file: a failing forward files nothing', async () => {
  const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
  const { actions } = actionsFor(proxy.url, RECEPTION);
  proxy.setRule((r) =>
    /\/forward$/i.test(r.path) ? { status: 403, code: 'ErrorAccessDenied' } : 'pass',
  );
  await expect(actions.forwardAndFile(target(message))).rejects.toMatchObject({
    problem: 'forbidden',
  });
  const status = await actions.load(message);
  expect(status.filed).toBeUndefined();
  expect(status.forwarded).toBeUndefined();
  expect(
    (await folderMessages(graph.url, RECEPTION.emailAddress, 'inbox')).map((m) => m.id),
  ).toContain(message.itemId);
  expect(graph.requests().filter((r) => /\/move$/.test(r.path))).toEqual([]);

  // A SPOC outside the school: refused before anything is sent or moved.
  proxy.setRule(() => 'pass');
  graph.clearRequests();
  const outside = { ...DENTON, spocEmail: 'priya.shah@gmail.com' };
  await expect(actions.forwardAndFile(target(message, outside))).rejects.toMatchObject({
    problem: 'spocOutsideSchool',
  });
  await expect(
    actions.forward(target(message, { ...DENTON, spocEmail: '' })),
  ).rejects.toMatchObject({ problem: 'spocMissing' });
  expect(graph.requests().filter((r) => r.method !== 'GET' && !r.path.includes('/lists/'))).toEqual(
    [],
  );

  // And when it works (the failed attempt gave its claim up): forwarded, then filed.
  const both = await actions.forwardAndFile(target(message));
  expect(both.forward.status).toBe('done');
  expect(both.file?.status).toBe('done');
  expect(await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT)).toHaveLength(1);
});

test('plain errors leave the email where it was: folder not made, already moved, permission refused', async () => {
  const message = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
  const { actions } = actionsFor(proxy.url, RECEPTION);
  proxy.setRule((r) =>
    r.method === 'POST' && /childFolders/i.test(r.path)
      ? { status: 403, code: 'ErrorAccessDenied' }
      : 'pass',
  );
  const folderError = await actions.file(target(message)).catch((e: unknown) => e);
  expect(folderError).toBeInstanceOf(ActionFailure);
  expect((folderError as ActionFailure).problem).toBe('folderFailed');
  expect((folderError as ActionFailure).message).toMatch(/still where it was/);
  expect(
    (await folderMessages(graph.url, RECEPTION.emailAddress, 'inbox')).map((m) => m.id),
  ).toContain(message.itemId);

  proxy.setRule((r) =>
    r.method === 'PATCH' ? { status: 403, code: 'ErrorAccessDenied' } : 'pass',
  );
  await expect(actions.forward(target(message))).rejects.toMatchObject({ problem: 'forbidden' });
  expect(await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT)).toHaveLength(0);

  proxy.setRule(() => 'pass');
  const gone = { ...message, itemId: 'AAMkAGI2-no-such-message=' };
  await expect(actions.file(target(gone))).rejects.toMatchObject({ problem: 'alreadyMoved' });
  // Messages never carry addresses or names.
  expect((folderError as Error).message).not.toMatch(/@|Denton/);
});

test('an urgent restricted email: the forward is flagged in its cover note, header and importance', async () => {
  const message = await openMessage(graph.url, RECEPTION.emailAddress, URGENT_SUBJECT, false);
  const { actions } = actionsFor(proxy.url, RECEPTION);
  const status = await actions.load(message);
  expect(status.urgency.urgent).toBe(true);
  // The built-in lexicon (issue 14): the subject's "Urgent" and the body's request for a call, as written.
  expect(status.urgency.matched).toEqual(['Urgent', 'call me as soon as possible']);
  const obrien = {
    ...DENTON,
    id: '2',
    personName: "Siobhan O'Brien",
    spocName: 'Oakfield School Office',
    spocEmail: OFFICE,
    handling: 'Forward' as const,
  };
  await actions.forward(target(message, obrien));
  await outboxesDrained(graph.url);
  const res = await fetch(
    `${graph.url}/v1.0/users/${OFFICE}/mailFolders/inbox/messages?$select=subject,body,importance,internetMessageHeaders&$top=50`,
    { headers: { Authorization: 'Bearer local:reception@oakfield.sch.uk' } },
  );
  const arrived = (
    (await res.json()) as {
      value: {
        subject: string;
        importance: string;
        body: { content: string };
        internetMessageHeaders: { name: string; value: string }[];
      }[];
    }
  ).value.find((m) => m.subject === `FW: ${URGENT_SUBJECT}`)!;
  const sent = await fetch(
    `${graph.url}/v1.0/me/mailFolders/sentitems/messages?$select=subject,importance`,
    { headers: { Authorization: 'Bearer local:reception@oakfield.sch.uk' } },
  );
  expect(
    ((await sent.json()) as { value: { importance: string }[] }).value.map((m) => m.importance),
  ).toEqual(['high']);
  expect(arrived.body.content).toMatch(/POSSIBLY URGENT OR SAFEGUARDING/);
  expect(arrived.body.content).toMatch(/forwarded from that mailbox by Sarah Whitfield/);
  expect(arrived.body.content).toContain('Aoife was sick this morning');
  expect(arrived.body.content).toMatch(new RegExp(`${FORWARD_MARKER} v=1;.*urgent=1`));
});

test("the SPOC's side: a forward is recognised; no new issue files it, new issue keeps it; both audited", async () => {
  const staff = actionsFor(proxy.url, RECEPTION).actions;
  const original = await openMessage(graph.url, RECEPTION.emailAddress, DENTON_SUBJECT, false);
  await staff.forward(target(original));
  await outboxesDrained(graph.url);
  const spoc = actionsFor(proxy.url, SPOC).actions;
  const forwarded = await openMessage(graph.url, SPOC.emailAddress, `FW: ${DENTON_SUBJECT}`, false);
  const status = await spoc.load(forwarded, { headers: true });
  expect(status.state.forwardHeader).toMatchObject({
    personName: 'Mark Denton',
    restrictionId: '1',
  });
  const filed = await spoc.spocNoNewIssue(forwarded, status.state.forwardHeader!.personName);
  expect(filed.status).toBe('done');
  const after = await spoc.load(forwarded);
  expect(after.outcome).toMatchObject({ detail: 'noNewIssue', byName: 'Priya Shah' });
  expect(after.filed).toBeDefined();
  expect(await forwardsIn(SPOC.emailAddress, DENTON_SUBJECT)).toHaveLength(0);
  // Filed in the SPOC's own Restricted correspondence folder (the seed's one), in Mark Denton's subfolder.
  const sub = await fetch(
    `${graph.url}/v1.0/users/${SPOC.emailAddress}/mailFolders/AAMkAGI2bm-restricted/childFolders`,
    {
      headers: { Authorization: `Bearer local:${SPOC.emailAddress}` },
    },
  );
  const subfolders = ((await sub.json()) as { value: { id: string; displayName: string }[] }).value;
  expect(subfolders.map((f) => f.displayName)).toEqual(['Mark Denton']);
  expect(after.state.parentFolderId).toBe(subfolders[0]!.id);

  // The seed's older forward: new issue raised, kept in the inbox.
  const second = await openMessage(graph.url, OFFICE, OFFICE_SUBJECT, true);
  await staff.forward(target(second));
  await outboxesDrained(graph.url);
  const fw = await openMessage(graph.url, SPOC.emailAddress, `FW: ${OFFICE_SUBJECT}`, false);
  const raised = await spoc.spocNewIssue(fw);
  expect(raised.status).toBe('done');
  expect((await spoc.spocNewIssue(fw)).status).toBe('alreadyDone');
  const kept = await spoc.load(fw);
  expect(kept.outcome).toMatchObject({ detail: 'newIssue' });
  expect(kept.state.categories).toContain('Contact Guard: new issue');
  expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toHaveLength(1);

  const actions = (await auditEntries(graph.url)).map((e) => e.Action).sort();
  expect(actions).toEqual(['Filed', 'Forwarded', 'Forwarded', 'SpocOutcome', 'SpocOutcome']);
  noBadRequests();
});
