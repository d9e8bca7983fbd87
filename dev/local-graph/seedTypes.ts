// The seed format (documented in SEED.md): Graph-shaped objects the store is built from.
import type { ListPermissions } from './listPermissions';

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
  /** Who may do what in the list (SEED.md, "List permissions"); absent: open to all. */
  permissions?: ListPermissions;
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

export interface SeedMailbox {
  address: string;
  displayName: string;
  kind: 'user' | 'shared';
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
