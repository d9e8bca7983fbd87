// The permission plan (issue 10 item 1) and the words `provision --check` prints for each drift.
import { defaultConfig } from '../../../src/config/appConfig';
import { PROVISIONED_LISTS } from '../../../src/graph/schema/lists';
import {
  compareList,
  compareRoleDefinitions,
  describeAccess,
  roleBasePermissions,
  type ObservedAssignment,
  type ObservedList,
  type ObservedSite,
} from '../../../src/graph/schema/permissionDrift';
import {
  CUSTOM_ROLE_DEFINITIONS,
  type CustomRoleDefinition,
  groupLoginName,
  MissingGroupsError,
  permissionPlan,
  ROLE,
  type ListPermissionPlan,
} from '../../../src/graph/schema/permissionPlan';

const GROUPS = {
  staff: '5A1B2C3D-0000-4000-8000-00000000000A',
  reviewers: '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c',
  admins: '7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b',
};
const LISTS = defaultConfig.sharePoint.lists;
const plan = permissionPlan(GROUPS, LISTS);
const byKey = (key: ListPermissionPlan['key']) => plan.find((p) => p.key === key)!;

/** The plan as a table: list → principal → role, plus settings (PLAN10.md, issue 10 item 1). */
function table(list: ListPermissionPlan) {
  return {
    access: Object.fromEntries(
      list.assignments.map((a) => [
        a.principal.kind === 'owners' ? 'owners' : a.principal.group,
        a.role,
      ]),
    ),
    readSecurity: list.readSecurity,
    writeSecurity: list.writeSecurity,
    versioning: list.enableVersioning ?? false,
    routingApp: list.routingApp ?? null,
  };
}

describe('permissionPlan (issue 10: each role gets what it needs and no more)', () => {
  it('Contact Restrictions: staff read only, reviewers edit, the routing job reads', () => {
    expect(table(byKey('restrictions'))).toEqual({
      access: { owners: 'Full Control', staff: 'Read', reviewers: 'Contribute' },
      readSecurity: 1,
      writeSecurity: 1,
      versioning: false,
      routingApp: 'read',
    });
  });

  it('Settings: staff read only, admins edit', () => {
    expect(table(byKey('settings'))).toEqual({
      access: { owners: 'Full Control', staff: 'Read', admins: 'Contribute' },
      readSecurity: 1,
      writeSecurity: 1,
      versioning: false,
      routingApp: 'read',
    });
  });

  it('Contact Events (policy 004, the Record of Evidence): staff add and see their own, reviewers read all, versioning on', () => {
    expect(table(byKey('events'))).toEqual({
      access: {
        owners: 'Full Control',
        staff: 'Contribute',
        reviewers: 'Contact Guard - Read all items',
      },
      readSecurity: 2,
      writeSecurity: 2,
      versioning: true,
      routingApp: null,
    });
  });

  it('Audit: append-only for everyone (the level has no Edit or Delete; WriteSecurity 4 would stop adding too), reviewers read all', () => {
    expect(table(byKey('audit'))).toEqual({
      access: {
        owners: 'Full Control',
        staff: 'Contact Guard - Add and read',
        reviewers: 'Contact Guard - Read all items',
      },
      readSecurity: 2,
      writeSecurity: 2,
      versioning: false,
      routingApp: null,
    });
  });

  it('Restriction Cases: reviewers only; Routing Status: admins read, the routing job writes', () => {
    expect(table(byKey('cases'))).toEqual({
      access: { owners: 'Full Control', reviewers: 'Contribute' },
      readSecurity: 1,
      writeSecurity: 1,
      versioning: true,
      routingApp: null,
    });
    expect(table(byKey('routingStatus'))).toEqual({
      access: { owners: 'Full Control', admins: 'Read' },
      readSecurity: 1,
      writeSecurity: 1,
      versioning: false,
      routingApp: 'write',
    });
  });

  it('covers every configured list, by the names in configuration, and group ids in lower case', () => {
    expect(plan.map((p) => p.title).sort()).toEqual(Object.values(LISTS).sort());
    const staff = byKey('events').assignments.find(
      (a) => a.principal.kind === 'group' && a.principal.group === 'staff',
    )!;
    expect(staff.principal).toEqual({
      kind: 'group',
      group: 'staff',
      id: GROUPS.staff.toLowerCase(),
    });
    expect(groupLoginName(GROUPS.staff)).toBe(`c:0t.c|tenant|${GROUPS.staff.toLowerCase()}`);
  });

  it("gives every list provisioning creates its own permissions (none is left with the site's)", () => {
    expect(PROVISIONED_LISTS.map((l) => l.displayName).sort()).toEqual(
      plan.map((p) => p.title).sort(),
    );
  });

  it('refuses to plan with a group missing, naming what to set', () => {
    expect(() => permissionPlan({ ...GROUPS, staff: ' ', admins: '' }, LISTS)).toThrow(
      MissingGroupsError,
    );
    expect(() => permissionPlan({ ...GROUPS, staff: '' }, LISTS)).toThrow(
      /staff group is not configured: set --staff-group or groups\.staff/,
    );
  });

  it('the custom levels are Read plus exactly one permission (add; override list behaviours)', () => {
    const read = roleBasePermissions(ROLE.read);
    const [addAndRead, readAll] = CUSTOM_ROLE_DEFINITIONS as [
      CustomRoleDefinition,
      CustomRoleDefinition,
    ];
    expect(addAndRead.basePermissions).toEqual({ High: read.High, Low: read.Low + 0x2 });
    expect(readAll.basePermissions).toEqual({ High: read.High, Low: read.Low + 0x100 });
  });
});

describe('describeAccess: what a permission level lets someone do, in plain words', () => {
  it.each([
    [
      ROLE.edit,
      1,
      1,
      "can read every item, add items, edit and delete every item and change the list's settings and columns",
    ],
    [
      ROLE.contribute,
      2,
      2,
      'can read only their own items, add items and edit and delete only their own items',
    ],
    [ROLE.addAndRead, 2, 2, 'can read only their own items and add items'],
    [ROLE.contribute, 1, 4, 'can read every item'],
    [ROLE.readAllItems, 2, 2, 'can read every item'],
    [
      ROLE.edit,
      2,
      4,
      "can read every item, add items, edit and delete every item and change the list's settings and columns",
    ],
    [ROLE.read, 1, 1, 'can read every item'],
    [ROLE.fullControl, 2, 4, 'can do everything, including change who has access'],
  ] as const)('%s on a list with ReadSecurity %i, WriteSecurity %i', (role, read, write, words) => {
    expect(describeAccess(roleBasePermissions(role), read, write)).toBe(words);
  });
});

const OWNERS_ID = 3;
const site: ObservedSite = {
  ownersGroupId: OWNERS_ID,
  roleDefinitions: [
    ...[ROLE.fullControl, ROLE.edit, ROLE.contribute, ROLE.read].map((name, i) => ({
      id: 1073741826 + i,
      name,
      basePermissions: roleBasePermissions(name),
    })),
    ...CUSTOM_ROLE_DEFINITIONS.map((d, i) => ({ id: 1100 + i, ...d })),
  ],
};

function assignment(
  principalId: number,
  title: string,
  loginName: string,
  principalType: number,
  ...roles: string[]
): ObservedAssignment {
  return {
    principalId,
    title,
    loginName,
    principalType,
    roles: roles.map((name) => ({
      name,
      basePermissions:
        name === 'Limited Access'
          ? { High: 0, Low: 134287360 }
          : roleBasePermissions(name as never),
    })),
  };
}

const owners = assignment(
  OWNERS_ID,
  'Contact Guard Owners',
  'Contact Guard Owners',
  8,
  ROLE.fullControl,
);
const staff = (...roles: string[]) =>
  assignment(10, 'Oakfield Staff', groupLoginName(GROUPS.staff), 4, ...roles);
const reviewers = (...roles: string[]) =>
  assignment(11, 'Contact Guard Reviewers', groupLoginName(GROUPS.reviewers), 4, ...roles);

/** A list exactly as planned. */
function asPlanned(key: ListPermissionPlan['key']): ObservedList {
  const p = byKey(key);
  const ids: Record<string, ObservedAssignment> = {};
  for (const a of p.assignments) {
    if (a.principal.kind === 'owners') ids.owners = owners;
    else if (a.principal.group === 'staff') ids.staff = staff(a.role);
    else if (a.principal.group === 'reviewers') ids.reviewers = reviewers(a.role);
    else
      ids.admins = assignment(12, 'Contact Guard Admins', groupLoginName(GROUPS.admins), 4, a.role);
  }
  return {
    title: p.title,
    hasUniqueRoleAssignments: true,
    readSecurity: p.readSecurity,
    writeSecurity: p.writeSecurity,
    enableVersioning: p.enableVersioning ?? false,
    assignments: Object.values(ids),
  };
}

describe('compareList: every drift in words a school IT admin understands', () => {
  it.each(plan.map((p) => [p.title, p.key] as const))('%s as planned: no drift', (_t, key) => {
    expect(compareList(byKey(key), asPlanned(key), site)).toEqual([]);
  });

  it('ignores the Limited Access SharePoint adds by itself', () => {
    const list = asPlanned('cases');
    list.assignments.push(
      assignment(20, 'Someone', 'i:0#.f|membership|x@oakfield.sch.uk', 1, 'Limited Access'),
    );
    expect(compareList(byKey('cases'), list, site)).toEqual([]);
  });

  it('a list that inherits the site (staff Edit): each difference on its own line', () => {
    const events = byKey('events');
    const inherited: ObservedList = {
      title: events.title,
      hasUniqueRoleAssignments: false,
      readSecurity: 1,
      writeSecurity: 1,
      enableVersioning: false,
      assignments: [owners, staff(ROLE.edit)],
    };
    expect(compareList(events, inherited, site).map((d) => d.message)).toEqual([
      "Contact Events: inherits the site's permissions (should have its own)",
      'Contact Events: everyone with access reads every item (should be: each person reads only the items they created)',
      'Contact Events: anyone who may edit can edit every item (should be: each person edits only the items they created)',
      'Contact Events: version history is off (should be on, so that every change can be seen)',
      `Contact Events: "Oakfield Staff" has Edit: can read every item, add items, edit and delete every item and change the list's settings and columns (should have Contribute: read only their own items, add items and edit and delete only their own items)`,
      'Contact Events: the reviewers group (groups.reviewers) has no access (should have Contact Guard - Read all items: read every item)',
    ]);
  });

  it('a stranger, an extra grant and a missing list are each named, with what to repair', () => {
    const cases = asPlanned('cases');
    cases.assignments.push(
      assignment(
        30,
        'Everyone except external users',
        'c:0-.f|rolemanager|spo-grid-all-users/x',
        4,
        ROLE.read,
      ),
    );
    const drifts = compareList(byKey('cases'), cases, site);
    expect(drifts.map((d) => d.message)).toEqual([
      'Restriction Cases: "Everyone except external users" has Read: can read every item (should have no access)',
    ]);
    expect(drifts[0]).toMatchObject({
      kind: 'access',
      add: [],
      remove: [{ principalId: 30, role: 'Read' }],
    });

    const restrictions = asPlanned('restrictions');
    restrictions.assignments = restrictions.assignments.map((a) =>
      a.principalId === 10 ? staff(ROLE.read, ROLE.edit) : a,
    );
    const extra = compareList(byKey('restrictions'), restrictions, site);
    expect(extra.map((d) => d.message)).toEqual([
      `Contact Restrictions: "Oakfield Staff" has Read and Edit: can read every item, add items, edit and delete every item and change the list's settings and columns (should have Read: read every item)`,
    ]);
    expect(extra[0]).toMatchObject({ add: [], remove: [{ principalId: 10, role: 'Edit' }] });

    expect(compareList(byKey('audit'), null, site).map((d) => d.message)).toEqual([
      'Contact Guard Audit: the list does not exist (run npm run provision)',
    ]);
  });

  it('the owners group is recognised by its id, not by its name', () => {
    const list = asPlanned('settings');
    list.assignments = list.assignments.map((a) =>
      a.principalId === OWNERS_ID ? { ...a, principalId: 99, title: 'Other Owners' } : a,
    );
    expect(compareList(byKey('settings'), list, site).map((d) => d.message)).toEqual([
      'Contact Guard Settings: "Other Owners" has Full Control: can do everything, including change who has access (should have no access)',
      "Contact Guard Settings: the site's owners group has no access (should have Full Control: do everything, including change who has access)",
    ]);
  });
});

describe('compareRoleDefinitions', () => {
  it('names a missing or widened Contact Guard permission level', () => {
    expect(compareRoleDefinitions(site)).toEqual([]);
    const widened: ObservedSite = {
      ...site,
      roleDefinitions: site.roleDefinitions
        .filter((d) => d.name !== ROLE.readAllItems)
        .map((d) =>
          d.name === ROLE.addAndRead
            ? { ...d, basePermissions: roleBasePermissions(ROLE.contribute) }
            : d,
        ),
    };
    expect(compareRoleDefinitions(widened).map((d) => d.message)).toEqual([
      'Site: the permission level "Contact Guard - Add and read" allows: read every item, add items and edit and delete every item (should allow only: read every item and add items)',
      'Site: the permission level "Contact Guard - Read all items" is missing (should exist: read every item)',
    ]);
  });
});
