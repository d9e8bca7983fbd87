// Behaviour 16: the SharePoint REST routes provisioning uses, driven by PnPjs itself (the library
// provisioning calls), so the URL shapes, methods, headers and bodies are the library's own, not
// this test's. Plus the errors and rules PnPjs does not show: SharePoint's odata.error JSON,
// case-insensitive paths, lists the caller cannot see, and who may change what.
import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security/list';
import '@pnp/sp/security/web';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import { BearerToken, DefaultParse, type Queryable } from '@pnp/queryable';
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { SITE_OWNER, RECEPTION, SITE_BY_PATH } from './helpers';

const STAFF_GROUP = 'b5d2c8e1-6a3f-4c7d-9e0b-2f1a3c4d5e6f';
const REVIEWERS = '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c';
const FULL_CONTROL = 1073741829;
const CONTRIBUTE = 1073741827;
const READ = 1073741826;
const ROUTING_APP = 'local-app:contact-guard-routing';

let graph: RunningLocalGraph;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0 });
});
afterAll(() => graph.close());
afterEach(() => graph.reset());

/** PnPjs against the local service: its default headers and parsing, Node's fetch, our token. */
function sp(token: string): SPFI {
  const local = () => (instance: Queryable) => {
    instance.using(DefaultHeaders(), DefaultInit(), BearerToken(token), DefaultParse());
    instance.on.send.replace(async (url: URL, init: RequestInit) => fetch(url, init));
    return instance;
  };
  return spfi(`${graph.url}/sites/ContactGuard`).using(local());
}

const owner = () => sp(SITE_OWNER);

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
}

interface Assignment {
  PrincipalId: number;
  Member: { Id: number; LoginName: string; PrincipalType: number; Title: string };
  RoleDefinitionBindings: { Id: number; Name: string }[];
}

const summary = (assignments: Assignment[]) =>
  assignments
    .map((a) => `${a.Member.LoginName}=${a.RoleDefinitionBindings.map((r) => r.Name).join('+')}`)
    .sort();

/** A fresh list made through Graph by the site owner: it inherits the site's permissions. */
async function scratchList(title: string): Promise<void> {
  const res = await fetch(`${graph.url}/v1.0${SITE_BY_PATH}:/lists`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SITE_OWNER}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName: title, list: { template: 'genericList' } }),
  });
  expect(res.status).toBe(201);
}

describe('SharePoint REST through PnPjs (behaviour 16)', () => {
  it('reads the built-in role definitions with their ids and BasePermissions, by name too', async () => {
    const defs = (await owner().web.roleDefinitions()) as {
      Id: number;
      Name: string;
      BasePermissions: { High: string; Low: string };
    }[];
    const byName = new Map(defs.map((d) => [d.Name, d]));
    expect(byName.get('Full Control')).toMatchObject({
      Id: FULL_CONTROL,
      BasePermissions: { High: '2147483647', Low: '4294967295' },
    });
    expect(byName.get('Edit')).toMatchObject({
      Id: 1073741830,
      BasePermissions: { High: '432', Low: '1011030767' },
    });
    expect(byName.get('Contribute')).toMatchObject({
      Id: CONTRIBUTE,
      BasePermissions: { High: '432', Low: '1011028719' },
    });
    expect(byName.get('Read')).toMatchObject({
      Id: READ,
      BasePermissions: { High: '176', Low: '138612833' },
    });
    // The demo seed's two custom levels are there (SEED.md).
    expect(byName.get('Contact Guard - Add and read')?.BasePermissions).toEqual({
      High: '176',
      Low: '138612835',
    });
    const contribute = (await owner().web.roleDefinitions.getByName('Contribute')()) as {
      Id: number;
    };
    expect(contribute.Id).toBe(CONTRIBUTE);
    expect(await statusOf(owner().web.roleDefinitions.getByName('No Such Level')())).toBe(404);
  });

  it('adds a custom role definition once (a second add of the name is refused)', async () => {
    const added = await owner().web.roleDefinitions.add(
      'Contact Guard - Test level',
      'A test.',
      1100,
      {
        High: 176,
        Low: 138612835,
      },
    );
    const data = added.data as { Id: number; Name: string; BasePermissions: { Low: string } };
    expect(data.Name).toBe('Contact Guard - Test level');
    expect(data.BasePermissions.Low).toBe('138612835');
    const found = (await owner().web.roleDefinitions.getByName('Contact Guard - Test level')()) as {
      Id: number;
    };
    expect(found.Id).toBe(data.Id);
    expect(
      await statusOf(
        owner().web.roleDefinitions.add('Contact Guard - Test level', '', 1100, {
          High: 176,
          Low: 1,
        }),
      ),
    ).toBe(400);
  });

  it('ensures users and Entra groups as site principals with stable numeric ids; names the owners group', async () => {
    const group = (await owner().web.ensureUser(`c:0t.c|tenant|${REVIEWERS}`)) as {
      Id: number;
      PrincipalType: number;
      Title: string;
    };
    expect(group).toMatchObject({ PrincipalType: 4, Title: 'Contact Guard Reviewers' });
    const again = (await owner().web.ensureUser(`c:0t.c|tenant|${REVIEWERS}`)) as { Id: number };
    expect(again.Id).toBe(group.Id);
    const user = (await owner().web.ensureUser('i:0#.f|membership|reception@oakfield.sch.uk')) as {
      Id: number;
      PrincipalType: number;
      LoginName: string;
    };
    expect(user).toMatchObject({
      PrincipalType: 1,
      LoginName: 'i:0#.f|membership|reception@oakfield.sch.uk',
    });
    expect(user.Id).not.toBe(group.Id);
    expect(await statusOf(owner().web.ensureUser('i:0#.f|membership|nobody@oakfield.sch.uk'))).toBe(
      400,
    );
    const owners = (await owner().web.associatedOwnerGroup()) as {
      Id: number;
      PrincipalType: number;
      Title: string;
    };
    expect(owners).toEqual(
      expect.objectContaining({ Id: 3, PrincipalType: 8, Title: 'Contact Guard Owners' }),
    );
  });

  it("reads a provisioned list's settings and role assignments", async () => {
    const list = owner().web.lists.getByTitle('Contact Events');
    const settings = await list.select(
      'Id',
      'Title',
      'HasUniqueRoleAssignments',
      'ReadSecurity',
      'WriteSecurity',
      'EnableVersioning',
    )();
    expect(settings).toEqual({
      Id: '5b0e8c1a-3f2d-4a6b-9c7e-1d2f3a4b5c6d',
      Title: 'Contact Events',
      HasUniqueRoleAssignments: true,
      ReadSecurity: 2,
      WriteSecurity: 2,
      EnableVersioning: true,
    });
    const assignments = (await list.roleAssignments.expand(
      'Member',
      'RoleDefinitionBindings',
    )()) as Assignment[];
    expect(summary(assignments)).toEqual(
      [
        'Contact Guard Owners=Full Control',
        `c:0t.c|tenant|${STAFF_GROUP}=Contribute`,
        `c:0t.c|tenant|${REVIEWERS}=Contact Guard - Read all items`,
      ].sort(),
    );
  });

  it('breaks inheritance (the caller alone keeps Full Control), grants, revokes, changes settings, resets', async () => {
    await scratchList('Scratch');
    const list = owner().web.lists.getByTitle('Scratch');
    const inherited = (await list.roleAssignments.expand(
      'Member',
      'RoleDefinitionBindings',
    )()) as Assignment[];
    expect(summary(inherited)).toEqual(
      ['Contact Guard Owners=Full Control', `c:0t.c|tenant|${STAFF_GROUP}=Edit`].sort(),
    );
    // Adding to a list that inherits is refused, as SharePoint does.
    const reviewers = (await owner().web.ensureUser(`c:0t.c|tenant|${REVIEWERS}`)) as {
      Id: number;
    };
    expect(await statusOf(list.roleAssignments.add(reviewers.Id, CONTRIBUTE))).toBe(400);

    await list.breakRoleInheritance(false, true);
    const broken = (await list.roleAssignments.expand(
      'Member',
      'RoleDefinitionBindings',
    )()) as Assignment[];
    expect(summary(broken)).toEqual(['i:0#.f|membership|it.admin@oakfield.sch.uk=Full Control']);
    const me = broken[0]?.PrincipalId ?? -1;

    const owners = (await owner().web.associatedOwnerGroup()) as { Id: number };
    await list.roleAssignments.add(owners.Id, FULL_CONTROL);
    await list.roleAssignments.add(reviewers.Id, CONTRIBUTE);
    await list.roleAssignments.add(reviewers.Id, READ);
    await list.roleAssignments.remove(reviewers.Id, READ);
    await list.roleAssignments.remove(me, FULL_CONTROL);
    const after = (await list.roleAssignments.expand(
      'Member',
      'RoleDefinitionBindings',
    )()) as Assignment[];
    expect(summary(after)).toEqual(
      ['Contact Guard Owners=Full Control', `c:0t.c|tenant|${REVIEWERS}=Contribute`].sort(),
    );
    // The owner still holds Full Control through the owners group: settings can still change.
    await list.update({ ReadSecurity: 2, WriteSecurity: 2, EnableVersioning: true });
    expect(
      await list.select(
        'HasUniqueRoleAssignments',
        'ReadSecurity',
        'WriteSecurity',
        'EnableVersioning',
      )(),
    ).toEqual({
      HasUniqueRoleAssignments: true,
      ReadSecurity: 2,
      WriteSecurity: 2,
      EnableVersioning: true,
    });
    // Staff lost the site's Edit on this list: they no longer see it at all.
    expect(await statusOf(sp(RECEPTION).web.lists.getByTitle('Scratch')())).toBe(404);

    await list.resetRoleInheritance();
    expect(await list.select('HasUniqueRoleAssignments')()).toEqual({
      HasUniqueRoleAssignments: false,
    });
    expect(
      (await sp(RECEPTION).web.lists.getByTitle('Scratch').select('Title')()) as unknown,
    ).toEqual({ Title: 'Scratch' });
  });

  it('refuses settings and permission changes to anyone without Manage Lists / Manage Permissions', async () => {
    const list = (token: string) => sp(token).web.lists.getByTitle('Contact Restrictions');
    for (const token of [RECEPTION, 'local:head@oakfield.sch.uk', ROUTING_APP]) {
      expect(await statusOf(list(token).update({ ReadSecurity: 1 }))).toBe(403);
      expect(await statusOf(list(token).breakRoleInheritance(true, false))).toBe(403);
      expect(await statusOf(list(token).resetRoleInheritance())).toBe(403);
      expect(await statusOf(list(token).roleAssignments())).toBe(403);
      expect(await statusOf(list(token).roleAssignments.add(3, FULL_CONTROL))).toBe(403);
      expect(
        await statusOf(sp(token).web.roleDefinitions.add('X', '', 1, { High: 0, Low: 1 })),
      ).toBe(403);
      expect(
        await statusOf(sp(token).web.ensureUser('i:0#.f|membership|head@oakfield.sch.uk')),
      ).toBe(403);
    }
    // Nothing changed.
    expect(await list(SITE_OWNER).select('HasUniqueRoleAssignments', 'ReadSecurity')()).toEqual({
      HasUniqueRoleAssignments: true,
      ReadSecurity: 1,
    });
  });

  it("answers SharePoint's error JSON, case-insensitive paths, and hides lists the caller cannot see", async () => {
    const raw = (path: string, token: string, init: RequestInit = {}) =>
      fetch(`${graph.url}${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(init.headers ?? {}),
        },
      });
    const denied = await raw(
      "/sites/ContactGuard/_api/web/lists/getbytitle('Contact%20Restrictions')",
      RECEPTION,
      {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'MERGE', 'Content-Type': 'application/json' },
        body: JSON.stringify({ ReadSecurity: 2 }),
      },
    );
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({
      'odata.error': {
        code: '-2147024891, System.UnauthorizedAccessException',
        message: {
          lang: 'en-US',
          value:
            'Access denied. You do not have permission to perform this action or access this resource.',
        },
      },
    });
    const mixed = await raw(
      "/SITES/contactguard/_API/Web/Lists/GetByTitle('contact%20restrictions')?$select=Title",
      RECEPTION,
    );
    expect(mixed.status).toBe(200);
    expect(await mixed.json()).toEqual({ Title: 'Contact Restrictions' });
    const hidden = await raw(
      "/sites/ContactGuard/_api/web/lists/getbytitle('Restriction%20Cases')",
      RECEPTION,
    );
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { 'odata.error': { code: string } })['odata.error'].code).toBe(
      '-1, System.ArgumentException',
    );
    const unknownProperty = await raw(
      "/sites/ContactGuard/_api/web/lists/getbytitle('Contact%20Restrictions')",
      SITE_OWNER,
      {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'MERGE', 'Content-Type': 'application/json' },
        body: JSON.stringify({ NoSuchSetting: 1 }),
      },
    );
    expect(unknownProperty.status).toBe(400);
    expect((await raw('/sites/ContactGuard/_api/web/roledefinitions', '')).status).toBe(401);
    const verbose = await raw(
      "/sites/ContactGuard/_api/web/roledefinitions/getbyname('Read')",
      SITE_OWNER,
      {
        headers: { Accept: 'application/json;odata=verbose' },
      },
    );
    expect(((await verbose.json()) as { d: { Id: number } }).d.Id).toBe(READ);
  });
});

test("the workbench's faults reach SharePoint's REST API as they reach Graph: 429 or 503 with Retry-After, and an outage drops the connection", async () => {
  const listUrl = `${graph.url}/sites/ContactGuard/_api/web/lists/getbytitle('Contact%20Restrictions')`;
  const get = () => fetch(listUrl, { headers: { Authorization: `Bearer ${SITE_OWNER}` } });
  graph.setFaults({ throttleRate: 1, retryAfterSeconds: 7 });
  const throttled = await get();
  expect(throttled.status).toBe(429);
  expect(throttled.headers.get('retry-after')).toBe('7');
  graph.setFaults({ unavailableRate: 1, retryAfterSeconds: 3 });
  const busy = await get();
  expect(busy.status).toBe(503);
  expect(busy.headers.get('retry-after')).toBe('3');
  graph.setFaults({ down: true });
  await expect(get()).rejects.toThrow();
  graph.setFaults({});
  expect((await get()).status).toBe(200);
});
