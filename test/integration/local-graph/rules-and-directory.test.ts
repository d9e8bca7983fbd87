// Inbox rules read back as Exchange gives them (recipients resolved to the primary SMTP address and
// name; `hasError` when a rule's folder is gone) and the directory searched by proxy address.
import { GraphTestClient, startClient } from './helpers';

// The routing job's kind of token: app-only (application permissions reach every mailbox's rules;
// a signed-in admin may manage only their own, behaviour 3).
const ROUTING_JOB = 'local-app:contact-guard-routing';
const RULES = '/users/reception@oakfield.sch.uk/mailFolders/inbox/messageRules';

interface Recipient {
  emailAddress: { name?: string; address: string };
}
interface RuleBody {
  id: string;
  hasError: boolean;
  conditions: { fromAddresses?: Recipient[] };
  actions: {
    redirectTo?: Recipient[];
    forwardTo?: Recipient[];
    forwardAsAttachmentTo?: Recipient[];
    moveToFolder?: string;
  };
}

describe('local Graph: inbox rules read back and the directory', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = (await startClient()).as(ROUTING_JOB);
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  async function dev(route: string, body: unknown): Promise<Response> {
    return fetch(`${client.graph.url}/_dev${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('finds a user by primary or alias address through proxyAddresses, and nobody for an unknown one', async () => {
    const find = (address: string) =>
      client.get<{ value: { mail: string; id: string }[] }>(
        `/users?$filter=${encodeURIComponent(`proxyAddresses/any(a:a eq 'smtp:${address}')`)}&$select=mail`,
      );
    for (const address of ['bursar@oakfield.sch.uk', 'Business.Manager@oakfield.sch.uk']) {
      const r = await find(address);
      expect(r.status).toBe(200);
      expect(r.body.value.map((u) => u.mail)).toEqual(['business.manager@oakfield.sch.uk']);
    }
    // A shared mailbox is a directory user too.
    expect((await find('office@oakfield.sch.uk')).body.value).toHaveLength(1);
    expect((await find('nobody@oakfield.sch.uk')).body.value).toEqual([]);
    // Listing without a supported filter is still refused.
    expect((await client.get('/users')).status).toBe(400);
  });

  it('reads rule recipients back resolved to the primary address and display name', async () => {
    const created = await client.call<RuleBody>('POST', RULES, {
      displayName: 'Alias rule',
      sequence: 1,
      isEnabled: true,
      conditions: { fromAddresses: [{ emailAddress: { address: 'Parent@Example.org' } }] },
      actions: {
        redirectTo: [{ emailAddress: { address: 'bursar@oakfield.sch.uk' } }],
        forwardTo: [{ emailAddress: { name: 'Whoever', address: 'HEAD@oakfield.sch.uk' } }],
        forwardAsAttachmentTo: [{ emailAddress: { address: 'office@oakfield.sch.uk' } }],
      },
    });
    expect(created.status).toBe(201);
    const read = await client.get<RuleBody>(`${RULES}/${created.body.id}`);
    expect(read.body.actions.redirectTo).toEqual([
      { emailAddress: { name: 'Priya Shah', address: 'business.manager@oakfield.sch.uk' } },
    ]);
    expect(read.body.actions.forwardTo).toEqual([
      { emailAddress: { name: 'Helen Marsh', address: 'head@oakfield.sch.uk' } },
    ]);
    expect(read.body.actions.forwardAsAttachmentTo?.[0]?.emailAddress.address).toBe(
      'office@oakfield.sch.uk',
    );
    // Outside the directory: the address as written, and as its own name.
    expect(read.body.conditions.fromAddresses).toEqual([
      { emailAddress: { name: 'Parent@Example.org', address: 'Parent@Example.org' } },
    ]);
    // The list reads the same.
    const list = await client.get<{ value: RuleBody[] }>(RULES);
    expect(list.body.value.find((r) => r.id === created.body.id)).toEqual(read.body);
  });

  it('marks a rule whose folder was deleted hasError; it no longer runs until rewritten', async () => {
    const folder = await client.call<{ id: string }>(
      'POST',
      '/users/reception@oakfield.sch.uk/mailFolders',
      { displayName: 'Filed' },
    );
    expect(folder.status).toBe(201);
    const rule = await client.call<RuleBody>('POST', RULES, {
      displayName: 'File parent mail',
      sequence: 1,
      isEnabled: true,
      conditions: { fromAddresses: [{ emailAddress: { address: 'parent@example.org' } }] },
      actions: { moveToFolder: folder.body.id, stopProcessingRules: true },
    });
    expect(rule.body.hasError).toBe(false);

    expect(
      (
        await dev('/messageRules/deleteFolder', {
          mailbox: 'reception@oakfield.sch.uk',
          folderId: folder.body.id,
        })
      ).status,
    ).toBe(200);
    const broken = await client.get<RuleBody>(`${RULES}/${rule.body.id}`);
    expect(broken.body.hasError).toBe(true);
    const delivered = (await (
      await dev('/deliver', {
        from: 'parent@example.org',
        to: 'reception@oakfield.sch.uk',
        subject: 'Hello',
      })
    ).json()) as { deliveries: { folder?: string }[] };
    expect(delivered.deliveries).toEqual([expect.objectContaining({ folder: 'Inbox' })]);

    // Rewritten with a folder that exists, it is no longer in error.
    const inbox = await client.get<{ id: string }>(
      '/users/reception@oakfield.sch.uk/mailFolders/inbox',
    );
    const fixed = await client.call<RuleBody>('PATCH', `${RULES}/${rule.body.id}`, {
      actions: { moveToFolder: inbox.body.id, stopProcessingRules: true },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.hasError).toBe(false);
  });
});
