// Who may do what on each of the project's SharePoint lists (issue 10, item 1), as data: the one
// place `npm run provision` sets from and `npm run provision -- --check` compares against. Pure:
// no I/O. SharePoint's vocabulary throughout (role definitions, ReadSecurity/WriteSecurity), because
// Graph cannot set any of it and SharePoint's REST API is what applies it (tools/lib/).

import type { ListNames } from '../../config/appConfig';

/** SharePoint's BasePermissions pair (the two 32-bit halves of SPBasePermissions). */
export interface BasePermissions {
  High: number;
  Low: number;
}

/** SPBasePermissions bits the plan reasons about (learn.microsoft.com SPBasePermissions). */
export const PERMISSION = {
  ViewListItems: 0x1,
  AddListItems: 0x2,
  EditListItems: 0x4,
  DeleteListItems: 0x8,
  /** "Override List Behaviors": not limited by the item-level settings. */
  CancelCheckout: 0x100,
  ManageLists: 0x800,
  /** Change who has access (site owners; PnPjs PermissionKind 26 = bit 25). */
  ManagePermissions: 0x2000000,
} as const;

/** SharePoint's built-in "Read" permission level. */
const READ: BasePermissions = { High: 176, Low: 138612833 };

export const ROLE = {
  fullControl: 'Full Control',
  edit: 'Edit',
  contribute: 'Contribute',
  read: 'Read',
  addAndRead: 'Contact Guard - Add and read',
  readAllItems: 'Contact Guard - Read all items',
} as const;
export type RoleName = (typeof ROLE)[keyof typeof ROLE];

export interface CustomRoleDefinition {
  name: RoleName;
  description: string;
  basePermissions: BasePermissions;
}

/** The permission levels provisioning creates on the site when they are missing. */
export const CUSTOM_ROLE_DEFINITIONS: readonly CustomRoleDefinition[] = [
  {
    name: ROLE.addAndRead,
    description:
      'Contact Guard: add items and read them; never edit or delete (the append-only audit).',
    basePermissions: { High: READ.High, Low: READ.Low | PERMISSION.AddListItems },
  },
  {
    name: ROLE.readAllItems,
    description:
      'Contact Guard: read every item, including items other people created (reviewers).',
    basePermissions: { High: READ.High, Low: READ.Low | PERMISSION.CancelCheckout },
  },
];

/** The Entra security groups the school names in configuration (object ids). */
export interface ConfiguredGroups {
  staff: string;
  reviewers: string;
  admins: string;
}
export type GroupRole = keyof ConfiguredGroups;

export type PlannedPrincipal = { kind: 'group'; group: GroupRole; id: string } | { kind: 'owners' };

export interface PlannedAssignment {
  principal: PlannedPrincipal;
  role: RoleName;
}

/** 1: everyone with access reads every item; 2: only their own (unless they override). */
export type ReadSecurity = 1 | 2;
/** 1: add, and edit every item; 2: add, and edit only their own; 4: nobody adds, edits or deletes. */
export type WriteSecurity = 1 | 2 | 4;

export interface ListPermissionPlan {
  key: keyof ListNames;
  title: string;
  readSecurity: ReadSecurity;
  writeSecurity: WriteSecurity;
  /** true: version history must be on. undefined: left as the school has it. */
  enableVersioning?: true;
  assignments: PlannedAssignment[];
  /** What the routing job's Sites.Selected grant gives it on this list, if anything. */
  routingApp?: 'read' | 'write';
}

/** An Entra security group's SharePoint login name (claims encoding). */
export function groupLoginName(groupId: string): string {
  return `c:0t.c|tenant|${groupId.trim().toLowerCase()}`;
}

/**
 * The desired permissions of every list, in provisioning order. Throws MissingGroupsError naming
 * each group that is not configured: provisioning half a model would lock out or leave open.
 */
export function permissionPlan(groups: ConfiguredGroups, lists: ListNames): ListPermissionPlan[] {
  const missing = (Object.keys(groups) as GroupRole[]).filter((g) => !groups[g].trim());
  if (missing.length) throw new MissingGroupsError(missing);

  const owners: PlannedAssignment = { principal: { kind: 'owners' }, role: ROLE.fullControl };
  const grant = (group: GroupRole, role: RoleName): PlannedAssignment => ({
    principal: { kind: 'group', group, id: groups[group].trim().toLowerCase() },
    role,
  });

  return [
    {
      key: 'restrictions',
      title: lists.restrictions,
      readSecurity: 1,
      writeSecurity: 1,
      assignments: [owners, grant('staff', ROLE.read), grant('reviewers', ROLE.contribute)],
      routingApp: 'read',
    },
    {
      key: 'events',
      title: lists.events,
      readSecurity: 2,
      writeSecurity: 2,
      enableVersioning: true,
      assignments: [owners, grant('staff', ROLE.contribute), grant('reviewers', ROLE.readAllItems)],
    },
    {
      // Append-only comes from the level (no Edit, no Delete), not from WriteSecurity 4: "None"
      // stops everyone but the list's owners adding too, and staff must add entries.
      key: 'audit',
      title: lists.audit,
      readSecurity: 2,
      writeSecurity: 2,
      assignments: [owners, grant('staff', ROLE.addAndRead), grant('reviewers', ROLE.readAllItems)],
    },
    {
      key: 'settings',
      title: lists.settings,
      readSecurity: 1,
      writeSecurity: 1,
      assignments: [owners, grant('staff', ROLE.read), grant('admins', ROLE.contribute)],
      routingApp: 'read',
    },
    {
      key: 'routingStatus',
      title: lists.routingStatus,
      readSecurity: 1,
      writeSecurity: 1,
      assignments: [owners, grant('admins', ROLE.read)],
      routingApp: 'write',
    },
    {
      key: 'cases',
      title: lists.cases,
      readSecurity: 1,
      writeSecurity: 1,
      enableVersioning: true,
      assignments: [owners, grant('reviewers', ROLE.contribute)],
    },
  ];
}

/** How each group is set, for the message. */
const GROUP_SETTINGS: Record<GroupRole, string> = {
  staff: '--staff-group or groups.staff',
  reviewers: '--reviewers-group or groups.reviewers',
  admins: '--admins-group or groups.admins',
};

export class MissingGroupsError extends Error {
  constructor(readonly groups: GroupRole[]) {
    super(
      `The ${groups.join(' and ')} group${groups.length > 1 ? 's are' : ' is'} not configured: set ` +
        groups.map((g) => GROUP_SETTINGS[g]).join('; ') +
        ' (the Entra group object id) so that each list can be given to the right people',
    );
    this.name = 'MissingGroupsError';
  }
}
