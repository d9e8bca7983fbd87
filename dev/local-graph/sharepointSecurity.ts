// SharePoint's permission model, as the local service keeps it for each site (README, behaviour 15):
// role definitions (permission levels) with their BasePermissions masks, principals with
// site-scoped numeric ids (users, Entra security groups, the site's SharePoint groups), role
// assignments on the site and on lists that break inheritance, and each list's item-level settings
// (ReadSecurity, WriteSecurity). Sites.Selected grants for app-only tokens (behaviour 17) live here
// too. The seed declares all of it in SharePoint's vocabulary (SEED.md, "Permissions").
import type { SeedRoleAssignment, SeedSite, SeedList, SeedAppGrant } from './seedTypes';

/** SPBasePermissions bits the service checks (a 64-bit mask, as SharePoint's High/Low pair). */
export const Perm = {
  ViewListItems: 0x1n,
  AddListItems: 0x2n,
  EditListItems: 0x4n,
  DeleteListItems: 0x8n,
  /** "Override List Behaviors": its holder is exempt from the list's item-level settings. */
  CancelCheckout: 0x100n,
  ManageLists: 0x800n,
  Open: 0x10000n,
  ManagePermissions: 0x2000000n,
  ManageWeb: 0x40000000n,
  /** Read a securable object's role assignments (Full Control only, among the built-ins). */
  EnumeratePermissions: 0x4000000000000000n,
} as const;

export const maskOf = (high: number | string, low: number | string): bigint =>
  (BigInt(high) << 32n) | BigInt(low);

export const highLow = (mask: bigint): { High: string; Low: string } => ({
  High: String(mask >> 32n),
  Low: String(mask & 0xffffffffn),
});

export interface RoleDefinition {
  id: number;
  name: string;
  description: string;
  order: number;
  /** SP.RoleType: 0 None (custom), 1 Guest, 2 Reader, 3 Contributor, 4 WebDesigner, 5 Administrator, 6 Editor. */
  roleTypeKind: number;
  hidden: boolean;
  mask: bigint;
}

/** SharePoint Online's built-in permission levels: their ids and BasePermissions (High, Low). */
export function builtInRoleDefinitions(): RoleDefinition[] {
  const def = (
    id: number,
    name: string,
    description: string,
    order: number,
    roleTypeKind: number,
    high: number,
    low: number,
    hidden = false,
  ): RoleDefinition => ({
    id,
    name,
    description,
    order,
    roleTypeKind,
    hidden,
    mask: maskOf(high, low),
  });
  return [
    def(1073741829, 'Full Control', 'Has full control.', 1, 5, 2147483647, 4294967295),
    def(
      1073741828,
      'Design',
      'Can view, add, update, delete, approve, and customize.',
      32,
      4,
      432,
      1012866047,
    ),
    def(
      1073741830,
      'Edit',
      'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
      48,
      6,
      432,
      1011030767,
    ),
    def(
      1073741827,
      'Contribute',
      'Can view, add, update, and delete list items and documents.',
      64,
      3,
      432,
      1011028719,
    ),
    def(
      1073741826,
      'Read',
      'Can view pages and list items and download documents.',
      128,
      2,
      176,
      138612833,
    ),
    def(
      1073741825,
      'Limited Access',
      'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
      160,
      1,
      48,
      134287360,
      true,
    ),
  ];
}

/** The first id SharePoint gives a custom permission level (the local service counts on from it). */
const FIRST_CUSTOM_ROLE_ID = 1073741924;

/** What a principal stands for: who is "in" it. */
export type PrincipalMatch =
  | { kind: 'user'; userId: string }
  | { kind: 'entraGroup'; groupId: string }
  | { kind: 'spGroup'; memberIds: string[] };

export interface SitePrincipal {
  id: number;
  loginName: string;
  title: string;
  /** SP.Utilities.PrincipalType: 1 user, 4 security group, 8 SharePoint group. */
  principalType: 1 | 4 | 8;
  email: string;
  match: PrincipalMatch;
}

export interface RoleAssignment {
  principalId: number;
  roleDefIds: number[];
}

/** A Sites.Selected role, as Graph's site permissions name them. */
export type AppRole = 'read' | 'write' | 'manage' | 'fullcontrol';
export const APP_ROLES: readonly AppRole[] = ['read', 'write', 'manage', 'fullcontrol'];

export interface AppGrant {
  /** The app's name (`local-app:<name>`), lower case. */
  app: string;
  role: AppRole;
  /** A list's id: the grant covers that list only (Lists.SelectedOperations.Selected). */
  listId?: string;
}

export interface SiteSecurity {
  principals: SitePrincipal[];
  nextPrincipalId: number;
  roleDefinitions: RoleDefinition[];
  nextRoleDefinitionId: number;
  assignments: RoleAssignment[];
  appGrants: AppGrant[];
  /** The site's owners SharePoint group (associatedOwnerGroup). */
  ownersGroupId: number;
}

export interface ListSecurity {
  hasUniqueRoleAssignments: boolean;
  /** Meaningful only when hasUniqueRoleAssignments; otherwise the site's apply. */
  assignments: RoleAssignment[];
  /** 1 read all items; 2 read only items the user created. */
  readSecurity: 1 | 2;
  /** 1 create and edit all; 2 create, and edit only one's own; 4 none (no create, no edit). */
  writeSecurity: 1 | 2 | 4;
  enableVersioning: boolean;
}

/** What the security model needs from the directory. */
export interface SecurityDirectory {
  findUser(
    who: string,
  ): { id: string; displayName: string; userPrincipalName: string; mail: string } | undefined;
  findGroup(id: string): { id: string; displayName: string } | undefined;
  /** Every user who can sign in (a default team site's members). */
  signInUserIds(): string[];
}

/** Who a request is, for permission checks. */
export interface SecuritySubject {
  id: string;
  groupIds: string[];
  appOnly?: boolean;
  /** The app's name for an app-only subject. */
  displayName: string;
}

const OWNERS_GROUP_ID = 3;
const VISITORS_GROUP_ID = 4;
const MEMBERS_GROUP_ID = 5;
/** Ids 1-6 are SharePoint's own (system account, site groups); people and groups get 7 onwards. */
const FIRST_PRINCIPAL_ID = 7;

export const userLoginName = (upn: string) => `i:0#.f|membership|${upn.toLowerCase()}`;
export const groupLoginName = (id: string) => `c:0t.c|tenant|${id.toLowerCase()}`;

export class SecuritySeedError extends Error {}

/** The site's permission model from its seed (defaults: SharePoint's for a new team site). */
export function siteSecurityFromSeed(seed: SeedSite, dir: SecurityDirectory): SiteSecurity {
  const declared = seed.roleAssignments !== undefined;
  const ownerIds = (seed.owners ?? []).map((who) => {
    const user = dir.findUser(who);
    if (!user)
      throw new SecuritySeedError(`seed: site '${seed.displayName}' owner '${who}' is not a user`);
    return user.id;
  });
  const security: SiteSecurity = {
    principals: [
      spGroup(OWNERS_GROUP_ID, `${seed.displayName} Owners`, ownerIds),
      spGroup(VISITORS_GROUP_ID, `${seed.displayName} Visitors`, []),
      // A site that declares no assignments is a new team site: every user is a member (Edit).
      spGroup(MEMBERS_GROUP_ID, `${seed.displayName} Members`, declared ? [] : dir.signInUserIds()),
    ],
    nextPrincipalId: FIRST_PRINCIPAL_ID,
    roleDefinitions: builtInRoleDefinitions(),
    nextRoleDefinitionId: FIRST_CUSTOM_ROLE_ID,
    assignments: [],
    appGrants: [],
    ownersGroupId: OWNERS_GROUP_ID,
  };
  for (const r of seed.roleDefinitions ?? []) {
    const bp = r.basePermissions;
    if (!r.name || !bp || bp.High === undefined || bp.Low === undefined)
      throw new SecuritySeedError(
        `seed: a role definition needs name and basePermissions {High, Low}`,
      );
    addRoleDefinition(security, r.name, r.description ?? '', maskOf(bp.High, bp.Low));
  }
  const assignments: SeedRoleAssignment[] = declared
    ? (seed.roleAssignments ?? [])
    : [
        { principal: 'owners', role: 'Full Control' },
        { principal: 'members', role: 'Edit' },
        { principal: 'visitors', role: 'Read' },
      ];
  security.assignments = seedAssignments(security, assignments, dir, seed.displayName);
  security.appGrants = (seed.appGrants ?? []).map((g) => appGrantFromSeed(g, seed));
  return security;
}

/** A list's settings and assignments from its seed (absent: inherits, read and write all). */
export function listSecurityFromSeed(
  seed: SeedList,
  site: SiteSecurity,
  dir: SecurityDirectory,
): ListSecurity {
  // The seed format before SharePoint's model: refused, so that an old fixture does not quietly
  // become a list every member of staff may edit.
  if ('permissions' in seed)
    throw new SecuritySeedError(
      `seed: list '${seed.displayName}' uses the old 'permissions' key: declare roleAssignments, readSecurity and writeSecurity (SEED.md)`,
    );
  const unique = seed.hasUniqueRoleAssignments ?? seed.roleAssignments !== undefined;
  if (!unique && seed.roleAssignments?.length)
    throw new SecuritySeedError(
      `seed: list '${seed.displayName}' declares roleAssignments but inherits (hasUniqueRoleAssignments false)`,
    );
  const rs = seed.readSecurity ?? 1;
  const ws = seed.writeSecurity ?? 1;
  if (rs !== 1 && rs !== 2)
    throw new SecuritySeedError(`seed: list '${seed.displayName}': readSecurity is 1 or 2`);
  if (ws !== 1 && ws !== 2 && ws !== 4)
    throw new SecuritySeedError(`seed: list '${seed.displayName}': writeSecurity is 1, 2 or 4`);
  return {
    hasUniqueRoleAssignments: unique,
    assignments: unique
      ? seedAssignments(site, seed.roleAssignments ?? [], dir, seed.displayName)
      : [],
    readSecurity: rs,
    writeSecurity: ws,
    enableVersioning: seed.enableVersioning ?? false,
  };
}

function appGrantFromSeed(g: SeedAppGrant, seed: SeedSite): AppGrant {
  if (!g.app || !APP_ROLES.includes(g.role))
    throw new SecuritySeedError(`seed: an app grant needs app and role (${APP_ROLES.join(', ')})`);
  if (g.list === undefined) return { app: g.app.toLowerCase(), role: g.role };
  const list = seed.lists.find(
    (l) =>
      l.id.toLowerCase() === g.list?.toLowerCase() ||
      l.displayName.toLowerCase() === g.list?.toLowerCase(),
  );
  if (!list) throw new SecuritySeedError(`seed: app grant names no list of the site: '${g.list}'`);
  return { app: g.app.toLowerCase(), role: g.role, listId: list.id };
}

function seedAssignments(
  site: SiteSecurity,
  seeds: SeedRoleAssignment[],
  dir: SecurityDirectory,
  where: string,
): RoleAssignment[] {
  const out: RoleAssignment[] = [];
  for (const a of seeds) {
    const principal = principalFromSeed(site, a.principal, dir);
    if (!principal)
      throw new SecuritySeedError(`seed: '${where}' names an unknown principal '${a.principal}'`);
    const role = findRoleDefinition(site, a.role);
    if (!role)
      throw new SecuritySeedError(`seed: '${where}' names an unknown role definition '${a.role}'`);
    addBinding(out, principal.id, role.id);
  }
  return out;
}

function principalFromSeed(
  site: SiteSecurity,
  text: string,
  dir: SecurityDirectory,
): SitePrincipal | undefined {
  const lower = text.toLowerCase();
  if (lower === 'owners') return principalById(site, OWNERS_GROUP_ID);
  if (lower === 'members') return principalById(site, MEMBERS_GROUP_ID);
  if (lower === 'visitors') return principalById(site, VISITORS_GROUP_ID);
  const m = /^(user|group):(.+)$/i.exec(text);
  if (!m) return undefined;
  return ensurePrincipal(
    site,
    m[1]?.toLowerCase() === 'user' ? userLoginName(m[2] ?? '') : groupLoginName(m[2] ?? ''),
    dir,
  );
}

function spGroup(id: number, title: string, memberIds: string[]): SitePrincipal {
  return {
    id,
    loginName: title,
    title,
    principalType: 8,
    email: '',
    match: { kind: 'spGroup', memberIds },
  };
}

export function principalById(site: SiteSecurity, id: number): SitePrincipal | undefined {
  return site.principals.find((p) => p.id === id);
}

/**
 * The site principal for a login name (`i:0#.f|membership|<upn>`, `c:0t.c|tenant|<group id>`, or a
 * bare user principal name), added with the next id when new: SharePoint's EnsureUser.
 */
export function ensurePrincipal(
  site: SiteSecurity,
  logonName: string,
  dir: SecurityDirectory,
): SitePrincipal | undefined {
  const text = logonName.trim();
  const group = /^c:0t\.c\|tenant\|(.+)$/i.exec(text)?.[1];
  const upn = group
    ? undefined
    : (/^i:0#\.f\|membership\|(.+)$/i.exec(text)?.[1] ?? (text.includes('|') ? undefined : text));
  let candidate: Omit<SitePrincipal, 'id'> | undefined;
  if (group) {
    const g = dir.findGroup(group);
    if (g)
      candidate = {
        loginName: groupLoginName(g.id),
        title: g.displayName,
        principalType: 4,
        email: '',
        match: { kind: 'entraGroup', groupId: g.id.toLowerCase() },
      };
  } else if (upn) {
    const u = dir.findUser(upn);
    if (u)
      candidate = {
        loginName: userLoginName(u.userPrincipalName),
        title: u.displayName,
        principalType: 1,
        email: u.mail,
        match: { kind: 'user', userId: u.id },
      };
  }
  if (!candidate) return undefined;
  const existing = site.principals.find((p) => p.loginName === candidate?.loginName);
  if (existing) return existing;
  const principal: SitePrincipal = { id: site.nextPrincipalId++, ...candidate };
  site.principals.push(principal);
  return principal;
}

export function findRoleDefinition(
  site: SiteSecurity,
  nameOrId: string | number,
): RoleDefinition | undefined {
  return typeof nameOrId === 'number'
    ? site.roleDefinitions.find((r) => r.id === nameOrId)
    : site.roleDefinitions.find((r) => r.name.toLowerCase() === nameOrId.toLowerCase());
}

export function addRoleDefinition(
  site: SiteSecurity,
  name: string,
  description: string,
  mask: bigint,
): RoleDefinition {
  const role: RoleDefinition = {
    id: site.nextRoleDefinitionId++,
    name,
    description,
    order: 1000 + site.roleDefinitions.length,
    roleTypeKind: 0,
    hidden: false,
    mask,
  };
  site.roleDefinitions.push(role);
  return role;
}

/** Adds a role definition binding to a principal's assignment (one assignment per principal). */
export function addBinding(
  assignments: RoleAssignment[],
  principalId: number,
  roleDefId: number,
): void {
  const existing = assignments.find((a) => a.principalId === principalId);
  if (!existing) assignments.push({ principalId, roleDefIds: [roleDefId] });
  else if (!existing.roleDefIds.includes(roleDefId)) existing.roleDefIds.push(roleDefId);
}

/** Removes a binding; an assignment left with none goes. */
export function removeBinding(
  assignments: RoleAssignment[],
  principalId: number,
  roleDefId: number,
): void {
  const i = assignments.findIndex((a) => a.principalId === principalId);
  const a = assignments[i];
  if (!a) return;
  a.roleDefIds = a.roleDefIds.filter((id) => id !== roleDefId);
  if (!a.roleDefIds.length) assignments.splice(i, 1);
}

function isIn(p: SitePrincipal, who: SecuritySubject): boolean {
  switch (p.match.kind) {
    case 'user':
      return p.match.userId === who.id;
    case 'entraGroup': {
      const id = p.match.groupId;
      return who.groupIds.some((g) => g.toLowerCase() === id);
    }
    case 'spGroup':
      return p.match.memberIds.includes(who.id);
  }
}

/** The union of the permission levels bound to every principal the subject is, or is in. */
export function effectiveMask(
  site: SiteSecurity,
  assignments: RoleAssignment[],
  who: SecuritySubject,
): bigint {
  let mask = 0n;
  for (const a of assignments) {
    const p = principalById(site, a.principalId);
    if (!p || !isIn(p, who)) continue;
    for (const id of a.roleDefIds) mask |= findRoleDefinition(site, id)?.mask ?? 0n;
  }
  return mask;
}

/** What a Sites.Selected role allows, as a permission level's mask. */
function appRoleMask(site: SiteSecurity, role: AppRole): bigint {
  const level = {
    read: 'Read',
    write: 'Contribute',
    manage: 'Design',
    fullcontrol: 'Full Control',
  }[role];
  return findRoleDefinition(site, level)?.mask ?? 0n;
}

/** An app's permissions on the site (listId undefined) or on one list: its site and list grants. */
export function appMask(site: SiteSecurity, app: string, listId: string | undefined): bigint {
  let mask = 0n;
  for (const g of site.appGrants) {
    if (g.app !== app.toLowerCase()) continue;
    if (
      g.listId === undefined ||
      (listId !== undefined && g.listId.toLowerCase() === listId.toLowerCase())
    )
      mask |= appRoleMask(site, g.role);
  }
  return mask;
}

/** True when the app has any grant on the site, on the site itself or on one of its lists. */
export function appHasAnyGrant(site: SiteSecurity, app: string): boolean {
  return site.appGrants.some((g) => g.app === app.toLowerCase());
}

/** The subject's permissions on the site (web) itself. */
export function siteMask(site: SiteSecurity, who: SecuritySubject): bigint {
  return who.appOnly
    ? appMask(site, who.displayName, undefined)
    : effectiveMask(site, site.assignments, who);
}

/** The subject's permissions on a list: its own assignments, or the site's when it inherits. */
export function listMask(
  site: SiteSecurity,
  listId: string,
  list: ListSecurity,
  who: SecuritySubject,
): bigint {
  if (who.appOnly) return appMask(site, who.displayName, listId);
  return effectiveMask(
    site,
    list.hasUniqueRoleAssignments ? list.assignments : site.assignments,
    who,
  );
}

export const has = (mask: bigint, perm: bigint): boolean => (mask & perm) === perm;
