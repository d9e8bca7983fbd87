// Acting on restricted correspondence in the office's shared mailbox against the strict local
// service (behaviour 3): reception (Full Access + Send As) forwards and files once, without asking
// for the shared mailbox's master categories (always 403); Jo Evans (Full Access, no Send As) gets
// the plain "Send As" message with nothing half done: nothing sent, nothing filed, no draft left
// with her cover note, no audit entry, and the next person's forward goes once.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { ActionFailure, problemText } from '../../../src/app/actions/restrictedActions';
import {
  ACTION_TEST_BEHAVIOURS,
  OFFICE,
  OFFICE_SUBJECT,
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

jest.setTimeout(60_000);

const ASSISTANT = { displayName: 'Jo Evans', emailAddress: 'office.assistant@oakfield.sch.uk' };

let graph: RunningLocalGraph;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0, seed: demoSeed(), behaviours: ACTION_TEST_BEHAVIOURS });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.reset();
  graph.clearRequests();
});

/** The forwards delivered to `mailbox`, counted once every accepted send has left its Outbox. */
const forwardsIn = async (mailbox: string, subject: string) => {
  await outboxesDrained(graph.url);
  return (await folderMessages(graph.url, mailbox, 'inbox')).filter(
    (m) => m.subject === `FW: ${subject}`,
  );
};

async function forwardBody(): Promise<string> {
  const [fw] = await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT);
  const res = await fetch(
    `${graph.url}/v1.0/me/messages/${encodeURIComponent(fw!.id)}?$select=body`,
    { headers: { Authorization: `Bearer local:${SPOC.emailAddress}` } },
  );
  return ((await res.json()) as { body: { content: string } }).body.content;
}

test('reception forwards and files in the shared mailbox once, without its master categories', async () => {
  const message = await openMessage(graph.url, OFFICE, OFFICE_SUBJECT, true);
  const { actions } = actionsFor(graph.url, RECEPTION);
  const outcome = await actions.forwardAndFile(target(message));
  expect(outcome.forward.status).toBe('done');
  expect(outcome.file?.status).toBe('done');
  expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toHaveLength(1);
  expect((await folderMessages(graph.url, OFFICE, 'inbox')).map((m) => m.subject)).not.toContain(
    OFFICE_SUBJECT,
  );
  // Categories were set on the message alone: nobody asked for another mailbox's master list.
  expect(graph.requests().filter((r) => /masterCategories/i.test(r.path))).toEqual([]);
  expect(graph.requests().filter((r) => r.status === 403)).toEqual([]);
  // Pressed again: nothing more is sent.
  const again = await actions.forwardAndFile(target(message));
  expect(again.forward.status).toBe('alreadyDone');
  expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toHaveLength(1);
});

test('without Full Access: "forbidden", naming Full Access, and nothing done', async () => {
  const message = await openMessage(graph.url, OFFICE, OFFICE_SUBJECT, true);
  // The head teacher has no grant on the office mailbox in the demo seed.
  const head = actionsFor(graph.url, {
    displayName: 'Helen Marsh',
    emailAddress: 'head@oakfield.sch.uk',
  });
  const failure = await head.actions.forwardAndFile(target(message)).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ActionFailure);
  expect((failure as ActionFailure).problem).toBe('forbidden');
  expect((failure as ActionFailure).message).toMatch(/'Full Access'/);
  expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toEqual([]);
  expect((await folderMessages(graph.url, OFFICE, 'inbox')).map((m) => m.subject)).toContain(
    OFFICE_SUBJECT,
  );
});

test('without Send As: the plain message, and nothing half done', async () => {
  const message = await openMessage(graph.url, OFFICE, OFFICE_SUBJECT, true);
  const jo = actionsFor(graph.url, ASSISTANT).actions;
  const failure = await jo.forwardAndFile(target(message)).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ActionFailure);
  expect((failure as ActionFailure).problem).toBe('sendAsDenied');
  expect((failure as ActionFailure).message).toBe(problemText.sendAsDenied);
  expect((failure as ActionFailure).message).toMatch(/Send As/);
  expect((failure as ActionFailure).message).toMatch(/Exchange administrator/);
  // The forward was refused once: never repeated.
  expect(
    graph
      .requests()
      .filter((r) => r.status === 403)
      .map((r) => r.path),
  ).toEqual([expect.stringMatching(/\/forward$/)]);
  expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toEqual([]);
  // Not filed: still in the office inbox; its refused draft withdrawn; nothing in Sent Items.
  expect((await folderMessages(graph.url, OFFICE, 'inbox')).map((m) => m.subject)).toContain(
    OFFICE_SUBJECT,
  );
  expect(await folderMessages(graph.url, OFFICE, 'drafts')).toEqual([]);
  expect(await folderMessages(graph.url, OFFICE, 'sentitems')).toEqual([]);
  expect((await auditEntries(graph.url)).filter((e) => e.Action === 'Forwarded')).toEqual([]);
  const state = await jo.load(message);
  expect(state.forwarded).toBeUndefined();
  expect(state.filed).toBeUndefined();

  // Reception then forwards it at once (the claim was given up), once, under her own name.
  const sarah = actionsFor(graph.url, RECEPTION).actions;
  expect((await sarah.forward(target(message))).status).toBe('done');
  expect(await forwardsIn(SPOC.emailAddress, OFFICE_SUBJECT)).toHaveLength(1);
  const body = await forwardBody();
  expect(body).toContain(RECEPTION.displayName);
  expect(body).not.toContain(ASSISTANT.displayName);
});
