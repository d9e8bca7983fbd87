// A shared computer (the school office's reception PC): several members of staff use the same
// browser profile, one after another, each in their own mailbox. Run by the composition root when
// the pane starts.
//
// The device remembers who used the pane last: a SHA-256 hash of the lower-cased address in
// localStorage (not the address: a hash is enough to tell "the same person" from "someone else",
// and the browser's storage then does not list who uses the computer). When the user has changed
// (or nobody was remembered, e.g. the first start with this code):
//
//   - other users' copies of the restrictions are deleted from the device. They hold parents'
//     names and addresses and are only a speed-up: their owner's next start reads the list again.
//     Copies are keyed by user (composition.ts), so the pane never showed one user another's copy;
//     deleting them keeps the device from holding more than its current user needs.
//   - other users' MSAL accounts are removed where MSAL's cache lives: by every standard MSAL app
//     the add-in creates (the sign-in dialog and the review page; top-level pages on the add-in's
//     origin), which keeps only the expected identity's accounts (forgetOtherAccounts in
//     src/auth/msalTokenProvider.ts). That runs at every creation, not only after a change: the
//     pane itself, a cross-origin iframe, may see partitioned storage, not the dialog's. Nested
//     app auth's cache belongs to Outlook and is left alone.
//   - other users' OUTBOXES are kept. A logged contact event is evidence and is never dropped; an
//     outbox is keyed by its user (createContactEvents.ts, `outbox|site|user`) and only that user's
//     pane loads, sends or shows it, so it waits on the device until its owner opens the pane again.
import type { KeyValueStore } from '../cache/keyValueStore';

export const LAST_USER_STORAGE_KEY = 'contactGuard.lastMailboxUser';
/** Every restrictions-cache key starts with this and ends with `|<lower-cased address>`. */
export const RESTRICTIONS_KEY_PREFIX = 'restrictions|';

export interface ForgetOtherUsersOptions {
  /** The mailbox user's address. */
  user: string;
  /** The restrictions cache's store (not the outbox's). */
  restrictionsStore: KeyValueStore;
  /** localStorage; absent or failing storage means "not remembered". */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** SHA-256 of the text, hex; Web Crypto by default. */
  digest?: (text: string) => Promise<string>;
}

export interface ForgetOtherUsersResult {
  /** True when the device's last user was someone else (or was not remembered). */
  switched: boolean;
  /** Restrictions-cache keys deleted. */
  removed: string[];
}

async function sha256Hex(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function defaultStorage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage disabled
  }
}

/** True for a restrictions copy that belongs to someone other than `user` (lower-cased). */
export function isOtherUsersRestrictionsKey(key: string, user: string): boolean {
  return key.startsWith(RESTRICTIONS_KEY_PREFIX) && !key.endsWith(`|${user}`);
}

export async function forgetOtherUsers(
  options: ForgetOtherUsersOptions,
): Promise<ForgetOtherUsersResult> {
  const user = options.user.trim().toLowerCase();
  if (!user) return { switched: false, removed: [] };
  const storage = options.storage ?? defaultStorage();
  const hash = await (options.digest ?? sha256Hex)(user);

  let last: string | null = null;
  try {
    last = storage?.getItem(LAST_USER_STORAGE_KEY) ?? null;
  } catch {
    last = null;
  }
  if (last === hash) return { switched: false, removed: [] };

  const removed: string[] = [];
  try {
    for (const key of await options.restrictionsStore.keys()) {
      if (!isOtherUsersRestrictionsKey(key, user)) continue;
      await options.restrictionsStore.delete(key);
      removed.push(key);
    }
  } catch {
    // Storage unavailable: nothing is kept there either. Tried again at the next start.
    return { switched: true, removed };
  }
  try {
    storage?.setItem(LAST_USER_STORAGE_KEY, hash);
  } catch {
    // Not remembered: the next start looks again, which costs only a listing of keys.
  }
  return { switched: true, removed };
}
