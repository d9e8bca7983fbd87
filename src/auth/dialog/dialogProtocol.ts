// The messages the sign-in dialog (auth-dialog.html) sends to the task pane with
// Office.context.ui.messageParent. The access token, its expiry and the signed-in account's
// username (so the pane can refuse a sign-in for someone other than the mailbox user): no other
// account details.

export type AuthDialogMessage =
  | {
      kind: 'token';
      accessToken: string;
      /** Epoch milliseconds, or null when unknown. */ expiresOn: number | null;
      /** The account's username (UPN), or null when MSAL did not say. */ username: string | null;
    }
  | { kind: 'error'; reason: 'cancelled' | 'failed' | 'notConfigured' | 'wrongAccount' };

const ERROR_REASONS = new Set(['cancelled', 'failed', 'notConfigured', 'wrongAccount']);

export function serializeAuthDialogMessage(message: AuthDialogMessage): string {
  return JSON.stringify(message);
}

/** Parses a dialog message; null for anything that is not one of ours. */
export function parseAuthDialogMessage(raw: unknown): AuthDialogMessage | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Record<string, unknown>;
  if (candidate.kind === 'token') {
    if (typeof candidate.accessToken !== 'string' || candidate.accessToken === '') return null;
    const expiresOn = typeof candidate.expiresOn === 'number' ? candidate.expiresOn : null;
    const username =
      typeof candidate.username === 'string' && candidate.username !== ''
        ? candidate.username
        : null;
    return { kind: 'token', accessToken: candidate.accessToken, expiresOn, username };
  }
  if (candidate.kind === 'error') {
    const reason = candidate.reason;
    if (typeof reason === 'string' && ERROR_REASONS.has(reason)) {
      return {
        kind: 'error',
        reason: reason as Extract<AuthDialogMessage, { kind: 'error' }>['reason'],
      };
    }
  }
  return null;
}
