// The local Graph service's mail actions behave as Graph documents them: createForward / forward /
// send (asynchronous: Outbox, then Sent Items and delivery), move (a new regular id; the immutable
// id stays) and copy, folders and child folders
// (409 for a name in use), If-Match on a message PATCH (412), $filter on extended properties.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { demoSeed } from './setup';

let graph: RunningLocalGraph;
beforeAll(async () => {
  // A short send delay: these tests poll for the Sent Items copy; the default delay is tested in
  // test/integration/local-graph/mail-ids-and-send.test.ts (and the headers choice there too).
  graph = await startLocalGraph({
    port: 0,
    seed: demoSeed(),
    behaviours: { sendDelayMs: 200, forwardHeaders: 'drop' },
  });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => graph.reset());

// Graph answers read loosely in these tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ME = 'Bearer local:reception@oakfield.sch.uk';
const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${graph.url}/v1.0${path}`, {
    method,
    headers: {
      Authorization: ME,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

async function inboxMessage(subject: string) {
  const list = await call(
    'GET',
    '/me/mailFolders/inbox/messages?$top=100&$select=id,subject,parentFolderId',
  );
  return (list.body.value as { id: string; subject: string; parentFolderId: string }[]).find(
    (m) => m.subject === subject,
  )!;
}

const SUBJECT = 'Complaint about the Year 5 trip letter';
const TO = [{ emailAddress: { address: 'business.manager@oakfield.sch.uk' } }];

test('move gives a new regular id (the old one is then gone); the immutable id stays', async () => {
  const m = await inboxMessage(SUBJECT);
  const moved = await call('POST', `/me/messages/${encodeURIComponent(m.id)}/move`, {
    destinationId: 'archive',
  });
  expect(moved.status).toBe(201);
  expect(moved.body.id).not.toBe(m.id);
  expect((await call('GET', `/me/messages/${encodeURIComponent(m.id)}`)).status).toBe(404);
  const back = await call(
    'POST',
    `/me/messages/${encodeURIComponent(moved.body.id)}/move`,
    { DestinationId: 'inbox' },
    IMMUTABLE,
  );
  expect(back.status).toBe(201);
  expect(back.body.parentFolderId).toBe(m.parentFolderId);
  const again = await call(
    'POST',
    `/me/messages/${encodeURIComponent(back.body.id)}/move`,
    { DestinationId: 'archive' },
    IMMUTABLE,
  );
  expect(again.body.id).toBe(back.body.id);
  expect((await call('GET', `/me/messages/${encodeURIComponent(moved.body.id)}`)).status).toBe(404);
});

test('copy leaves the original and makes a second item', async () => {
  const m = await inboxMessage(SUBJECT);
  const copy = await call('POST', `/me/messages/${encodeURIComponent(m.id)}/copy`, {
    destinationId: 'archive',
  });
  expect(copy.status).toBe(201);
  expect(copy.body.id).not.toBe(m.id);
  expect((await call('GET', `/me/messages/${encodeURIComponent(m.id)}`)).status).toBe(200);
});

test('createForward makes a draft; send puts it in the Outbox, then Sent Items (new id), delivered once', async () => {
  const m = await inboxMessage(SUBJECT);
  const draft = await call('POST', `/me/messages/${encodeURIComponent(m.id)}/createForward`, {
    comment: 'Please see below.',
    toRecipients: TO,
    message: {
      singleValueExtendedProperties: [
        { id: 'String {3f1b6c2e-8d4a-4e7b-9c15-6a2f0d8e4b71} Name Test', value: 'k1' },
      ],
      internetMessageHeaders: [{ name: 'X-Test', value: 'yes' }],
    },
  });
  expect(draft.status).toBe(201);
  expect(draft.body).toMatchObject({ isDraft: true, subject: `FW: ${SUBJECT}` });
  expect(draft.body.body.content).toMatch(/^Please see below\.[\s\S]*From: Mark Denton/);
  const found = await call(
    'GET',
    `/me/mailFolders/drafts/messages?$filter=${encodeURIComponent("singleValueExtendedProperties/Any(ep: ep/id eq 'String {3f1b6c2e-8d4a-4e7b-9c15-6a2f0d8e4b71} Name Test' and ep/value eq 'k1')")}`,
  );
  expect(found.body.value.map((x: { id: string }) => x.id)).toEqual([draft.body.id]);
  const sent = await call('POST', `/me/messages/${encodeURIComponent(draft.body.id)}/send`);
  expect(sent.status).toBe(202);
  expect(
    (await call('POST', `/me/messages/${encodeURIComponent(draft.body.id)}/send`)).status,
  ).toBe(404);
  const until = Date.now() + 5_000;
  let sentItems = await call(
    'GET',
    '/me/mailFolders/sentitems/messages?$select=id,subject,isDraft',
  );
  while (sentItems.body.value.length === 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    sentItems = await call('GET', '/me/mailFolders/sentitems/messages?$select=id,subject,isDraft');
  }
  expect(sentItems.body.value).toHaveLength(1);
  expect(sentItems.body.value[0].id).not.toBe(draft.body.id);
  const spoc = await fetch(
    `${graph.url}/v1.0/users/business.manager@oakfield.sch.uk/mailFolders/inbox/messages?$select=subject,internetMessageHeaders`,
    { headers: { Authorization: 'Bearer local:business.manager@oakfield.sch.uk' } },
  );
  const arrived = (
    (await spoc.json()) as { value: { subject: string; internetMessageHeaders?: unknown[] }[] }
  ).value.filter((x) => x.subject === `FW: ${SUBJECT}`);
  expect(arrived).toHaveLength(1);
  // createForward dropped the custom header (the default behaviour): none arrives.
  expect(arrived[0]!.internetMessageHeaders).toBeUndefined();
});

test('forward and createForward refuse what Graph refuses', async () => {
  const m = await inboxMessage(SUBJECT);
  const path = `/me/messages/${encodeURIComponent(m.id)}`;
  expect(
    (
      await call('POST', `${path}/forward`, {
        comment: 'x',
        toRecipients: TO,
        message: { body: { contentType: 'text', content: 'y' } },
      })
    ).status,
  ).toBe(400);
  expect((await call('POST', `${path}/createForward`, { comment: 'x' })).status).toBe(400);
  expect(
    (
      await call('POST', `${path}/createForward`, {
        toRecipients: TO,
        message: { toRecipients: TO },
      })
    ).status,
  ).toBe(400);
  expect((await call('POST', `${path}/forward`, { comment: 'x', toRecipients: TO })).status).toBe(
    202,
  );
  // A body outside the official contract: 400 from the contract check.
  expect(
    (await call('POST', `${path}/createForward`, { comment: 'x', toRecipients: TO, urgent: true }))
      .status,
  ).toBe(400);
});

test('folders: created at the root and below the Inbox; a name in use is 409; childFolders filter by name', async () => {
  const top = await call('POST', '/me/mailFolders', { displayName: 'Filed' });
  expect(top.status).toBe(201);
  const child = await call('POST', '/me/mailFolders/inbox/childFolders', {
    displayName: "O'Brien",
  });
  expect(child.status).toBe(201);
  const clash = await call('POST', '/me/mailFolders/inbox/childFolders', {
    displayName: "o'brien",
  });
  expect(clash).toMatchObject({ status: 409, body: { error: { code: 'ErrorFolderExists' } } });
  const found = await call(
    'GET',
    `/me/mailFolders/inbox/childFolders?$filter=${encodeURIComponent("displayName eq 'O''Brien'")}`,
  );
  expect(found.body.value.map((f: { id: string }) => f.id)).toEqual([child.body.id]);
  const grandchild = await call(
    'POST',
    `/me/mailFolders/${encodeURIComponent(child.body.id)}/childFolders`,
    { displayName: 'x' },
  );
  expect(grandchild.body.parentFolderId).toBe(child.body.id);
});

test('If-Match on a message PATCH: the current ETag passes (and changes), an old one is 412', async () => {
  const m = await inboxMessage(SUBJECT);
  const path = `/me/messages/${encodeURIComponent(m.id)}`;
  const first = await call('GET', path);
  const etag = first.body['@odata.etag'] as string;
  const ok = await call('PATCH', path, { categories: ['A'] }, { 'If-Match': etag });
  expect(ok.status).toBe(200);
  expect(ok.body['@odata.etag']).not.toBe(etag);
  const stale = await call('PATCH', path, { categories: ['B'] }, { 'If-Match': etag });
  expect(stale).toMatchObject({
    status: 412,
    body: { error: { code: 'ErrorIrresolvableConflict' } },
  });
  expect((await call('GET', path)).body.categories).toEqual(['A']);
});
