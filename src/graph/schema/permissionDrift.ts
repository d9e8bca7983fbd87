// Compares what SharePoint says about a list's permissions with the plan (permissionPlan.ts) and
// names every difference in words a school's IT admin understands. Pure: the observed state is read
// by tools/lib/sharePointPermissions.ts; `provision` repairs each drift, `provision --check` prints it.

import {
  CUSTOM_ROLE_DEFINITIONS,
  PERMISSION,
  ROLE,
  type BasePermissions,
  type CustomRoleDefinition,
  type GroupRole,
  type ListPermissionPlan,
  type PlannedPrincipal,
  type ReadSecurity,
  type RoleName,
  type WriteSecurity,
} from './permissionPlan';

/** A role assignment as SharePoint returns it (roleassignments?$expand=Member,RoleDefinitionBindings). */
export interface ObservedAssignment {
  principalId: number;
  /** Member.Title: the name people see in SharePoint. */
  title: string;
  loginName: string;
  /** 1 user, 4 security group, 8 SharePoint group. */
  principalType: number;
  roles: { name: string; basePermissions: BasePermissions }[];
}

export interface ObservedList {
  title: string;
  hasUniqueRoleAssignments: boolean;
  readSecurity: number;
  writeSecurity: number;
  enableVersioning: boolean;
  /** The assignments in force: the site's own while the list inherits. */
  assignments: ObservedAssignment[];
}

export interface ObservedSite {
  /** The site's owners group (web/associatedownergroup), whose members keep Full Control. */
  ownersGroupId: number;
  roleDefinitions: { id: number; name: string; basePermissions: BasePermissions }[];
}

export type Drift =
  | { kind: 'roleDefinitionMissing'; definition: CustomRoleDefinition; message: string }
  | { kind: 'roleDefinitionDiffers'; definition: CustomRoleDefinition; message: string }
  | { kind: 'listMissing'; list: string; message: string }
  | { kind: 'inherits'; list: string; message: string }
  | { kind: 'readSecurity'; list: string; expected: ReadSecurity; message: string }
  | { kind: 'writeSecurity'; list: string; expected: WriteSecurity; message: string }
  | { kind: 'versioning'; list: string; message: string }
  | {
      kind: 'access';
      list: string;
      /** Grants to add: a planned principal (its SharePoint id is found when repairing). */
      add: { principal: PlannedPrincipal; role: RoleName }[];
      /** Grants to remove, by SharePoint's principal id and role definition name. */
      remove: { principalId: number; role: string }[];
      message: string;
    };

/** SharePoint adds these by itself where access is narrower below; they grant nothing to plan. */
const IGNORED_ROLES = new Set(['limited access', 'web-only limited access']);

/** The permission levels Contact Guard creates, checked by name and by exact permissions. */
export function compareRoleDefinitions(site: ObservedSite): Drift[] {
  const drifts: Drift[] = [];
  for (const definition of CUSTOM_ROLE_DEFINITIONS) {
    const found = site.roleDefinitions.find((d) => sameName(d.name, definition.name));
    const words = describeAccess(definition.basePermissions, 1, 1).replace(/^can /, '');
    if (!found) {
      drifts.push({
        kind: 'roleDefinitionMissing',
        definition,
        message: `Site: the permission level "${definition.name}" is missing (should exist: ${words})`,
      });
    } else if (!samePermissions(found.basePermissions, definition.basePermissions)) {
      const actual = describeAccess(found.basePermissions, 1, 1).replace(/^can /, '');
      drifts.push({
        kind: 'roleDefinitionDiffers',
        definition,
        message: `Site: the permission level "${definition.name}" allows: ${actual} (should allow only: ${words})`,
      });
    }
  }
  return drifts;
}

/** Every difference between one list and its plan; an empty array when there is none. */
export function compareList(
  plan: ListPermissionPlan,
  observed: ObservedList | null,
  site: ObservedSite,
): Drift[] {
  const list = plan.title;
  if (!observed) {
    return [
      {
        kind: 'listMissing',
        list,
        message: `${list}: the list does not exist (run npm run provision)`,
      },
    ];
  }
  const drifts: Drift[] = [];
  if (!observed.hasUniqueRoleAssignments) {
    drifts.push({
      kind: 'inherits',
      list,
      message: `${list}: inherits the site's permissions (should have its own)`,
    });
  }
  if (observed.readSecurity !== plan.readSecurity) {
    drifts.push({
      kind: 'readSecurity',
      list,
      expected: plan.readSecurity,
      message: `${list}: ${readWords(observed.readSecurity)} (should be: ${readWords(plan.readSecurity)})`,
    });
  }
  if (observed.writeSecurity !== plan.writeSecurity) {
    drifts.push({
      kind: 'writeSecurity',
      list,
      expected: plan.writeSecurity,
      message: `${list}: ${writeWords(observed.writeSecurity)} (should be: ${writeWords(plan.writeSecurity)})`,
    });
  }
  if (plan.enableVersioning && !observed.enableVersioning) {
    drifts.push({
      kind: 'versioning',
      list,
      message: `${list}: version history is off (should be on, so that every change can be seen)`,
    });
  }
  drifts.push(...compareAccess(plan, observed, site));
  return drifts;
}

/** Which planned principal an observed assignment is, if any. */
function planned(assignment: ObservedAssignment, plan: ListPermissionPlan, site: ObservedSite) {
  return plan.assignments.find(({ principal }) =>
    principal.kind === 'owners'
      ? assignment.principalId === site.ownersGroupId && assignment.principalType === 8
      : isGroupLogin(assignment.loginName, principal.id),
  )?.principal;
}

function isGroupLogin(loginName: string, groupId: string): boolean {
  const lower = loginName.toLowerCase();
  return lower.startsWith('c:0t.c|tenant|') && lower.endsWith(`|${groupId}`);
}

function compareAccess(
  plan: ListPermissionPlan,
  observed: ObservedList,
  site: ObservedSite,
): Drift[] {
  const drifts: Drift[] = [];
  const list = plan.title;
  const seen = new Set<PlannedPrincipal>();
  const actualWords = (roles: ObservedAssignment['roles']) =>
    describeAccess(
      union(roles.map((r) => r.basePermissions)),
      observed.readSecurity,
      observed.writeSecurity,
    );

  for (const assignment of observed.assignments) {
    const roles = assignment.roles.filter((r) => !IGNORED_ROLES.has(r.name.toLowerCase()));
    if (!roles.length) continue;
    const principal = planned(assignment, plan, site);
    const name = `"${assignment.title}"`;
    if (!principal) {
      drifts.push({
        kind: 'access',
        list,
        add: [],
        remove: roles.map((r) => ({ principalId: assignment.principalId, role: r.name })),
        message: `${list}: ${name} has ${roleNames(roles)}: ${actualWords(roles)} (should have no access)`,
      });
      continue;
    }
    seen.add(principal);
    const expected = plan.assignments.filter((a) => a.principal === principal).map((a) => a.role);
    const add = expected.filter((role) => !roles.some((r) => sameName(r.name, role)));
    const remove = roles.filter((r) => !expected.some((role) => sameName(r.name, role)));
    if (!add.length && !remove.length) continue;
    drifts.push({
      kind: 'access',
      list,
      add: add.map((role) => ({ principal, role })),
      remove: remove.map((r) => ({ principalId: assignment.principalId, role: r.name })),
      message: `${list}: ${name} has ${roleNames(roles)}: ${actualWords(roles)} (should have ${expectedWords(plan, expected)})`,
    });
  }

  for (const principal of new Set(plan.assignments.map((a) => a.principal))) {
    if (seen.has(principal)) continue;
    const roles = plan.assignments.filter((a) => a.principal === principal).map((a) => a.role);
    drifts.push({
      kind: 'access',
      list,
      add: roles.map((role) => ({ principal, role })),
      remove: [],
      message: `${list}: ${principalWords(principal)} has no access (should have ${expectedWords(plan, roles)})`,
    });
  }
  return drifts;
}

function expectedWords(plan: ListPermissionPlan, roles: RoleName[]): string {
  const perms = union(roles.map(roleBasePermissions));
  const words = describeAccess(perms, plan.readSecurity, plan.writeSecurity).replace(/^can /, '');
  return `${roles.join(' and ')}: ${words}`;
}

const GROUP_WORDS: Record<GroupRole, string> = {
  staff: 'the staff group (groups.staff)',
  reviewers: 'the reviewers group (groups.reviewers)',
  admins: 'the admins group (groups.admins)',
};

function principalWords(principal: PlannedPrincipal): string {
  return principal.kind === 'owners' ? "the site's owners group" : GROUP_WORDS[principal.group];
}

function roleNames(roles: { name: string }[]): string {
  return roles.map((r) => r.name).join(' and ');
}

type CustomRoleName = typeof ROLE.addAndRead | typeof ROLE.readAllItems;

/** SharePoint's built-in permission levels, as it defines them, and Contact Guard's own. */
const BUILT_IN: Record<Exclude<RoleName, CustomRoleName>, BasePermissions> = {
  [ROLE.fullControl]: { High: 2147483647, Low: 4294967295 },
  [ROLE.edit]: { High: 432, Low: 1011030767 },
  [ROLE.contribute]: { High: 432, Low: 1011028719 },
  [ROLE.read]: { High: 176, Low: 138612833 },
};

export function roleBasePermissions(role: RoleName): BasePermissions {
  const custom = CUSTOM_ROLE_DEFINITIONS.find((d) => d.name === role);
  return custom ? custom.basePermissions : BUILT_IN[role as Exclude<RoleName, CustomRoleName>];
}

function union(all: BasePermissions[]): BasePermissions {
  return all.reduce(
    (acc, p) => ({ High: (acc.High | p.High) >>> 0, Low: (acc.Low | p.Low) >>> 0 }),
    { High: 0, Low: 0 },
  );
}

function samePermissions(a: BasePermissions, b: BasePermissions): boolean {
  return a.High >>> 0 === b.High >>> 0 && a.Low >>> 0 === b.Low >>> 0;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function readWords(value: number): string {
  if (value === 1) return 'everyone with access reads every item';
  if (value === 2) return 'each person reads only the items they created';
  return `item-level read setting ${value}`;
}

function writeWords(value: number): string {
  if (value === 1) return 'anyone who may edit can edit every item';
  if (value === 2) return 'each person edits only the items they created';
  if (value === 4) return "nobody but the list's owners adds, edits or deletes items";
  return `item-level edit setting ${value}`;
}

/**
 * What holding these permissions lets someone do on a list with these item-level settings, in
 * plain words. "Override List Behaviors" and "Manage Lists" lift the item-level limits, as in
 * SharePoint.
 */
export function describeAccess(
  perms: BasePermissions,
  readSecurity: number,
  writeSecurity: number,
): string {
  const low = perms.Low >>> 0;
  if (low === 0xffffffff && (perms.High & 0x7fffffff) === 0x7fffffff)
    return 'can do everything, including change who has access';
  const has = (bit: number) => (low & bit) !== 0;
  const override = has(PERMISSION.CancelCheckout) || has(PERMISSION.ManageLists);
  const parts: string[] = [];
  if (has(PERMISSION.ViewListItems)) {
    parts.push(readSecurity === 2 && !override ? 'read only their own items' : 'read every item');
  }
  // WriteSecurity 4 ("Create and Edit access: None") stops adding as well as editing.
  const writesBlocked = writeSecurity === 4 && !override;
  if (has(PERMISSION.AddListItems) && !writesBlocked) parts.push('add items');
  const edit = has(PERMISSION.EditListItems);
  const del = has(PERMISSION.DeleteListItems);
  const verb = edit && del ? 'edit and delete' : edit ? 'edit' : del ? 'delete' : '';
  if (verb && !writesBlocked) {
    parts.push(
      writeSecurity === 2 && !override ? `${verb} only their own items` : `${verb} every item`,
    );
  }
  if (has(PERMISSION.ManageLists)) parts.push("change the list's settings and columns");
  if (has(PERMISSION.ManagePermissions)) parts.push('change who has access');
  if (!parts.length) return 'can do nothing with items';
  const last = parts.pop();
  return `can ${parts.length ? `${parts.join(', ')} and ${last}` : last}`;
}
