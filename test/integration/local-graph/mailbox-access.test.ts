// Behaviour 3 (README "Behaviours and their sources"): who may read, write and send from which
// mailbox, as Exchange Online answers Graph. The demo seed grants the receptionist Full Access and
// Send As on the office's shared mailbox, and Jo Evans (office assistant) Full Access only; this
// test adds the head teacher with Full Access and Send on Behalf.
import fs from 'node:fs';
import path from 'node:path';
import type { Seed } from '../../../dev/local-graph';
import { GraphTestClient, type Page, startClient } from './helpers';

const OFFICE = '/users/office@oakfield.sch.uk';
const RECEPTION = 'local:reception@oakfield.sch.uk';
const ASSISTANT = 'local:office.assistant@oakfield.sch.uk';
const TEACHER = 'local:t.ashworth@oakfield.sch.uk';
const HEAD = 'local:head@oakfield.sch.uk';
const APP = 'local-app:contact-guard-routing';
const SPOC = 'local:business.manager@oakfield.sch.uk';
const ACCESS_DENIED = {
  code: 'ErrorAccessDenied',
  message: 'Access is denied. Check credentials and try again.',
};
const SEND_AS_DENIED = {
  code: 'ErrorSendAsDenied',
  message:
    'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account. Cannot submit message.',
};

interface Msg {
  id: string;
  subject: string;
  from?: { emailAddress: { address: string } };
  sender?: { emailAddress: { address: string } };
}
type ErrorBody = { error: { code: string; message: string } };

function seedWithHeadOnBehalf(): Seed {
  const file = path.join(__dirname, '../../../dev/local-graph/seeds/demo-school.json');
  const seed = JSON.parse(fs.readFileSync(file, 'utf8')) as Seed;
  const office = seed.mailboxes.find((m) => m.address === 'office@oakfield.sch.uk')!;
  office.delegates = [
    ...(office.delegates ?? []),
    { user: 'head@oakfield.sch.uk', fullAccess: true, sendOnBehalf: true },
  ];
  return seed;
}

describe('local Graph: shared mailboxes and delegation', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    // Sends are asynchronous (behaviour 5): a short delay keeps these access tests quick, and
    // spocInbox waits for the delivery instead of assuming it.
    client = await startClient({ seed: seedWithHeadOnBehalf(), behaviours: { sendDelayMs: 100 } });
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  async function officeInboxId(): Promise<string> {
    const page = await client.as(RECEPTION).get<Page<Msg>>(`${OFFICE}/mailFolders/inbox/messages`);
    expect(page.status).toBe(200);
    return page.body.value[0]!.id;
  }

  /** The SPOC's messages with this subject, waiting (at most 3 s) for an asynchronous send. */
  async function spocInbox(subject: string): Promise<Msg[]> {
    const until = Date.now() + 3_000;
    for (;;) {
      const page = await client
        .as(SPOC)
        .get<Page<Msg>>('/me/mailFolders/inbox/messages?$top=100&$select=subject,from,sender');
      const found = page.body.value.filter((m) => m.subject === subject);
      if (found.length > 0 || Date.now() > until) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const forwardTo = {
    comment: 'For you',
    toRecipients: [{ emailAddress: { address: 'business.manager@oakfield.sch.uk' } }],
  };

  it('refuses another mailbox without Full Access: 403 ErrorAccessDenied for messages and folders', async () => {
    const id = await officeInboxId();
    const teacher = client.as(TEACHER);
    for (const p of [
      `${OFFICE}/messages`,
      `${OFFICE}/mailFolders`,
      `${OFFICE}/mailFolders/inbox/messages`,
      `${OFFICE}/messages/${encodeURIComponent(id)}`,
      '/users/reception@oakfield.sch.uk/messages',
    ]) {
      const r = await teacher.get<ErrorBody>(p);
      expect([p, r.status]).toEqual([p, 403]);
      expect(r.body.error).toMatchObject(ACCESS_DENIED);
    }
    const patch = await teacher.call<ErrorBody>(
      'PATCH',
      `${OFFICE}/messages/${encodeURIComponent(id)}`,
      { categories: ['Red category'] },
    );
    expect(patch.status).toBe(403);
    const folder = await teacher.call('POST', `${OFFICE}/mailFolders`, { displayName: 'Mine' });
    expect(folder.status).toBe(403);
    // The user resource itself stays readable (User.ReadBasic.All), only the mailbox is refused.
    expect((await teacher.get(OFFICE)).status).toBe(200);
  });

  it('lets Full Access read and write the mailbox: messages, categories, folders, moves', async () => {
    const id = await officeInboxId();
    const assistant = client.as(ASSISTANT);
    expect((await assistant.get(`${OFFICE}/mailFolders/inbox/messages`)).status).toBe(200);
    const patch = await assistant.call<{ categories: string[] }>(
      'PATCH',
      `${OFFICE}/messages/${encodeURIComponent(id)}`,
      { categories: ['Contact Guard: filed'] },
    );
    expect(patch.status).toBe(200);
    expect(patch.body.categories).toEqual(['Contact Guard: filed']);
    const folder = await assistant.call<{ id: string }>('POST', `${OFFICE}/mailFolders`, {
      displayName: 'Filed by Jo',
    });
    expect(folder.status).toBe(201);
    const moved = await assistant.call(
      'POST',
      `${OFFICE}/messages/${encodeURIComponent(id)}/move`,
      {
        destinationId: folder.body.id,
      },
    );
    expect(moved.status).toBe(201);
  });

  it("refuses another mailbox's settings, master categories and inbox rules whatever is granted", async () => {
    const reception = client.as(RECEPTION); // Full Access and Send As on the office
    for (const [method, p, body] of [
      ['GET', `${OFFICE}/mailboxSettings`, undefined],
      ['GET', `${OFFICE}/outlook/masterCategories`, undefined],
      ['POST', `${OFFICE}/outlook/masterCategories`, { displayName: 'X', color: 'preset1' }],
      ['GET', `${OFFICE}/mailFolders/inbox/messageRules`, undefined],
    ] as const) {
      const r = await reception.call<ErrorBody>(method, p, body);
      expect([method, p, r.status]).toEqual([method, p, 403]);
      expect(r.body.error).toMatchObject(ACCESS_DENIED);
    }
    // Their own are fine.
    expect((await reception.get('/me/mailboxSettings')).status).toBe(200);
    expect((await reception.get('/me/outlook/masterCategories')).status).toBe(200);
    expect((await reception.get('/me/mailFolders/inbox/messageRules')).status).toBe(200);
  });

  it('an app-only token reaches every mailbox (application permissions), but has no /me', async () => {
    const app = client.as(APP);
    expect((await app.get(`${OFFICE}/mailFolders/inbox/messages`)).status).toBe(200);
    expect((await app.get(`${OFFICE}/mailboxSettings`)).status).toBe(200);
    expect((await app.get(`${OFFICE}/outlook/masterCategories`)).status).toBe(200);
    expect(
      (await app.get('/users/business.manager@oakfield.sch.uk/mailFolders/inbox/messageRules'))
        .status,
    ).toBe(200);
    const me = await app.get<ErrorBody>('/me');
    expect(me.status).toBe(400);
    expect(me.body.error.message).toBe(
      '/me request is only valid with delegated authentication flow.',
    );
  });

  it('sends from the shared mailbox with Send As: from and sender are the mailbox', async () => {
    const id = await officeInboxId();
    const subject = (
      await client.as(RECEPTION).get<Msg>(`${OFFICE}/messages/${encodeURIComponent(id)}`)
    ).body.subject;
    const r = await client
      .as(RECEPTION)
      .call('POST', `${OFFICE}/messages/${encodeURIComponent(id)}/forward`, forwardTo);
    expect(r.status).toBe(202);
    const arrived = await spocInbox(`FW: ${subject}`);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.from?.emailAddress.address).toBe('office@oakfield.sch.uk');
    expect(arrived[0]!.sender?.emailAddress.address).toBe('office@oakfield.sch.uk');
  });

  it('sends with Send on Behalf: from is the mailbox, sender the user', async () => {
    const id = await officeInboxId();
    const head = client.as(HEAD);
    const subject = (await head.get<Msg>(`${OFFICE}/messages/${encodeURIComponent(id)}`)).body
      .subject;
    const draft = await head.call<Msg>(
      'POST',
      `${OFFICE}/messages/${encodeURIComponent(id)}/createForward`,
      forwardTo,
    );
    expect(draft.status).toBe(201);
    const sent = await head.call(
      'POST',
      `${OFFICE}/messages/${encodeURIComponent(draft.body.id)}/send`,
    );
    expect(sent.status).toBe(202);
    const arrived = await spocInbox(`FW: ${subject}`);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.from?.emailAddress.address).toBe('office@oakfield.sch.uk');
    expect(arrived[0]!.sender?.emailAddress.address).toBe('head@oakfield.sch.uk');
  });

  it('without Send As: 403 ErrorSendAsDenied, nothing delivered, the draft left in Drafts', async () => {
    const id = await officeInboxId();
    const assistant = client.as(ASSISTANT);
    const subject = (await assistant.get<Msg>(`${OFFICE}/messages/${encodeURIComponent(id)}`)).body
      .subject;
    const drafts = () =>
      assistant.get<Page<Msg>>(`${OFFICE}/mailFolders/drafts/messages?$select=subject`);
    // forward: the draft it made stays behind.
    const forward = await assistant.call<ErrorBody>(
      'POST',
      `${OFFICE}/messages/${encodeURIComponent(id)}/forward`,
      forwardTo,
    );
    expect(forward.status).toBe(403);
    expect(forward.body.error).toEqual(expect.objectContaining(SEND_AS_DENIED));
    expect((await drafts()).body.value.map((m) => m.subject)).toEqual([`FW: ${subject}`]);
    // createForward then send: the draft is still there, unsent, and can be sent by someone who may.
    const draft = await assistant.call<Msg>(
      'POST',
      `${OFFICE}/messages/${encodeURIComponent(id)}/createForward`,
      forwardTo,
    );
    const send = await assistant.call<ErrorBody>(
      'POST',
      `${OFFICE}/messages/${encodeURIComponent(draft.body.id)}/send`,
    );
    expect(send.status).toBe(403);
    expect(send.body.error.code).toBe('ErrorSendAsDenied');
    expect((await drafts()).body.value).toHaveLength(2);
    expect(await spocInbox(`FW: ${subject}`)).toEqual([]);
    const sentItems = await assistant.get<Page<Msg>>(`${OFFICE}/mailFolders/sentitems/messages`);
    expect(sentItems.body.value).toEqual([]);
    const byReception = await client
      .as(RECEPTION)
      .call('POST', `${OFFICE}/messages/${encodeURIComponent(draft.body.id)}/send`);
    expect(byReception.status).toBe(202);
    expect(await spocInbox(`FW: ${subject}`)).toHaveLength(1);
    // The other draft left behind can be deleted with Full Access (204), not without it (403).
    const [left] = (await drafts()).body.value;
    const path = `${OFFICE}/messages/${encodeURIComponent(left!.id)}`;
    expect((await client.as(TEACHER).call('DELETE', path)).status).toBe(403);
    expect((await assistant.call('DELETE', path)).status).toBe(204);
    expect((await drafts()).body.value).toEqual([]);
    expect((await assistant.call('DELETE', path)).status).toBe(404);
  });

  it('a draft in your own mailbox with another `from` needs Send As on that address', async () => {
    const message = {
      subject: 'From the office',
      from: { emailAddress: { address: 'office@oakfield.sch.uk' } },
      toRecipients: [{ emailAddress: { address: 'business.manager@oakfield.sch.uk' } }],
    };
    for (const [token, status] of [
      [TEACHER, 403],
      [RECEPTION, 202],
    ] as const) {
      const user = client.as(token);
      const draft = await user.call<Msg>('POST', '/me/messages', message);
      expect(draft.status).toBe(201);
      const sent = await user.call(
        'POST',
        `/me/messages/${encodeURIComponent(draft.body.id)}/send`,
      );
      expect([token, sent.status]).toEqual([token, status]);
    }
    const arrived = await spocInbox('From the office');
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.from?.emailAddress.address).toBe('office@oakfield.sch.uk');
  });
});
