// SEED.md "Permissions": what a seed that declares no permissions gets (a new team site: owners
// Full Control, members — every user who can sign in — Edit, visitors Read; lists inherit; no app
// reaches it), and a malformed declaration stops the load with a plain message.
import { createLocalGraph, startLocalGraph, type Seed } from '../../../dev/local-graph';

const HOST = 'school.sharepoint.com';

function seed(site: Partial<Seed['sites'][0]> = {}): Seed {
  return {
    tenant: { name: 'Test School', domains: ['test.sch.uk'] },
    users: [
      {
        id: 'u-1',
        displayName: 'Ann Owner',
        mail: 'ann@test.sch.uk',
        userPrincipalName: 'ann@test.sch.uk',
      },
      {
        id: 'u-2',
        displayName: 'Bob Staff',
        mail: 'bob@test.sch.uk',
        userPrincipalName: 'bob@test.sch.uk',
      },
    ],
    groups: [{ id: 'g-1', displayName: 'Staff' }],
    sites: [
      {
        id: `${HOST},11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222`,
        hostname: HOST,
        path: '/sites/Test',
        displayName: 'Test',
        webUrl: `https://${HOST}/sites/Test`,
        lists: [
          {
            id: 'l-1',
            displayName: 'Notes',
            columns: [],
            items: [{ id: '1', fields: { Title: 'seeded' } }],
          },
        ],
        ...site,
      },
    ],
    mailboxes: [],
  };
}

describe('seed permissions: defaults and checks', () => {
  it('a site that declares nothing is a new team site: every user edits and manages lists; apps get nothing', async () => {
    const graph = await startLocalGraph({ port: 0, seed: seed({ owners: ['ann@test.sch.uk'] }) });
    try {
      const call = (token: string, method: string, path: string, body?: unknown) =>
        fetch(`${graph.url}/v1.0/sites/${HOST}:/sites/Test:${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      expect(
        (
          await call('local:bob@test.sch.uk', 'POST', '/lists/Notes/items', {
            fields: { Title: 'x' },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await call('local:bob@test.sch.uk', 'PATCH', '/lists/Notes/items/1/fields', {
            Title: 'y',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await call('local:bob@test.sch.uk', 'POST', '/lists/Notes/columns', {
            name: 'Extra',
            text: {},
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await call('local:bob@test.sch.uk', 'POST', '/lists', {
            displayName: 'More',
            list: { template: 'genericList' },
          })
        ).status,
      ).toBe(201);
      expect((await call('local-app:any-app', 'GET', '/lists/Notes/items')).status).toBe(403);
      // The site's owner sees the team site's three assignments, which the list inherits.
      const res = await fetch(
        `${graph.url}/sites/Test/_api/web/lists/getbytitle('Notes')/roleassignments?$expand=Member,RoleDefinitionBindings`,
        { headers: { Authorization: 'Bearer local:ann@test.sch.uk', Accept: 'application/json' } },
      );
      const body = (await res.json()) as {
        value: { Member: { Title: string }; RoleDefinitionBindings: { Name: string }[] }[];
      };
      expect(
        body.value.map((a) => `${a.Member.Title}=${a.RoleDefinitionBindings[0]?.Name}`),
      ).toEqual(['Test Owners=Full Control', 'Test Members=Edit', 'Test Visitors=Read']);
      // Bob is a member, not an owner: he may not read the assignments.
      const bob = await fetch(
        `${graph.url}/sites/Test/_api/web/lists/getbytitle('Notes')/roleassignments`,
        {
          headers: { Authorization: 'Bearer local:bob@test.sch.uk', Accept: 'application/json' },
        },
      );
      expect(bob.status).toBe(403);
    } finally {
      await graph.close();
    }
  });

  it.each([
    [
      { roleAssignments: [{ principal: 'group:no-such-group', role: 'Read' }] },
      "unknown principal 'group:no-such-group'",
    ],
    [
      { roleAssignments: [{ principal: 'owners', role: 'Superuser' }] },
      "unknown role definition 'Superuser'",
    ],
    [{ owners: ['nobody@test.sch.uk'] }, "owner 'nobody@test.sch.uk' is not a user"],
    [
      { appGrants: [{ app: 'x', role: 'read' as const, list: 'No Such List' }] },
      "names no list of the site: 'No Such List'",
    ],
  ])('refuses a malformed declaration: %j', (site, message) => {
    expect(() => createLocalGraph({ seed: seed(site) })).toThrow(message);
  });

  it('refuses a list that inherits yet declares assignments, or an item-level value SharePoint does not have', () => {
    const list = (extra: Record<string, unknown>) =>
      seed({ lists: [{ id: 'l-1', displayName: 'Notes', columns: [], items: [], ...extra }] });
    expect(() =>
      createLocalGraph({
        seed: list({
          hasUniqueRoleAssignments: false,
          roleAssignments: [{ principal: 'owners', role: 'Read' }],
        }),
      }),
    ).toThrow('declares roleAssignments but inherits');
    expect(() => createLocalGraph({ seed: list({ writeSecurity: 3 }) })).toThrow(
      'writeSecurity is 1, 2 or 4',
    );
    expect(() =>
      createLocalGraph({ seed: list({ permissions: { membersOnly: ['g-1'] } }) }),
    ).toThrow("uses the old 'permissions' key");
  });
});
