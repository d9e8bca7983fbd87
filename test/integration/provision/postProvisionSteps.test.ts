// `npm run provision` prints, after the lists, the permission steps Graph cannot do (item-level
// settings for Contact Events, append-only for the Audit list), on every run.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import type { Seed } from '../../../dev/local-graph/seedTypes';
import { auditList } from '../../../src/graph/schema/auditList';
import { contactEventsList } from '../../../src/graph/schema/contactEventsList';
import { PROVISIONED_LISTS } from '../../../src/graph/schema/lists';
import { restrictionCasesList } from '../../../src/graph/schema/restrictionCasesList';
import { runProvision } from '../../../tools/lib/provisionCommand';

const ADMIN = 'it.admin@oakfield.sch.uk';
const HOSTNAME = 'oakfield.sharepoint.com';
const SITE_PATH = '/sites/ContactGuard';

const seed: Seed = {
  tenant: { name: 'Oakfield Primary School', domains: ['oakfield.sch.uk'] },
  users: [
    {
      id: '3b1f5c7e-1d2a-4e6b-9f80-0a1b2c3d4e5f',
      displayName: 'IT Admin',
      mail: ADMIN,
      userPrincipalName: ADMIN,
    },
  ],
  groups: [],
  sites: [
    {
      id: `${HOSTNAME},6f1c2a9e-0b4d-4c3e-9a51-2d7e8f3b1c40,0d9e8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b`,
      hostname: HOSTNAME,
      path: SITE_PATH,
      displayName: 'Contact Guard',
      webUrl: `https://${HOSTNAME}${SITE_PATH}`,
      lists: [],
    },
  ],
  mailboxes: [],
};

let running: RunningLocalGraph;
beforeAll(async () => {
  running = await startLocalGraph({ port: 0, seed });
});
afterAll(() => running.close());

async function provision(): Promise<string[]> {
  const out: string[] = [];
  const code = await runProvision(
    ['--site', `${HOSTNAME}:${SITE_PATH}`, '--graph-url', running.url, '--user', ADMIN],
    { env: {}, out: (l) => out.push(l), err: (l) => out.push(l) },
  );
  expect(code).toBe(0);
  return out;
}

it('the schemas carry the manual steps for exactly the Contact Events, Audit and Restriction Cases lists', () => {
  expect(PROVISIONED_LISTS.filter((l) => l.postProvisionSteps?.length)).toEqual([
    contactEventsList,
    auditList,
    restrictionCasesList,
  ]);
  expect(restrictionCasesList.postProvisionSteps!.join('\n')).toMatch(
    /Stop Inheriting Permissions[\s\S]*Contact Guard Reviewers/,
  );
  const events = contactEventsList.postProvisionSteps!.join('\n');
  expect(events).toContain('Read items that were created by the user');
  expect(events).toContain('Create items and edit items that were created by the user');
  expect(events).toContain('Contact Guard Reviewers');
  const audit = auditList.postProvisionSteps!.join('\n');
  expect(audit).toContain('Stop Inheriting Permissions');
  expect(audit).toMatch(/Edit Items and Delete Items unticked/);
});

it('prints every step, numbered, after the lists are provisioned, on every run', async () => {
  for (const run of [1, 2]) {
    const out = await provision();
    const heading = out.findIndex((l) => l.startsWith('Still to do by hand'));
    expect([run, heading]).not.toEqual([run, -1]);
    // After the lists and the configuration ids.
    expect(out.findIndex((l) => l.startsWith('List "Contact Guard Audit"'))).toBeLessThan(heading);
    expect(out.findIndex((l) => l.includes('list "Contact Events" id'))).toBeLessThan(heading);
    const rest = out.slice(heading);
    for (const schema of [contactEventsList, auditList]) {
      const at = rest.indexOf(`  List "${schema.displayName}":`);
      expect(at).toBeGreaterThan(0);
      schema.postProvisionSteps!.forEach((step, i) =>
        expect(rest[at + 1 + i]).toBe(`    ${i + 1}. ${step}`),
      );
    }
    expect(rest.join('\n')).not.toContain('Contact Restrictions');
  }
});
