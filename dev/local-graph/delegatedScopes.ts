// Delegated scopes (README.md, behaviour 19): a JWT from the local identity provider carries the
// permissions the user consented to in `scp`, and Graph refuses an API whose token holds none of the
// permissions its reference page lists ("Least privileged" plus "Higher privileged", delegated work
// or school account). `local:<upn>` test tokens carry no `scp` and are treated as holding every
// scope; app-only tokens are governed by their seed grants (behaviour 17), not by this table.
//
// Sources (permission tables, learn.microsoft.com/graph/api/<page>#permissions, generated from
// microsoftgraph/microsoft-graph-docs-contrib api-reference/v1.0/includes/permissions/):
//   user-get, user-list, user-list-memberof, user-checkmembergroups, organization-get,
//   user-translateexchangeids, user-list-messages, message-get, message-update, message-delete,
//   message-move, message-createforward, message-forward, message-send, user-sendmail,
//   user-list-mailfolders, mailfolder-post-childfolders, user-get-mailboxsettings,
//   user-update-mailboxsettings, outlookuser-list-mastercategories, outlookuser-post-mastercategories,
//   mailfolder-list-messagerules, mailfolder-post-messagerules, site-get, list-list, list-create,
//   listitem-list, listitem-create, listitem-update, listitem-delete, list-list-columns;
//   learn.microsoft.com/graph/permissions-reference (Mail.*.Shared reach another user's mailbox;
//   User.ReadBasic.All covers only the basic profile, without proxyAddresses);
//   learn.microsoft.com/graph/permissions-selected-overview (Sites.Selected, delegated: the site
//   must also be granted to the app; the service assumes the add-in's grant exists).
// The error each family answers is the one users meet from the real service:
//   directory: 403 Authorization_RequestDenied (Azure-Samples/ms-identity-python-daemon#8, fixed
//     by User.Read.All); Outlook: 403 ErrorAccessDenied (microsoftgraph/aspnetcore-connect-sample#37,
//     fixed by Mail.Read); SharePoint through Graph: 403 accessDenied "Access denied"
//     (microsoftgraph/microsoft-graph-docs-contrib#9064).
import { GraphError } from './graphErrors';

type Family = 'directory' | 'outlook' | 'sites';

/** One way to be allowed: a scope, or several that are needed together (Graph's "A and B"). */
type Alternative = string | readonly string[];

/** What a request needs: any one of `anyOf` (compared case-insensitively, as Entra issues them). */
export interface ScopeNeed {
  family: Family;
  anyOf: readonly Alternative[];
}

const USER_SELF = [
  'User.Read',
  'User.ReadWrite',
  'User.ReadBasic.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
const USERS_BASIC = [
  'User.ReadBasic.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
/** proxyAddresses is outside the basic profile User.ReadBasic.All grants. */
const USERS_FULL = USERS_BASIC.filter((s) => s !== 'User.ReadBasic.All');
const MEMBER_OF = [
  'User.Read',
  'GroupMember.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
/** user-checkmembergroups, "Group memberships for other users": a user scope and a group scope. */
const CHECK_MEMBER_GROUPS_OTHER: readonly Alternative[] = [
  ['User.ReadBasic.All', 'GroupMember.Read.All'],
  ['User.Read.All', 'GroupMember.Read.All'],
  ['User.ReadBasic.All', 'Group.Read.All'],
  ['User.Read.All', 'Group.Read.All'],
  'Directory.Read.All',
];
/** "Group memberships for the signed-in user": User.Read alone is enough. */
const CHECK_MEMBER_GROUPS_SELF = ['User.Read', ...CHECK_MEMBER_GROUPS_OTHER];
const ORGANIZATION = [
  'User.Read',
  'Organization.Read.All',
  'Directory.Read.All',
  'Organization.ReadWrite.All',
  'Directory.ReadWrite.All',
];
const TRANSLATE_IDS = [
  'User.ReadBasic.All',
  'User.Read',
  'User.Read.All',
  'User.ReadWrite',
  'User.ReadWrite.All',
];
const SETTINGS_READ = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'];
const SETTINGS_WRITE = ['MailboxSettings.ReadWrite'];
const SITES_READ = [
  'Sites.Selected',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'Sites.FullControl.All',
];
const SITES_WRITE = SITES_READ.filter((s) => s !== 'Sites.Read.All');
/** Creating lists and columns changes the site's structure: Manage or above (or the site grant). */
const SITES_MANAGE = SITES_WRITE.filter((s) => s !== 'Sites.ReadWrite.All');

/**
 * The mail scopes for one's own mailbox, or only their `.Shared` forms for another's. The `.Shared`
 * forms reach the user's own mail too ("including their own and shared mail", permissions-reference).
 */
function mail(base: string[], otherMailbox: boolean): string[] {
  const shared = base.map((s) => `${s}.Shared`);
  return otherMailbox ? shared : [...base, ...shared];
}

const MAIL_ACTIONS_SEND = new Set(['send', 'forward']);

function mentionsProxyAddresses(query: URLSearchParams): boolean {
  return ['$filter', '$select', '$search'].some((k) => /proxyaddresses/i.test(query.get(k) ?? ''));
}

/**
 * The scopes a Graph request needs, or undefined for an API this table does not cover (allowed;
 * listed in the README). `isSelf` tells whether a `/users/{id}` segment names the caller.
 */
export function scopeNeed(
  method: string,
  segments: readonly string[],
  query: URLSearchParams,
  isSelf: (idOrUpn: string) => boolean,
): ScopeNeed | undefined {
  const lower = segments.map((s) => s.replace(/^microsoft\.graph\./i, '').toLowerCase());
  const root = lower[0] ?? '';
  const read = method === 'GET';
  if (root === 'organization') return { family: 'directory', anyOf: ORGANIZATION };
  if (root === 'sites') {
    // POST .../lists or .../lists/{id}/columns creates structure; other writes change items.
    const last = lower[lower.length - 1];
    if (read) return { family: 'sites', anyOf: SITES_READ };
    if (method === 'POST' && (last === 'lists' || last === 'columns'))
      return { family: 'sites', anyOf: SITES_MANAGE };
    return { family: 'sites', anyOf: SITES_WRITE };
  }
  if (root !== 'me' && root !== 'users') return undefined;
  if (root === 'users' && segments.length === 1) {
    return { family: 'directory', anyOf: mentionsProxyAddresses(query) ? USERS_FULL : USERS_BASIC };
  }
  const self = root === 'me' || isSelf(segments[1] ?? '');
  const rest = lower.slice(root === 'me' ? 1 : 2);
  const [section, ...tail] = rest;
  if (section === undefined) {
    // User.Read (and User.ReadBasic.All) read the signed-in user's full profile, proxyAddresses too.
    if (self) return { family: 'directory', anyOf: USER_SELF };
    return { family: 'directory', anyOf: mentionsProxyAddresses(query) ? USERS_FULL : USERS_BASIC };
  }
  switch (section) {
    case 'memberof':
      return { family: 'directory', anyOf: MEMBER_OF };
    case 'checkmembergroups':
      return {
        family: 'directory',
        anyOf: self ? CHECK_MEMBER_GROUPS_SELF : CHECK_MEMBER_GROUPS_OTHER,
      };
    case 'translateexchangeids':
      return { family: 'outlook', anyOf: TRANSLATE_IDS };
    case 'mailboxsettings':
      return { family: 'outlook', anyOf: read ? SETTINGS_READ : SETTINGS_WRITE };
    case 'outlook':
      // masterCategories: MailboxSettings.*, which has no .Shared form (behaviour 3 refuses
      // another mailbox's categories whatever the scopes).
      return { family: 'outlook', anyOf: read ? SETTINGS_READ : SETTINGS_WRITE };
    case 'sendmail':
      // Not served yet (README "Known differences"); here so it is checked once it is.
      return { family: 'outlook', anyOf: mail(['Mail.Send'], !self) };
    case 'mailfolders':
    case 'messages': {
      if (section === 'mailfolders' && tail[1] === 'messagerules')
        return { family: 'outlook', anyOf: read ? SETTINGS_READ : SETTINGS_WRITE };
      const action = tail[tail.length - 1] ?? '';
      if (method === 'POST' && MAIL_ACTIONS_SEND.has(action))
        return { family: 'outlook', anyOf: mail(['Mail.Send'], !self) };
      if (read && action === '$value')
        // A message's MIME carries its body, which Mail.ReadBasic leaves out.
        return { family: 'outlook', anyOf: mail(['Mail.Read', 'Mail.ReadWrite'], !self) };
      if (read)
        return {
          family: 'outlook',
          anyOf: mail(['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'], !self),
        };
      // Every other write (PATCH, DELETE, new folder or draft, createForward, move, copy).
      return { family: 'outlook', anyOf: mail(['Mail.ReadWrite'], !self) };
    }
    default:
      return undefined;
  }
}

function refusal(family: Family): GraphError {
  switch (family) {
    case 'directory':
      return new GraphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    case 'outlook':
      return new GraphError(
        403,
        'ErrorAccessDenied',
        'Access is denied. Check credentials and try again.',
      );
    case 'sites':
      return new GraphError(403, 'accessDenied', 'Access denied');
  }
}

/** Throws Graph's 403 when `granted` (a JWT's `scp`) holds none of the scopes the request needs. */
export function assertDelegatedScopes(
  granted: ReadonlySet<string>,
  method: string,
  segments: readonly string[],
  query: URLSearchParams,
  isSelf: (idOrUpn: string) => boolean,
): void {
  const need = scopeNeed(method, segments, query, isSelf);
  if (!need) return;
  const holds = (s: string) => granted.has(s.toLowerCase());
  if (need.anyOf.some((a) => (typeof a === 'string' ? holds(a) : a.every(holds)))) return;
  throw refusal(need.family);
}

/** A token's `scp` claim as a set of lower-case scope names. */
export function scopesOf(scp: unknown): ReadonlySet<string> {
  return new Set(
    (typeof scp === 'string' ? scp : '')
      .split(' ')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}
