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
