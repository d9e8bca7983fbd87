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
