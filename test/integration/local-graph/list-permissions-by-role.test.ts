// Issue 10, "How it is checked": per role, against the local service with the demo seed (its six
// lists in the provisioned state, SEED.md "Permissions"), every write on every list — items
// (create, edit, delete: someone else's and one's own), the list itself (a column through Graph,
// its settings and its role assignments through SharePoint's REST API) — is either allowed or
// refused (403, or 404 where the item or list is invisible to the caller), as this table says.
// The table is written by hand from the permission plan, not computed from the service's model.
import fs from 'node:fs';
import type { Seed } from '../../../dev/local-graph';
import { DEMO_SEED_PATH } from '../../../dev/local-graph/seedLoader';
import { type GraphTestClient, SITE_BY_PATH, SITE_OWNER, startClient } from './helpers';

const STAFF_GROUP = 'b5d2c8e1-6a3f-4c7d-9e0b-2f1a3c4d5e6f';
const ADMINS = '7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b';
/** An admin who is not a site owner (the demo's admin, it.admin@, also owns the site). */
const ADMIN_UPN = 'data.manager@oakfield.sch.uk';

const ROLES = {
  staff: 'local:reception@oakfield.sch.uk',
  reviewer: 'local:head@oakfield.sch.uk',
  admin: `local:${ADMIN_UPN}`,
  routingApp: 'local-app:contact-guard-routing',
  siteOwner: SITE_OWNER,
} as const;
type Role = keyof typeof ROLES;

const LISTS = {
  restrictions: { title: 'Contact Restrictions', key: 'Title' },
  settings: { title: 'Contact Guard Settings', key: 'Title' },
  events: { title: 'Contact Events', key: 'EventKey' },
  audit: { title: 'Contact Guard Audit', key: 'AuditKey' },
  cases: { title: 'Restriction Cases', key: 'PersonKey' },
  routingStatus: { title: 'Routing Status', key: 'Title' },
} as const;
type ListKey = keyof typeof LISTS;

type Outcome = 'ok' | 403 | 404;
/** '-' : not tried (the role cannot create an item of its own). */
interface Expected {
  read: Outcome;
  readOthers: Outcome;
  create: Outcome;
  editOthers: Outcome;
  deleteOthers: Outcome;
  editOwn: Outcome | '-';
  deleteOwn: Outcome | '-';
  addColumn: Outcome;
  settings: Outcome;
  assignments: Outcome;
}

const row = (
  read: Outcome,
  readOthers: Outcome,
  create: Outcome,
  editOthers: Outcome,
  deleteOthers: Outcome,
  editOwn: Outcome | '-',
  deleteOwn: Outcome | '-',
  addColumn: Outcome,
  settings: Outcome,
  assignments: Outcome,
): Expected => ({
  read,
  readOthers,
  create,
  editOthers,
  deleteOthers,
  editOwn,
  deleteOwn,
  addColumn,
  settings,
  assignments,
});

const OWNER = row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok');
const READ_ONLY = row('ok', 'ok', 403, 403, 403, '-', '-', 403, 403, 403);
const EDITS_ITEMS = row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 403, 403, 403);
/** No permission on the list: 403 through Graph, and the list does not exist through REST. */
const NONE = row(403, 403, 403, 403, 403, '-', '-', 403, 404, 404);

const EXPECTED: Record<ListKey, Record<Role, Expected>> = {
  restrictions: {
    staff: READ_ONLY,
    reviewer: EDITS_ITEMS,
    admin: READ_ONLY,
    routingApp: READ_ONLY,
    siteOwner: OWNER,
  },
  settings: {
    staff: READ_ONLY,
    reviewer: READ_ONLY,
    admin: EDITS_ITEMS,
    routingApp: READ_ONLY,
    siteOwner: OWNER,
  },
  events: {
    // Others' events are invisible to staff (ReadSecurity 2); their own they edit and delete.
    staff: row('ok', 404, 'ok', 404, 404, 'ok', 'ok', 403, 403, 403),
    // Read all items (Override List Behaviors) plus staff Contribute: SharePoint lets them edit.
    reviewer: EDITS_ITEMS,
    admin: row('ok', 404, 'ok', 404, 404, 'ok', 'ok', 403, 403, 403),
    routingApp: NONE,
    siteOwner: OWNER,
  },
  audit: {
    // Append-only: add and read one's own; nobody edits or deletes, not even their own entry.
    staff: row('ok', 404, 'ok', 404, 404, 403, 403, 403, 403, 403),
    reviewer: row('ok', 'ok', 'ok', 403, 403, 403, 403, 403, 403, 403),
    admin: row('ok', 404, 'ok', 404, 404, 403, 403, 403, 403, 403),
    routingApp: NONE,
    siteOwner: OWNER,
  },
  cases: {
    staff: NONE,
    reviewer: EDITS_ITEMS,
    admin: NONE,
    routingApp: NONE,
    siteOwner: OWNER,
  },
  routingStatus: {
    staff: NONE,
    reviewer: NONE,
    admin: READ_ONLY,
    routingApp: EDITS_ITEMS,
    siteOwner: OWNER,
  },
};

function seed(): Seed {
  const s = JSON.parse(fs.readFileSync(DEMO_SEED_PATH, 'utf8')) as Seed;
  s.users.push({
    id: '9d3e1f2a-5b6c-4d7e-8f90-a1b2c3d4e5f6',
    displayName: 'Sam Patel',
    mail: ADMIN_UPN,
    userPrincipalName: ADMIN_UPN,
    jobTitle: 'Data Manager',
    groups: [STAFF_GROUP, ADMINS],
  });
  return s;
}

let client: GraphTestClient;
beforeAll(async () => {
  client = await startClient({ seed: seed() });
});
afterAll(() => client.graph.close());
afterEach(() => client.graph.reset());

let counter = 0;
const outcome = (status: number): Outcome | number =>
  status >= 200 && status < 300 ? 'ok' : status === 403 || status === 404 ? status : status;

const itemsPath = (list: ListKey) =>
  `${SITE_BY_PATH}:/lists/${encodeURIComponent(LISTS[list].title)}/items`;

async function create(token: string, list: ListKey): Promise<{ status: number; id?: string }> {
  counter += 1;
  const key = `by-role-${counter}`;
  const res = await client.as(token).call<{ id: string }>('POST', itemsPath(list), {
    fields: { Title: key, [LISTS[list].key]: key },
  });
  return { status: res.status, id: res.body?.id };
}

async function edit(token: string, list: ListKey, id: string): Promise<number> {
  const res = await client.as(token).call('PATCH', `${itemsPath(list)}/${id}/fields`, {
    Title: `edited ${counter}`,
  });
  return res.status;
}

async function remove(token: string, list: ListKey, id: string): Promise<number> {
  return (await client.as(token).call('DELETE', `${itemsPath(list)}/${id}`)).status;
}

async function rest(token: string, list: ListKey, tail: string, body?: unknown): Promise<number> {
  const title = encodeURIComponent(LISTS[list].title);
  const res = await fetch(
    `${client.graph.url}/sites/ContactGuard/_api/web/lists/getbytitle('${title}')${tail}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(tail === '' ? { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  return res.status;
}

async function observe(role: Role, list: ListKey): Promise<Record<keyof Expected, unknown>> {
  const token = ROLES[role];
  // Someone else's item: made by the site owner (for the owner, it is their own).
  const others = await create(SITE_OWNER, list);
  expect(others.status).toBe(201);
  const othersId = others.id ?? '';
  const page = await client.as(token).get<{ value: { id: string }[] }>(itemsPath(list));
  const readOthers = outcome((await client.as(token).get(`${itemsPath(list)}/${othersId}`)).status);
  if (page.status === 200) {
    // The collection shows the item exactly when a direct read finds it.
    expect(page.body.value.some((i) => i.id === othersId)).toBe(readOthers === 'ok');
  }
  const editOthers = outcome(await edit(token, list, othersId));
  const deleteOthers = outcome(await remove(token, list, othersId));
  const own = await create(token, list);
  const editOwn = own.status === 201 ? outcome(await edit(token, list, own.id ?? '')) : '-';
  const deleteOwn = own.status === 201 ? outcome(await remove(token, list, own.id ?? '')) : '-';
  const column = await client
    .as(token)
    .call('POST', `${SITE_BY_PATH}:/lists/${encodeURIComponent(LISTS[list].title)}/columns`, {
      name: `Extra${counter}`,
      text: {},
    });
  return {
    read: outcome(page.status),
    readOthers,
    create: outcome(own.status),
    editOthers,
    deleteOthers,
    editOwn,
    deleteOwn,
    addColumn: outcome(column.status),
    settings: outcome(await rest(token, list, '', { EnableVersioning: true })),
    // Give the site's visitors group (id 4) Read on the list.
    assignments: outcome(
      await rest(
        token,
        list,
        '/roleassignments/addroleassignment(principalid=4,roledefid=1073741826)',
      ),
    ),
  };
}

describe('list permissions by role, on every list (issue 10)', () => {
  for (const list of Object.keys(LISTS) as ListKey[]) {
    for (const role of Object.keys(ROLES) as Role[]) {
      it(`${LISTS[list].title}: ${role}`, async () => {
        expect(await observe(role, list)).toEqual(EXPECTED[list][role]);
      });
    }
  }

  it('creating a list on the site needs Manage Lists on the site: staff (Edit) may, the routing app may not', async () => {
    const make = (token: string, name: string) =>
      client.as(token).call('POST', `${SITE_BY_PATH}:/lists`, {
        displayName: name,
        list: { template: 'genericList' },
      });
    expect((await make(ROLES.staff, 'Staff list')).status).toBe(201);
    expect((await make(ROLES.routingApp, 'App list')).status).toBe(403);
  });

  it('an app with no grant on the site gets 403 for everything on it', async () => {
    const other = client.as('local-app:some-other-app');
    expect((await other.get(SITE_BY_PATH)).status).toBe(403);
    expect((await other.get(`${SITE_BY_PATH}:/lists`)).status).toBe(403);
    expect((await other.get(itemsPath('restrictions'))).status).toBe(403);
  });

  it('the routing app sees only the lists granted to it', async () => {
    const res = await client
      .as(ROLES.routingApp)
      .get<{ value: { displayName: string }[] }>(`${SITE_BY_PATH}:/lists`);
    expect(res.status).toBe(200);
    expect(res.body.value.map((l) => l.displayName).sort()).toEqual([
      'Contact Guard Settings',
      'Contact Restrictions',
      'Routing Status',
    ]);
  });

  it('staff see every list but Restriction Cases and Routing Status', async () => {
    const res = await client
      .as(ROLES.staff)
      .get<{ value: { displayName: string }[] }>(`${SITE_BY_PATH}:/lists`);
    expect(res.body.value.map((l) => l.displayName).sort()).toEqual([
      'Contact Events',
      'Contact Guard Audit',
      'Contact Guard Settings',
      'Contact Restrictions',
    ]);
  });
});

describe('list permissions inside $batch', () => {
  it("enforces each inner request on its own: a member of staff's batch gets 403 where they may not write or read", async () => {
    const staff = client.as(ROLES.staff);
    const res = await staff.call<{ responses: { id: string; status: number }[] }>(
      'POST',
      '/$batch',
      {
        requests: [
          {
            id: '1',
            method: 'POST',
            url: itemsPath('restrictions'),
            headers: { 'Content-Type': 'application/json' },
            body: { fields: { Title: 'Sneaked in' } },
          },
          { id: '2', method: 'GET', url: itemsPath('cases') },
          { id: '3', method: 'GET', url: itemsPath('restrictions') },
          {
            id: '4',
            method: 'POST',
            url: itemsPath('events'),
            headers: { 'Content-Type': 'application/json' },
            body: { fields: { Title: 'Mine', EventKey: 'batch-event' } },
          },
        ],
      },
    );
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r) => [r.id, r.status]));
    expect(byId).toEqual({ '1': 403, '2': 403, '3': 200, '4': 201 });
  });
});
