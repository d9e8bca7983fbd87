// `npm run provision` sets every list's SharePoint permissions, and `--check` reports each drift in
// plain words (issue 10 item 1), against the local service's SharePoint model and REST routes.
import fs from 'node:fs';
import path from 'node:path';
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import type { Seed } from '../../../dev/local-graph/seedTypes';
import { runProvision, EXIT_DRIFT } from '../../../tools/lib/provisionCommand';

const HOSTNAME = 'oakfield.sharepoint.com';
const SITE_PATH = '/sites/ContactGuard';
const SITE_ARG = `${HOSTNAME}:${SITE_PATH}`;
const SITE_ID =
  'oakfield.sharepoint.com,6f1c2a9e-0b4d-4c3e-9a51-2d7e8f3b1c40,0d9e8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const STAFF = 'b5d2c8e1-6a3f-4c7d-9e0b-2f1a3c4d5e6f';
const REVIEWERS = '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c';
const ADMINS = '7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b';
const ADMIN = 'it.admin@oakfield.sch.uk';
const RECEPTION = 'reception@oakfield.sch.uk';
const HEAD = 'head@oakfield.sch.uk';
const VISITOR = 'visitor@oakfield.sch.uk';
const GROUP_ARGS = [
  '--staff-group',
  STAFF,
  '--reviewers-group',
  REVIEWERS,
  '--admins-group',
  ADMINS,
];

/** A fresh site: no Contact Guard lists; the site gives its owners Full Control and staff Edit. */
function freshSite(): Seed {
  const user = (n: number, upn: string, name: string, groups: string[]) => ({
    id: `3b1f5c7e-1d2a-4e6b-9f80-0a1b2c3d4e${String(n).padStart(2, '0')}`,
    displayName: name,
    mail: upn,
    userPrincipalName: upn,
    groups,
  });
  return {
    tenant: { name: 'Oakfield Primary School', domains: ['oakfield.sch.uk'] },
    users: [
      user(1, ADMIN, 'IT Admin', [STAFF, ADMINS]),
      user(2, RECEPTION, 'Sarah Whitfield', [STAFF]),
      user(3, HEAD, 'Helen Marsh', [STAFF, REVIEWERS]),
      user(4, VISITOR, 'A Visitor', []),
    ],
    groups: [
      { id: STAFF, displayName: 'Oakfield Staff' },
      { id: REVIEWERS, displayName: 'Contact Guard Reviewers' },
      { id: ADMINS, displayName: 'Contact Guard Admins' },
    ],
    sites: [
      {
        id: SITE_ID,
        hostname: HOSTNAME,
        path: SITE_PATH,
        displayName: 'Contact Guard',
        webUrl: `https://${HOSTNAME}${SITE_PATH}`,
        owners: [ADMIN],
        roleAssignments: [
          { principal: 'owners', role: 'Full Control' },
          { principal: `group:${STAFF}`, role: 'Edit' },
        ],
        lists: [],
      },
    ],
    mailboxes: [],
  };
}

let running: RunningLocalGraph | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(seed: Seed | string): Promise<string> {
  running = await startLocalGraph({ port: 0, seed });
  return running.url;
}

async function run(url: string, extra: string[], user = ADMIN) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runProvision(
    ['--site', SITE_ARG, '--graph-url', url, '--user', user, ...extra],
    { env: {}, out: (l) => out.push(l), err: (l) => err.push(l), cwd: __dirname },
  );
  return { code, out, err, all: [...out, ...err].join('\n') };
}

/** A Graph or SharePoint REST request to the local service as someone. */
async function call(url: string, who: string, method: string, p: string, body?: unknown) {
  const response = await fetch(`${url}${p}`, {
    method,
    headers: {
      Authorization: `Bearer local:${who}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function listId(url: string, title: string): Promise<string> {
  const { json } = await call(
    url,
    ADMIN,
    'GET',
    `/v1.0/sites/${SITE_ID}/lists?$select=id,displayName`,
  );
  const list = (json.value as { id: string; displayName: string }[]).find(
    (l) => l.displayName === title,
  );
  if (!list) throw new Error(`no list ${title}`);
  return list.id;
}

const rest = (p: string) => `${SITE_PATH}/_api/web/${p}`;
/** A list update as PnPjs and SharePoint's own pages send it: MERGE tunnelled through POST. */
const MERGE_HEADERS = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'X-HTTP-Method': 'MERGE',
  'IF-MATCH': '*',
};

describe('npm run provision sets the permissions, --check reads them back', () => {
  it('a fresh site (lists inherit the site, staff Edit): provision, then no drift, and staff are held to the plan', async () => {
    const url = await start(freshSite());

    const before = await run(url, [...GROUP_ARGS, '--check']);
    expect(before.code).toBe(EXIT_DRIFT);
    expect(before.out).toContain(
      '  Contact Restrictions: the list does not exist (run npm run provision)',
    );

    const first = await run(url, GROUP_ARGS);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('  Permission levels: repaired');
    expect(first.out).toContain(
      '    was: Site: the permission level "Contact Guard - Add and read" is missing (should exist: read every item and add items)',
    );
    expect(first.out).toContain('  List "Contact Restrictions": repaired');
    expect(first.out).toContain(
      "    was: Contact Restrictions: inherits the site's permissions (should have its own)",
    );
    expect(first.all).not.toContain('local:');

    const check = await run(url, [...GROUP_ARGS, '--check']);
    expect(check.out).toEqual(["No drift: every list's permissions are as planned."]);
    expect(check.code).toBe(0);

    // The effect, seen through Graph as the add-in and anyone's own token would see it.
    const restrictions = await listId(url, 'Contact Restrictions');
    const events = await listId(url, 'Contact Events');
    const cases = await listId(url, 'Restriction Cases');
    const write = await call(
      url,
      RECEPTION,
      'POST',
      `/v1.0/sites/${SITE_ID}/lists/${restrictions}/items`,
      {
        fields: { Title: 'Parent A' },
      },
    );
    expect(write.status).toBe(403);
    const reviewerWrite = await call(
      url,
      HEAD,
      'POST',
      `/v1.0/sites/${SITE_ID}/lists/${restrictions}/items`,
      {
        fields: { Title: 'Parent A', Emails: 'parent.a@example.org' },
      },
    );
    expect(reviewerWrite.status).toBe(201);

    const headsEvent = await call(
      url,
      HEAD,
      'POST',
      `/v1.0/sites/${SITE_ID}/lists/${events}/items`,
      {
        fields: { Title: 'Phone call', EventKey: 'k-head-1' },
      },
    );
    expect(headsEvent.status).toBe(201);
    const own = await call(url, RECEPTION, 'POST', `/v1.0/sites/${SITE_ID}/lists/${events}/items`, {
      fields: { Title: 'Visit at reception', EventKey: 'k-reception-1' },
    });
    expect(own.status).toBe(201);
    const seenByReception = await call(
      url,
      RECEPTION,
      'GET',
      `/v1.0/sites/${SITE_ID}/lists/${events}/items?$expand=fields`,
    );
    const keys = (seenByReception.json.value as { fields: { EventKey: string } }[]).map(
      (i) => i.fields.EventKey,
    );
    expect(keys).toEqual(['k-reception-1']);
    const seenByHead = await call(
      url,
      HEAD,
      'GET',
      `/v1.0/sites/${SITE_ID}/lists/${events}/items?$expand=fields`,
    );
    expect((seenByHead.json.value as unknown[]).length).toBe(2);

    expect(
      (await call(url, RECEPTION, 'GET', `/v1.0/sites/${SITE_ID}/lists/${cases}/items`)).status,
    ).toBe(403);
    // No more list management for staff: columns and settings of the events list are the owners'.
    const column = await call(
      url,
      RECEPTION,
      'POST',
      `/v1.0/sites/${SITE_ID}/lists/${events}/columns`,
      {
        name: 'Extra',
        text: {},
      },
    );
    expect(column.status).toBe(403);
    const readAll = await fetch(`${url}${rest(`lists/getByTitle('Contact Events')`)}`, {
      method: 'POST',
      headers: { ...MERGE_HEADERS, Authorization: `Bearer local:${RECEPTION}` },
      body: JSON.stringify({ ReadSecurity: 1 }),
    });
    expect(readAll.status).toBe(403);
  });

  it('changes made by hand are each reported in words, repaired by provision, and a second run changes nothing', async () => {
    const url = await start(freshSite());
    expect((await run(url, GROUP_ARGS)).code).toBe(0);

    // By hand, as a site owner, through SharePoint's REST API.
    const staffId = (
      await call(url, ADMIN, 'POST', rest('ensureuser'), { logonName: `c:0t.c|tenant|${STAFF}` })
    ).json.Id;
    const visitorId = (
      await call(url, ADMIN, 'POST', rest('ensureuser'), {
        logonName: `i:0#.f|membership|${VISITOR}`,
      })
    ).json.Id;
    const byHand = [
      await call(
        url,
        ADMIN,
        'POST',
        rest(
          `lists/getByTitle('Contact Restrictions')/roleassignments/addroleassignment(principalid=${staffId},roledefid=1073741830)`,
        ),
      ),
      await call(
        url,
        ADMIN,
        'POST',
        rest(`lists/getByTitle('Restriction Cases')/resetroleinheritance`),
      ),
      await call(
        url,
        ADMIN,
        'POST',
        rest(
          `lists/getByTitle('Contact Guard Settings')/roleassignments/addroleassignment(principalid=${visitorId},roledefid=1073741826)`,
        ),
      ),
    ];
    const merge = await fetch(`${url}${rest(`lists/getByTitle('Contact Events')`)}`, {
      method: 'POST',
      headers: { ...MERGE_HEADERS, Authorization: `Bearer local:${ADMIN}` },
      body: JSON.stringify({ ReadSecurity: 1 }),
    });
    expect([...byHand.map((r) => r.status), merge.status].every((s) => s < 300)).toBe(true);

    const check = await run(url, [...GROUP_ARGS, '--check']);
    expect(check.code).toBe(EXIT_DRIFT);
    expect(check.out).toEqual(
      expect.arrayContaining([
        `  Contact Restrictions: "Oakfield Staff" has Read and Edit: can read every item, add items, edit and delete every item and change the list's settings and columns (should have Read: read every item)`,
        '  Contact Events: everyone with access reads every item (should be: each person reads only the items they created)',
        "  Restriction Cases: inherits the site's permissions (should have its own)",
        '  Contact Guard Settings: "A Visitor" has Read: can read every item (should have no access)',
      ]),
    );
    expect(check.out.at(-1)).toBe(
      'Run npm run provision (without --check) as a site owner to repair them.',
    );

    const repair = await run(url, GROUP_ARGS);
    expect(repair.code).toBe(0);
    expect(repair.out).toContain('  List "Restriction Cases": repaired');
    expect((await run(url, [...GROUP_ARGS, '--check'])).code).toBe(0);

    const again = await run(url, GROUP_ARGS);
    expect(again.code).toBe(0);
    expect(again.out).toContain('  Nothing changed: every list was already as planned.');
    expect(again.out.filter((l) => l.endsWith(': repaired'))).toEqual([]);
  });

  it('the demo seed is already as planned (groups read from config/workbench.json)', async () => {
    const url = await start(
      path.join(__dirname, '../../../dev/local-graph/seeds/demo-school.json'),
    );
    const config = path.join(__dirname, '../../../config/workbench.json');
    expect(JSON.parse(fs.readFileSync(config, 'utf8')).groups.staff).toBe(STAFF);
    const check = await run(url, ['--check', '--config', config]);
    expect(check.out).toEqual(["No drift: every list's permissions are as planned."]);
    expect(check.code).toBe(0);

    // From the project folder, against the local service, the workbench's groups are the default.
    const out: string[] = [];
    const code = await runProvision(
      ['--site', SITE_ARG, '--graph-url', url, '--user', ADMIN, '--check'],
      {
        env: {},
        out: (l) => out.push(l),
        err: (l) => out.push(l),
        cwd: path.join(__dirname, '../../..'),
      },
    );
    expect(out).toEqual(["No drift: every list's permissions are as planned."]);
    expect(code).toBe(0);
  });

  it('someone who is not a site owner is told so, and nothing is changed, lists included', async () => {
    const url = await start(freshSite());
    for (const extra of [GROUP_ARGS, [...GROUP_ARGS, '--check']]) {
      const attempt = await run(url, extra, RECEPTION);
      expect(attempt.code).toBe(1);
      expect(attempt.err).toEqual([
        `Provisioning failed: you must be a site owner of ${HOSTNAME}${SITE_PATH} to provision it or check its permissions. Nothing was changed.`,
      ]);
    }
    const { json } = await call(url, ADMIN, 'GET', `/v1.0/sites/${SITE_ID}/lists`);
    expect((json.value as { displayName: string }[]).map((l) => l.displayName)).not.toContain(
      'Contact Restrictions',
    );
  });

  it('a group not configured: a plain error naming what to set, before anything is done', async () => {
    const url = await start(freshSite());
    const attempt = await run(url, ['--staff-group', STAFF]);
    expect(attempt.code).toBe(1);
    expect(attempt.err[0]).toBe(
      'Provisioning failed: The reviewers and admins groups are not configured: set --reviewers-group or groups.reviewers; --admins-group or groups.admins (the Entra group object id) so that each list can be given to the right people',
    );
    const { json } = await call(url, ADMIN, 'GET', `/v1.0/sites/${SITE_ID}/lists`);
    expect(json.value).toEqual([]);
  });
});
