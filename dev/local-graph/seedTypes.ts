// The seed format (documented in SEED.md): Graph-shaped objects the store is built from.

export interface SeedTenant {
  name: string;
  domains: string[];
}

export interface SeedUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  jobTitle?: string;
  /** Ids of groups in `groups`. */
  groups?: string[];
  /**
   * Graph's `proxyAddresses`: `SMTP:` the primary address, `smtp:` each alias. Default
   * `["SMTP:<mail>"]`; the primary is always `mail` (SEED.md, "Aliases").
   */
  proxyAddresses?: string[];
}

export interface SeedGroup {
  id: string;
  displayName: string;
}

/** A Graph columnDefinition (name, displayName, indexed, text{}, choice{}, dateTime{}...). */
export type SeedColumn = { name: string } & Record<string, unknown>;

export interface SeedListItem {
  id: string;
  fields: Record<string, unknown>;
  /** userPrincipalName (or mail, or id) of the item's author; default: the system account. */
  createdBy?: string;
}

export interface SeedList {
  id: string;
  displayName: string;
  description?: string;
  columns: SeedColumn[];
  items: SeedListItem[];
  /** Unique role assignments (broken inheritance); default: true when roleAssignments are given. */
  hasUniqueRoleAssignments?: boolean;
  /** The list's own role assignments (SEED.md, "Permissions"); absent: it inherits the site's. */
  roleAssignments?: SeedRoleAssignment[];
  /** Item-level read: 1 all items (default), 2 only the items the user created. */
  readSecurity?: 1 | 2;
  /** Item-level create/edit: 1 all (default), 2 create and edit one's own, 4 none. */
  writeSecurity?: 1 | 2 | 4;
  enableVersioning?: boolean;
}

/**
 * A role assignment: `principal` is "owners" / "members" / "visitors" (the site's SharePoint
 * groups), "group:<Entra group id>" or "user:<userPrincipalName>"; `role` a role definition's name.
 */
export interface SeedRoleAssignment {
  principal: string;
  role: string;
}

/** A custom permission level (the built-in ones are always there). */
export interface SeedRoleDefinition {
  name: string;
  description?: string;
  basePermissions: { High: string | number; Low: string | number };
}

/** A Sites.Selected grant to an app (`local-app:<app>`): the site, or one list (id or title). */
export interface SeedAppGrant {
  app: string;
  role: 'read' | 'write' | 'manage' | 'fullcontrol';
  list?: string;
}

export interface SeedSite {
  /** `hostname,siteCollectionGuid,webGuid` */
  id: string;
  hostname: string;
  /** Server-relative path, e.g. /sites/ContactGuard */
  path: string;
  displayName: string;
  webUrl: string;
  /** The site's regional time zone (IANA, e.g. Europe/London, the default); SEED.md. */
  timeZone?: string;
  /** Users (userPrincipalName) in the site's owners group. */
  owners?: string[];
  /** Custom permission levels. */
  roleDefinitions?: SeedRoleDefinition[];
  /**
   * The site's own role assignments; absent: a new team site's (owners Full Control, members —
   * every user who can sign in — Edit, visitors Read).
   */
  roleAssignments?: SeedRoleAssignment[];
  /** Sites.Selected grants to apps; absent: no app reaches the site. */
  appGrants?: SeedAppGrant[];
  lists: SeedList[];
}

export interface SeedEmailAddress {
  emailAddress: { name?: string; address: string };
}

/** A Graph message; missing properties get defaults. */
export type SeedMessage = { id?: string; subject: string } & Record<string, unknown>;

export interface SeedFolder {
  id: string;
  displayName: string;
  /** inbox, sentitems, drafts, deleteditems, archive... */
  wellKnownName?: string;
  /** Id of the folder this one sits in (a child folder); top level when absent. */
  parentFolderId?: string;
  messages?: SeedMessage[];
}

/**
 * What a user may do in a mailbox other than their own, as an Exchange admin grants it
 * (Add-MailboxPermission -AccessRights FullAccess, Add-RecipientPermission -AccessRights SendAs,
 * Set-Mailbox -GrantSendOnBehalfTo). Absent flags are false.
 */
export interface SeedMailboxDelegate {
  /** userPrincipalName, mail or id of a seed user. */
  user: string;
  fullAccess?: boolean;
  sendAs?: boolean;
  sendOnBehalf?: boolean;
}

export interface SeedMailbox {
  address: string;
  displayName: string;
  kind: 'user' | 'shared';
  /** Who else may open it and send from it (SEED.md, "Mailbox delegation"); absent: nobody. */
  delegates?: SeedMailboxDelegate[];
  /** Windows time zone name for mailboxSettings; default "GMT Standard Time". */
  timeZone?: string;
  folders: SeedFolder[];
  masterCategories?: { displayName: string; color: string }[];
}

export interface Seed {
  tenant: SeedTenant;
  users: SeedUser[];
  groups: SeedGroup[];
  sites: SeedSite[];
  mailboxes: SeedMailbox[];
}
