// The admin view's Graph side (own-mailbox plan/apply, Settings, last report) and the roles
// check, against the local service over HTTP.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import {
  createLocalAppOnlyTokenProvider,
  createLocalTokenProvider,
} from '../../../src/auth/localTokenProvider';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import { RestrictionsCache } from '../../../src/cache/restrictionsCache';
import { GraphRoles } from '../../../src/app/roles';
import { defaultConfig } from '../../../src/config/appConfig';
import { createGraphClient } from '../../../src/graph/client';
import { GraphCalls } from '../../../src/graph/graphCalls';
import { RestrictionsRepository } from '../../../src/graph/repositories/restrictionsRepository';
import { AdminRouting } from '../../../src/app/admin/adminRouting';
import { reconcile } from '../../../src/routing/reconciler';
import { routingServices } from '../../../src/routing/services';

const GROUPS = {
  staff: 'b5d2c8e1-6a3f-4c7d-9e0b-2f1a3c4d5e6f',
  reviewers: '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c',
  admins: '7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b',
};
let graph: RunningLocalGraph;

beforeAll(async () => {
  graph = await startLocalGraph({ port: 0 });
});
afterAll(() => graph.close());
beforeEach(() => graph.reset());

const clientFor = (upn: string) =>
  new GraphCalls(
    createGraphClient({ baseUrl: graph.url, tokenProvider: createLocalTokenProvider(upn) }),
  );

function adminFor(upn: string): AdminRouting {
  const client = clientFor(upn);
  const cache = new RestrictionsCache({
    repository: new RestrictionsRepository(client, defaultConfig.sharePoint),
    store: new MemoryStore(),
    cacheKey: 'test',
  });
  return new AdminRouting(client, defaultConfig, cache, () => upn);
}

describe('roles', () => {
  it('reads admin and reviewer membership with one checkMemberGroups', async () => {
    expect(await new GraphRoles(clientFor('it.admin@oakfield.sch.uk'), GROUPS).current()).toEqual({
      admin: true,
      reviewer: false,
    });
    expect(await new GraphRoles(clientFor('head@oakfield.sch.uk'), GROUPS).has('reviewer')).toBe(
      true,
    );
    expect(await new GraphRoles(clientFor('reception@oakfield.sch.uk'), GROUPS).has('admin')).toBe(
      false,
    );
    expect(
      await new GraphRoles(clientFor('it.admin@oakfield.sch.uk'), {
        staff: '',
        admins: '',
        reviewers: '',
      }).has('admin'),
    ).toBe(false);
  });
});

describe('admin routing (delegated: own mailbox only)', () => {
  it('plans for my mailbox, applies it, and then has nothing left to do', async () => {
    const admin = adminFor('it.admin@oakfield.sch.uk');
    const before = await admin.planMine();
    expect(before.isProtected).toBe(false);
    expect(before.plan.folder.create).toBe(true);
    const applied = await admin.applyMine();
    expect(applied.failed).toEqual([]);
    expect(applied.done).toBeGreaterThan(1);
    const after = await admin.planMine();
    expect(after.plan.changes).toEqual([]);
    expect(after.plan.folder.create).toBe(false);
    // The categories the rules assign are in the master list, so Outlook colours them.
    const categories = (await (
      await fetch(`${graph.url}/v1.0/me/outlook/masterCategories`, {
        headers: { Authorization: 'Bearer local:it.admin@oakfield.sch.uk' },
      })
    ).json()) as { value: { displayName: string; color: string }[] };
    expect(categories.value).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ displayName: 'Possibly urgent', color: 'preset0' }),
        expect.objectContaining({ displayName: 'Restricted correspondence', color: 'preset1' }),
      ]),
    );
  });

  it('builds my rules with the primary address of a SPOC written as an alias: in step after applying', async () => {
    const patched = await fetch(
      `${graph.url}/v1.0/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Restrictions/items/1/fields`,
      {
        method: 'PATCH',
        headers: {
          Authorization: 'Bearer local:it.admin@oakfield.sch.uk',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ SpocEmail: 'bursar@oakfield.sch.uk' }),
      },
    );
    expect(patched.status).toBe(200);
    const admin = adminFor('it.admin@oakfield.sch.uk');
    const before = await admin.planMine();
    const redirects = before.plan.changes.flatMap((c) =>
      c.kind === 'delete' ? [] : (c.rule.body.actions.redirectTo ?? []),
    );
    expect(redirects.map((r) => r.emailAddress.address)).not.toContain('bursar@oakfield.sch.uk');
    expect((await admin.applyMine()).failed).toEqual([]);
    const after = await admin.planMine();
    expect(after.plan.changes).toEqual([]);
    expect(after.plan.drift).toEqual([]);
  });

  it('edits the Settings list and reads the last run report', async () => {
    const admin = adminFor('it.admin@oakfield.sch.uk');
    const settings = await admin.readSettings();
    expect(settings.routing.protectedMailboxes).toEqual([
      'reception@oakfield.sch.uk',
      'office@oakfield.sch.uk',
    ]);
    await admin.saveSetting('RoutingAddressesPerRule', '20', settings.entries);
    await admin.saveSetting('NewKey', 'x', settings.entries);
    const again = await admin.readSettings();
    expect(again.routing.addressesPerRule).toBe(20);
    expect(again.entries.some((e) => e.key === 'NewKey')).toBe(true);

    expect((await admin.lastReport()).run).toBeUndefined();
    await reconcile(
      'apply',
      routingServices({
        graphUrl: graph.url,
        tokenProvider: createLocalAppOnlyTokenProvider(),
        sharePoint: defaultConfig.sharePoint,
        mail: defaultConfig.mail,
        store: new MemoryStore(),
      }),
    );
    const report = await admin.lastReport();
    // The two protected mailboxes and the two SPOCs' mailboxes that are not protected.
    expect(report.run).toMatchObject({ mode: 'apply', outcome: 'Changed', mailboxesChanged: 4 });
    expect(report.mailboxes.map((m) => m.mailbox).sort()).toEqual([
      'business.manager@oakfield.sch.uk',
      'head@oakfield.sch.uk',
      'office@oakfield.sch.uk',
      'reception@oakfield.sch.uk',
    ]);
  });
});
