// What a request may do in one list, from SharePoint's permission model (sharepointSecurity.ts),
// enforced on every Graph list and item route the way SharePoint enforces it (README, behaviour 15):
// - no View Items on the list: 403 accessDenied for the list and everything in it, and the list is
//   left out of the site's /lists;
// - items the user may not read (ReadSecurity 2: someone else's) are simply absent: from collections
//   and from delta (no error), and a direct GET, PATCH or DELETE of one is 404 itemNotFound —
//   SharePoint's "Read items that were created by the user" filters items, it does not refuse them;
// - a write the user may not make (no Add/Edit/Delete Items; WriteSecurity 2 on someone else's
//   item; WriteSecurity 4 on any item, adding included) is 403 accessDenied;
// - "Override List Behaviors" (CancelCheckout) exempts its holder from both item-level settings;
//   app-only tokens (Sites.Selected) are not subject to them either;
// - changing the list (columns, indexes) needs Manage Lists; its permissions, Manage Permissions.
import type { DirectoryUser } from './directory';
import { GraphError } from './graphErrors';
import { has, listMask, Perm, type ListSecurity, type SiteSecurity } from './sharepointSecurity';

/** Who created an item (the token's user on create; the seed's `createdBy`). */
export interface ItemOwner {
  id: string;
}

export interface ListAccess {
  /** View Items: false means 403 for the list and everything in it, and absent from /lists. */
  reachable: boolean;
  canAdd: boolean;
  canRead(owner: ItemOwner): boolean;
  canEdit(owner: ItemOwner): boolean;
  canDelete(owner: ItemOwner): boolean;
  /** Manage Lists: columns, indexes, list settings. */
  canManageList: boolean;
  /** Manage Permissions: break or reset inheritance, add or remove role assignments. */
  canManagePermissions: boolean;
}

/** What `me` may do in a list with these settings on this site. */
export function listAccess(
  site: SiteSecurity,
  listId: string,
  list: ListSecurity,
  me: DirectoryUser,
): ListAccess {
  const mask = listMask(site, listId, list, me);
  const view = has(mask, Perm.ViewListItems);
  const exempt = Boolean(me.appOnly) || has(mask, Perm.CancelCheckout);
  const own = (owner: ItemOwner) => owner.id !== '' && owner.id === me.id;
  const readable = (owner: ItemOwner) => view && (exempt || list.readSecurity === 1 || own(owner));
  const writable = (owner: ItemOwner) =>
    exempt || list.writeSecurity === 1 || (list.writeSecurity === 2 && own(owner));
  return {
    reachable: view,
    canAdd: view && has(mask, Perm.AddListItems) && (exempt || list.writeSecurity !== 4),
    canRead: readable,
    canEdit: (owner) => readable(owner) && has(mask, Perm.EditListItems) && writable(owner),
    canDelete: (owner) => readable(owner) && has(mask, Perm.DeleteListItems) && writable(owner),
    canManageList: has(mask, Perm.ManageLists),
    canManagePermissions: has(mask, Perm.ManagePermissions),
  };
}

export function accessDenied(): GraphError {
  return new GraphError(403, 'accessDenied', 'Access denied');
}
