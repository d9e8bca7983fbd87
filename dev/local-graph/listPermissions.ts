// Per-list permissions, as a seed declares them (SEED.md, "List permissions"), enforced the way
// SharePoint enforces its list and item-level settings:
// - items a user may not read are simply absent: from collections and from delta (no error), and
//   a direct GET (or PATCH/DELETE) of one is 404 itemNotFound, as if it did not exist —
//   SharePoint's "Read items that were created by the user" filters items, it does not refuse them;
// - a write the user may not make on an item they can see, or an add they may not make, is
//   403 accessDenied;
// - a list open only to some groups is 403 accessDenied for everything to anyone else (and is left
//   out of the site's /lists collection).
// A list without `permissions` is open to every signed-in user, as before.
import type { DirectoryUser } from './directory';
import { GraphError } from './graphErrors';

export interface ListPermissions {
  /**
   * "ownItems": SharePoint's item-level settings "Read items that were created by the user" and
   * "Create items and edit items that were created by the user", for everyone not in `readAll`.
   */
  itemLevel?: 'ownItems';
  /** Nobody may edit or delete an item (the audit list); adding is still allowed. */
  appendOnly?: boolean;
  /** Group ids whose members read every item (reviewers). Reading only: writes follow the rules above. */
  readAll?: string[];
  /** Group ids: only their members may reach the list at all; everyone else gets 403. */
  membersOnly?: string[];
}

/** Who created an item (the token's user on create; the seed's `createdBy`). */
export interface ItemOwner {
  id: string;
}

export interface ListAccess {
  /** False: 403 for the list and everything in it, and absent from /lists. */
  reachable: boolean;
  canAdd: boolean;
  canRead(owner: ItemOwner): boolean;
  canEdit(owner: ItemOwner): boolean;
  canDelete(owner: ItemOwner): boolean;
}

const FULL: ListAccess = {
  reachable: true,
  canAdd: true,
  canRead: () => true,
  canEdit: () => true,
  canDelete: () => true,
};

const inAny = (user: DirectoryUser, groups: string[] | undefined): boolean =>
  (groups ?? []).some((g) => user.groupIds.some((mine) => mine.toLowerCase() === g.toLowerCase()));

/** What `user` may do in a list with these permissions. */
export function listAccess(perms: ListPermissions | undefined, user: DirectoryUser): ListAccess {
  if (!perms) return FULL;
  if (perms.membersOnly && !inAny(user, perms.membersOnly)) {
    return {
      reachable: false,
      canAdd: false,
      canRead: () => false,
      canEdit: () => false,
      canDelete: () => false,
    };
  }
  const own = (owner: ItemOwner) => owner.id !== '' && owner.id === user.id;
  const ownOnly = perms.itemLevel === 'ownItems';
  const readsAll = inAny(user, perms.readAll);
  const write = (owner: ItemOwner) => !perms.appendOnly && (!ownOnly || own(owner));
  return {
    reachable: true,
    canAdd: true,
    canRead: (owner) => readsAll || !ownOnly || own(owner),
    canEdit: write,
    canDelete: write,
  };
}

export function accessDenied(): GraphError {
  return new GraphError(403, 'accessDenied', 'Access denied');
}

/** Checks a seed's `permissions` value; throws with a plain message when it is malformed. */
export function validatePermissions(listName: string, value: unknown): ListPermissions | undefined {
  if (value === undefined) return undefined;
  const bad = (what: string) =>
    new Error(`seed: list '${listName}' has malformed permissions: ${what}`);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw bad('an object is expected');
  const p = value as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!['itemLevel', 'appendOnly', 'readAll', 'membersOnly'].includes(key))
      throw bad(`unknown key '${key}'`);
  }
  if (p.itemLevel !== undefined && p.itemLevel !== 'ownItems')
    throw bad('itemLevel must be "ownItems"');
  if (p.appendOnly !== undefined && typeof p.appendOnly !== 'boolean')
    throw bad('appendOnly must be true or false');
  for (const key of ['readAll', 'membersOnly'] as const) {
    const v = p[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((g) => typeof g !== 'string')))
      throw bad(`${key} must be a list of group ids`);
  }
  return p as ListPermissions;
}
