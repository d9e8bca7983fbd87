// Provisioning against the local Graph service: creates, completes, repeats safely, never breaks
// what exists. The service validates every request body against the Graph contract subset.

import type { Client } from '@microsoft/microsoft-graph-client';
import { startLocalGraph } from '../../../dev/local-graph';
import type { Seed, SeedColumn, SeedList } from '../../../dev/local-graph/seedTypes';
import { createGraphClient } from '../../../src/graph/client';
import { contactRestrictionsList } from '../../../src/graph/schema/contactRestrictionsList';
import { provisionList, ProvisionError } from '../../../tools/lib/provisioner';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { runProvision } from '../../../tools/lib/provisionCommand';

const ADMIN = 'it.admin@oakfield.sch.uk';
const HOSTNAME = 'oakfield.sharepoint.com';
const SITE_PATH = '/sites/ContactGuard';
const SITE_ID =
  'oakfield.sharepoint.com,6f1c2a9e-0b4d-4c3e-9a51-2d7e8f3b1c40,0d9e8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const siteRef = { hostname: HOSTNAME, sitePath: SITE_PATH };
const SITE_ARG = `${HOSTNAME}:${SITE_PATH}`;
const STAFF = 'b5d2c8e1-6a3f-4c7d-9e0b-2f1a3c4d5e6f';
const REVIEWERS = '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c';
const ADMINS = '7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b';
/** The groups permissions are given to (test/integration/provision/permissions.test.ts). */
const GROUP_ARGS = [
  '--staff-group',
  STAFF,
  '--reviewers-group',
  REVIEWERS,
  '--admins-group',
  ADMINS,
];

const allColumnNames = contactRestrictionsList.columns.map((c) => c.name);

function specColumn(name: string): SeedColumn {
  const column = contactRestrictionsList.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column ${name} in the schema`);
  return JSON.parse(JSON.stringify(column)) as SeedColumn;
}

function seedWith(lists: SeedList[]): Seed {
  return {
    tenant: { name: 'Oakfield Primary School', domains: ['oakfield.sch.uk'] },
    users: [
      {
        id: '3b1f5c7e-1d2a-4e6b-9f80-0a1b2c3d4e5f',
        displayName: 'IT Admin',
        mail: ADMIN,
        userPrincipalName: ADMIN,
      },
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
        lists,
      },
    ],
    mailboxes: [],
  };
}

/** An existing Contact Restrictions list made by an older version or by hand. */
function existingList(columns: SeedColumn[]): SeedList {
  return {
    id: 'a4e2c9d1-5b6f-4a3e-8d7c-9b0a1f2e3d4c',
    displayName: 'Contact Restrictions',
    description: 'made by hand',
    columns,
    items: [
      {
        id: '1',
        fields: {
          Title: 'Parent A',
          Emails: 'parent.a@example.org',
          Status: 'Active',
          StartDate: '2025-01-06',
          EndDate: '2025-07-18',
          Handling: 'Forward',
          SpocName: 'Head Teacher',
          SpocEmail: 'head@oakfield.sch.uk',
        },
      },
      {
        id: '2',
        fields: {
          Title: 'Parent B',
          Emails: "o'brien@example.org",
          Status: 'Warning',
          StartDate: '2025-02-03',
          EndDate: '2025-04-04',
          Handling: 'File',
          SpocEmail: 'office@oakfield.sch.uk',
        },
      },
    ],
  };
}

interface ColumnView {
  id: string;
  name: string;
  indexed?: boolean;
  text?: { allowMultipleLines?: boolean };
  choice?: { choices?: string[] };
  dateTime?: { format?: string };
}

type LocalGraph = Awaited<ReturnType<typeof startLocalGraph>>;
let running: LocalGraph | undefined;

async function start(lists: SeedList[]): Promise<{ client: Client; url: string }> {
  running = await startLocalGraph({ port: 0, seed: seedWith(lists) });
  const client = createGraphClient({
    baseUrl: running.url,
    tokenProvider: createLocalTokenProvider(ADMIN),
  });
  return { client, url: running.url };
}

afterEach(async () => {
  await running?.close();
  running = undefined;
});

const silent = () => undefined;

async function columnsOf(client: Client, listId: string): Promise<ColumnView[]> {
  const page = (await client.api(`/sites/${SITE_ID}/lists/${listId}/columns`).get()) as {
    value: ColumnView[];
  };
  return page.value;
}

async function itemsOf(client: Client, listId: string): Promise<unknown[]> {
  const page = (await client
    .api(`/sites/${SITE_ID}/lists/${listId}/items?$expand=fields`)
    .get()) as { value: { id: string; fields: Record<string, unknown> }[] };
  return page.value.map(({ id, fields }) => ({ id, fields }));
}

async function listIdsOf(client: Client): Promise<string[]> {
  const page = (await client.api(`/sites/${SITE_ID}/lists`).get()) as { value: { id: string }[] };
  return page.value.map((list) => list.id);
}

describe('provisionList', () => {
  it('creates the list with every column, Status indexed, on a site without it', async () => {
    const { client } = await start([]);
    const lines: string[] = [];

    const report = await provisionList(client, siteRef, contactRestrictionsList, (line) =>
      lines.push(line),
    );

    expect(report.listCreated).toBe(true);
    expect(report.siteId).toBe(SITE_ID);
    expect(report.columnsAdded).toEqual(allColumnNames.filter((name) => name !== 'Title'));
    expect(report.warnings).toEqual([]);
    expect(await listIdsOf(client)).toEqual([report.listId]);

    const columns = await columnsOf(client, report.listId);
    const byName = new Map(columns.map((c) => [c.name, c]));
    for (const name of allColumnNames) expect(byName.has(name)).toBe(true);
    expect(byName.get('Status')?.indexed).toBe(true);
    expect(byName.get('Status')?.choice?.choices).toEqual([
      'Warning',
      'Provisional',
      'Active',
      'Extended',
      'Overturned',
      'Ended',
    ]);
    expect(byName.get('Emails')?.text?.allowMultipleLines).toBe(true);
    expect(byName.get('EndDate')?.dateTime?.format).toBe('dateOnly');
    expect(lines.some((line) => line.includes('Created list "Contact Restrictions"'))).toBe(true);
  });

  it('changes nothing on a second run', async () => {
    const { client } = await start([]);
    const first = await provisionList(client, siteRef, contactRestrictionsList, silent);
    const columnsAfterFirst = await columnsOf(client, first.listId);

    const second = await provisionList(client, siteRef, contactRestrictionsList, silent);

    expect(second).toEqual({
      listCreated: false,
      columnsAdded: [],
      columnsIndexed: [],
      warnings: [],
      siteId: SITE_ID,
      listId: first.listId,
    });
    expect(await columnsOf(client, first.listId)).toEqual(columnsAfterFirst);
    expect(await listIdsOf(client)).toEqual([first.listId]);
  });

  it('adds exactly the two missing columns, indexes Status and leaves the items alone', async () => {
    const unindexedStatus = { ...specColumn('Status'), indexed: false };
    const seeded = existingList(
      allColumnNames
        .filter((name) => name !== 'AllowedContact' && name !== 'EmergencyNote')
        .map((name) => (name === 'Status' ? unindexedStatus : specColumn(name))),
    );
    const { client } = await start([seeded]);
    const itemsBefore = await itemsOf(client, seeded.id);
    expect(itemsBefore).toHaveLength(2);

    const report = await provisionList(client, siteRef, contactRestrictionsList, silent);

    expect(report.listCreated).toBe(false);
    expect(report.listId).toBe(seeded.id);
    expect(report.columnsAdded).toEqual(['AllowedContact', 'EmergencyNote']);
    expect(report.columnsIndexed).toEqual(['Status']);
    expect(report.warnings).toEqual([]);
    const columns = await columnsOf(client, seeded.id);
    expect(columns.find((c) => c.name === 'Status')?.indexed).toBe(true);
    expect(columns.find((c) => c.name === 'EmergencyNote')?.text?.allowMultipleLines).toBe(true);
    expect(await itemsOf(client, seeded.id)).toEqual(itemsBefore);
  });

  it('warns about a column of the wrong type and leaves it exactly as it was', async () => {
    // Status made by hand as single-line text: not a choice, and not indexed.
    const textStatus: SeedColumn = {
      name: 'Status',
      displayName: 'Status',
      text: { allowMultipleLines: false, maxLength: 255 },
    };
    const seeded = existingList(
      allColumnNames.map((name) => (name === 'Status' ? textStatus : specColumn(name))),
    );
    const { client } = await start([seeded]);
    const statusBefore = (await columnsOf(client, seeded.id)).find((c) => c.name === 'Status');
    const itemsBefore = await itemsOf(client, seeded.id);

    const report = await provisionList(client, siteRef, contactRestrictionsList, silent);

    expect(report.columnsAdded).toEqual([]);
    expect(report.columnsIndexed).toEqual([]);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/^Column Status is single-line text in the list but choice/);
    const statusAfter = (await columnsOf(client, seeded.id)).find((c) => c.name === 'Status');
    expect(statusAfter).toEqual(statusBefore);
    expect(await itemsOf(client, seeded.id)).toEqual(itemsBefore);
  });

  it('fails with a plain message when the site does not exist', async () => {
    const { client } = await start([]);
    const missing = { hostname: HOSTNAME, sitePath: '/sites/NoSuchSite' };

    const attempt = provisionList(client, missing, contactRestrictionsList, silent);

    await expect(attempt).rejects.toThrow(ProvisionError);
    await expect(attempt).rejects.toThrow(
      'No site at oakfield.sharepoint.com:/sites/NoSuchSite: check the host name and the site path',
    );
  });
});

describe('npm run provision', () => {
  function captured() {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: (env: NodeJS.ProcessEnv = {}) => ({
        env,
        out: (line: string) => out.push(line),
        err: (line: string) => err.push(line),
      }),
    };
  }

  it('provisions, prints the ids for configuration, and is up to date the second time', async () => {
    const { url, client } = await start([]);
    const first = captured();

    const code = await runProvision(
      ['--site', SITE_ARG, '--graph-url', url, ...GROUP_ARGS],
      first.io(),
    );

    expect(code).toBe(0);
    const [listId] = await listIdsOf(client);
    expect(first.out).toContain('List "Contact Restrictions": created');
    expect(first.out).toContain(`  site id: ${SITE_ID}`);
    expect(first.out).toContain(`  list "Contact Restrictions" id: ${listId}`);
    expect([...first.out, ...first.err].join('\n')).not.toContain('local:');

    const second = captured();
    expect(
      await runProvision(['--site', SITE_ARG, '--graph-url', url, ...GROUP_ARGS], second.io()),
    ).toBe(0);
    expect(second.out).toContain('List "Contact Restrictions": already up to date');
  });

  it('uses the token from --token-env without printing it', async () => {
    const { url } = await start([]);
    const run = captured();
    const env = { CG_PROVISION_TOKEN: `local:${ADMIN}` };

    const code = await runProvision(
      ['--site', SITE_ARG, '--graph-url', url, '--token-env', 'CG_PROVISION_TOKEN', ...GROUP_ARGS],
      run.io(env),
    );

    expect(code).toBe(0);
    expect([...run.out, ...run.err].join('\n')).not.toContain(env.CG_PROVISION_TOKEN);
  });

  it('exits 1 with a plain message when it cannot do the job', async () => {
    const { url } = await start([]);
    const noSite = captured();
    expect(
      await runProvision(
        ['--site', `${HOSTNAME}:/sites/Elsewhere`, '--graph-url', url, ...GROUP_ARGS],
        noSite.io(),
      ),
    ).toBe(1);
    expect(noSite.err).toEqual([
      `Provisioning failed: No site at ${HOSTNAME}:/sites/Elsewhere: check the host name and the site path`,
    ]);

    const emptyToken = captured();
    expect(
      await runProvision(
        ['--site', SITE_ARG, '--graph-url', url, '--token-env', 'UNSET_VAR', ...GROUP_ARGS],
        emptyToken.io(),
      ),
    ).toBe(1);
    expect(emptyToken.err[0]).toBe(
      'Provisioning failed: The environment variable UNSET_VAR is empty or not set',
    );
  });

  it('refuses to sign in to Graph without CG_CLIENT_ID and CG_TENANT_ID, before any request', async () => {
    const run = captured();
    expect(await runProvision(['--site', SITE_ARG], run.io({}))).toBe(1);
    expect(run.err[0]).toMatch(/^Provisioning failed: Set CG_CLIENT_ID and CG_TENANT_ID/);
  });

  it('never sends a sign-in token to a host that is not Microsoft Graph', async () => {
    const run = captured();
    const env = { CG_CLIENT_ID: 'client', CG_TENANT_ID: 'tenant' };
    expect(
      await runProvision(
        ['--site', SITE_ARG, '--graph-url', 'https://graph.example.com'],
        run.io(env),
      ),
    ).toBe(1);
    expect(run.err[0]).toMatch(/graph\.example\.com is not Microsoft Graph/);
  });

  it('sends a SharePoint sign-in token only to a SharePoint Online host, and asks for one beside --token-env', async () => {
    const env = { CG_CLIENT_ID: 'client', CG_TENANT_ID: 'tenant', CG_GRAPH: 'graph-token' };
    const elsewhere = captured();
    expect(
      await runProvision(
        ['--site', 'intranet.example.com:/sites/ContactGuard', ...GROUP_ARGS],
        elsewhere.io(env),
      ),
    ).toBe(1);
    expect(elsewhere.err[0]).toMatch(
      /^Provisioning failed: intranet\.example\.com is not a SharePoint Online host/,
    );

    const graphOnly = captured();
    expect(
      await runProvision(
        ['--site', SITE_ARG, '--token-env', 'CG_GRAPH', ...GROUP_ARGS],
        graphOnly.io(env),
      ),
    ).toBe(1);
    expect(graphOnly.err[0]).toMatch(
      /^Provisioning failed: Also pass --sharepoint-token-env NAME: a variable holding a token for https:\/\/oakfield\.sharepoint\.com/,
    );
    expect([...graphOnly.err, ...graphOnly.out].join('\n')).not.toContain('graph-token');
  });

  it('reads the groups from CG_GROUP_* when no option names them', async () => {
    const { url } = await start([]);
    const run = captured();
    const env = {
      CG_GROUP_STAFF: STAFF,
      CG_GROUP_REVIEWERS: REVIEWERS,
      CG_GROUP_ADMINS: 'Oakfield Admins',
    };
    expect(await runProvision(['--site', SITE_ARG, '--graph-url', url], run.io(env))).toBe(1);
    expect(run.err[0]).toBe(
      "Provisioning failed: groups.admins (or CG_GROUP_ADMINS) must be the group's object id from Entra ID (a GUID)",
    );
    const fixed = captured();
    expect(
      await runProvision(
        ['--site', SITE_ARG, '--graph-url', url, '--admins-group', ADMINS],
        fixed.io(env),
      ),
    ).toBe(0);
  });
});
