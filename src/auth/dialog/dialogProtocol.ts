// The messages the sign-in dialog (auth-dialog.html) sends to the task pane with
// Office.context.ui.messageParent. Only the access token and its expiry cross: no account details.

export type AuthDialogMessage =
  | {
      kind: 'token';
      accessToken: string;
      /** Epoch milliseconds, or null when unknown. */ expiresOn: number | null;
    }
  | { kind: 'error'; reason: 'cancelled' | 'failed' | 'notConfigured' };

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
    return { kind: 'token', accessToken: candidate.accessToken, expiresOn };
  }
  if (candidate.kind === 'error') {
    const reason = candidate.reason;
    if (reason === 'cancelled' || reason === 'failed' || reason === 'notConfigured') {
      return { kind: 'error', reason };
    }
  }
  return null;
}
