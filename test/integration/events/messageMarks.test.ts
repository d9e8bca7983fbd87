// MessageMarks against the local Graph service over HTTP: marks as single-value extended
// properties, the visible category created in the master list when missing, one PATCH per mark.
import { startLocalGraph } from '../../../dev/local-graph';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { createGraphClient } from '../../../src/graph/client';
import {
  MessageMarks,
  markPropertyId,
  type MessageMark,
} from '../../../src/graph/mail/messageMarks';

type RunningGraph = Awaited<ReturnType<typeof startLocalGraph>>;

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0 });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await graph.reset();
  graph.clearRequests();
});

function clientFor(upn: string) {
  return createGraphClient({
    baseUrl: graph.url,
    tokenProvider: createLocalTokenProvider(upn),
    retry: { sleep: () => Promise.resolve() },
  });
}

async function firstMessageId(upn: string, mailbox?: string): Promise<string> {
  const c = clientFor(upn);
  const root = mailbox ? `/users/${mailbox}` : '/me';
  const page = (await c.api(`${root}/mailFolders/inbox/messages`).top(1).get()) as {
    value: { id: string }[];
  };
  return page.value[0]!.id;
}

const mark: MessageMark = {
  kind: 'logged',
  byName: 'Sarah Whitfield',
  byAddress: 'reception@oakfield.sch.uk',
  at: '2025-03-03T10:15:00Z',
  key: 'evt-1',
};

test('add sets the mark and the category (created in the master list), read gives them back', async () => {
  const upn = 'reception@oakfield.sch.uk';
  const messageId = await firstMessageId(upn);
  const marks = new MessageMarks(clientFor(upn));
  expect(await marks.read({ messageId })).toEqual({ marks: [], categories: [] });
  await marks.add({ messageId }, mark, 'Contact event logged');
  const after = await marks.read({ messageId });
  expect(after.marks).toEqual([mark]);
  expect(after.categories).toEqual(['Contact event logged']);
  const master = (await clientFor(upn).api('/me/outlook/masterCategories').get()) as {
    value: { displayName: string }[];
  };
  expect(master.value.map((c) => c.displayName)).toContain('Contact event logged');
  const patches = graph.requests().filter((r) => r.method === 'PATCH');
  expect(patches).toHaveLength(1);
});

test('adding the same mark again changes nothing and sends no write', async () => {
  const upn = 'reception@oakfield.sch.uk';
  const messageId = await firstMessageId(upn);
  const marks = new MessageMarks(clientFor(upn));
  await marks.add({ messageId }, mark, 'Contact event logged');
  graph.clearRequests();
  await marks.add({ messageId }, mark, 'Contact event logged');
  expect(graph.requests().filter((r) => r.method !== 'GET')).toHaveLength(0);
  expect((await marks.read({ messageId })).categories).toEqual(['Contact event logged']);
});

test('two kinds of mark live side by side; other categories are kept', async () => {
  const upn = 'reception@oakfield.sch.uk';
  const messageId = await firstMessageId(upn);
  const client = clientFor(upn);
  await client.api(`/me/messages/${messageId}`).patch({ categories: ['Red category'] });
  const marks = new MessageMarks(client);
  const filed: MessageMark = { ...mark, kind: 'filed', key: 'f-1', detail: 'Restricted/Mark' };
  await marks.add({ messageId }, mark, 'Contact event logged');
  await marks.add({ messageId }, filed);
  const after = await marks.read({ messageId });
  expect(after.marks).toEqual(expect.arrayContaining([mark, filed]));
  expect(after.categories).toEqual(['Red category', 'Contact event logged']);
});

test('a shared mailbox is addressed at /users/{mailbox}', async () => {
  const upn = 'reception@oakfield.sch.uk';
  const mailbox = 'office@oakfield.sch.uk';
  const messageId = await firstMessageId(upn, mailbox);
  const marks = new MessageMarks(clientFor(upn));
  await marks.add({ mailbox, messageId }, mark, 'Contact event logged');
  const after = await marks.read({ mailbox, messageId });
  expect(after.marks).toEqual([mark]);
  expect(after.categories).toContain('Contact event logged');
  expect(
    graph
      .requests()
      .some((r) => r.path.startsWith(`/v1.0/users/office%40oakfield.sch.uk/messages/`)),
  ).toBe(true);
  // Another mailbox's master category list is 403 whatever is granted: it is never asked for.
  expect(graph.requests().filter((r) => /masterCategories/i.test(r.path))).toEqual([]);
});

test('a foreign or unreadable extended property is not taken for a mark', async () => {
  const upn = 'reception@oakfield.sch.uk';
  const messageId = await firstMessageId(upn);
  const client = clientFor(upn);
  await client.api(`/me/messages/${messageId}`).patch({
    singleValueExtendedProperties: [{ id: markPropertyId('forwarded'), value: 'not json' }],
  });
  expect((await new MessageMarks(client).read({ messageId })).marks).toEqual([]);
});
