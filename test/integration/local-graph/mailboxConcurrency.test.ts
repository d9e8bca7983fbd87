// Exchange's 4-requests-per-mailbox limit (dev/local-graph/mailboxConcurrency.ts): the fifth
// request in flight against one mailbox gets 429 ApplicationThrottled with a Retry-After.
import { mailboxOfRequest } from '../../../dev/local-graph/mailboxConcurrency';
import { type GraphTestClient, startClient } from './helpers';

describe('mailbox concurrency (Outlook service limit: 4 requests in flight per mailbox)', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = await startClient({ latencyMs: 150 });
  });
  afterAll(() => client.graph.close());

  it('refuses requests past the fourth in flight to one mailbox with 429 MailboxConcurrency', async () => {
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => client.get('/me/mailFolders/inbox/messages?$top=1')),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = replies.find((r) => r.status === 429);
    expect(refused?.body).toMatchObject({
      error: {
        code: 'ApplicationThrottled',
        message: 'Application is over its MailboxConcurrency limit.',
      },
    });
    expect(Number(refused?.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('counts /me and /users/{address} as the same mailbox', async () => {
    const replies = await Promise.all([
      ...Array.from({ length: 3 }, () => client.get('/me/messages?$top=1')),
      ...Array.from({ length: 2 }, () =>
        client.get('/users/reception@oakfield.sch.uk/messages?$top=1'),
      ),
    ]);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('frees the slots once the answers are sent', async () => {
    await Promise.all(Array.from({ length: 4 }, () => client.get('/me/messages?$top=1')));
    const again = await Promise.all(
      Array.from({ length: 4 }, () => client.get('/me/messages?$top=1')),
    );
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it('limits each mailbox on its own, and never SharePoint or the directory', async () => {
    const replies = await Promise.all([
      ...Array.from({ length: 4 }, () => client.get('/me/messages?$top=1')),
      ...Array.from({ length: 4 }, () =>
        client.get('/users/office@oakfield.sch.uk/mailFolders/inbox'),
      ),
      ...Array.from({ length: 6 }, () => client.get('/me')),
      ...Array.from({ length: 6 }, () =>
        client.get('/sites/oakfield.sharepoint.com:/sites/ContactGuard'),
      ),
    ]);
    expect(replies.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  });

  describe('inside a $batch (each inner request counts on its own)', () => {
    type BatchReply = {
      responses: { id: string; status: number; body?: { error?: { code: string } } }[];
    };
    const batch = (urls: string[], sequential = false) =>
      client.call<BatchReply>('POST', '/$batch', {
        requests: urls.map((url, i) => ({
          id: String(i + 1),
          method: 'GET',
          url,
          ...(sequential && i > 0 ? { dependsOn: [String(i)] } : {}),
        })),
      });
    const statuses = (r: { body: BatchReply }) =>
      [...r.body.responses].sort((a, b) => Number(a.id) - Number(b.id)).map((x) => x.status);

    it('refuses the requests of a parallel batch past the fourth to one mailbox', async () => {
      const reply = await batch(Array.from({ length: 6 }, () => '/me/messages?$top=1'));
      expect(reply.status).toBe(200);
      expect(statuses(reply)).toEqual([200, 200, 200, 200, 429, 429]);
      expect(reply.body.responses.find((r) => r.status === 429)?.body?.error?.code).toBe(
        'ApplicationThrottled',
      );
    });

    it('lets a sequential batch reach one mailbox as often as it likes', async () => {
      const reply = await batch(
        Array.from({ length: 6 }, () => '/me/messages?$top=1'),
        true,
      );
      expect(statuses(reply)).toEqual([200, 200, 200, 200, 200, 200]);
    });

    it('counts each mailbox of a parallel batch apart, and SharePoint not at all', async () => {
      const reply = await batch([
        ...Array.from({ length: 4 }, () => '/me/messages?$top=1'),
        ...Array.from({ length: 4 }, () => '/users/office@oakfield.sch.uk/mailFolders/inbox'),
        ...Array.from({ length: 6 }, () => '/sites/oakfield.sharepoint.com:/sites/ContactGuard'),
      ]);
      expect(statuses(reply).filter((s) => s !== 200)).toEqual([]);
    });

    it('leaves a parallel batch only the slots that requests outside it have left', async () => {
      // The batch is served after its 150 ms of latency; the three others, sent 100 ms after it,
      // are then in flight (their own latency runs until 250 ms).
      const pending = batch(['/me/messages?$top=1', '/me/messages?$top=1']);
      await new Promise((r) => setTimeout(r, 100));
      const outside = Array.from({ length: 3 }, () => client.get('/me/messages?$top=1'));
      const reply = await pending;
      await Promise.all(outside);
      expect(statuses(reply)).toEqual([200, 429]);
    });
  });

  it('knows which paths reach a mailbox', () => {
    expect(mailboxOfRequest(['me', 'messages', 'x', 'move'], 'a@b.c')).toBe('a@b.c');
    expect(mailboxOfRequest(['users', 'Office@X.org', 'mailFolders', 'inbox'], '')).toBe(
      'office@x.org',
    );
    expect(mailboxOfRequest(['me', 'outlook', 'masterCategories'], 'a@b.c')).toBe('a@b.c');
    expect(mailboxOfRequest(['me', 'translateExchangeIds'], 'a@b.c')).toBe('a@b.c');
    expect(mailboxOfRequest(['me'], 'a@b.c')).toBeUndefined();
    expect(mailboxOfRequest(['me', 'checkMemberGroups'], 'a@b.c')).toBeUndefined();
    expect(mailboxOfRequest(['sites', 'x', 'lists'], 'a@b.c')).toBeUndefined();
    expect(mailboxOfRequest(['$batch'], 'a@b.c')).toBeUndefined();
  });
});
