// Which delegated Graph scopes a token is asked for (issue 10, item 6: least scopes). Every member
// of staff signs in with the staff set (config.auth.scopes); the reviewer's and the admin's extra
// scopes are asked for only when a reviewer or admin feature first needs a token, so that a
// receptionist's token never carries them (incremental consent). Which scope each feature needs,
// and why, is in README "Sign-in".
import type { AppConfig } from '../config/appConfig';

/** What a token is for: the pane's staff features, the review, or the admin view. */
export type ScopePurpose = 'staff' | 'reviewer' | 'admin';

export const SCOPE_PURPOSES: readonly ScopePurpose[] = ['staff', 'reviewer', 'admin'];

export function isScopePurpose(value: unknown): value is ScopePurpose {
  return typeof value === 'string' && (SCOPE_PURPOSES as readonly string[]).includes(value);
}

export type ScopeSettings = Pick<AppConfig['auth'], 'scopes' | 'reviewerScopes' | 'adminScopes'>;

/**
 * The scopes to ask for: the staff set, plus the purpose's extra set. Each name once, in order (MSAL
 * keys its cache by the set, so the same purpose always asks with the same list).
 */
export function scopesFor(auth: ScopeSettings, purpose: ScopePurpose = 'staff'): string[] {
  const extra =
    purpose === 'admin'
      ? (auth.adminScopes ?? [])
      : purpose === 'reviewer'
        ? (auth.reviewerScopes ?? [])
        : [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const scope of [...auth.scopes, ...extra]) {
    const key = scope.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(scope.trim());
  }
  return out;
}
