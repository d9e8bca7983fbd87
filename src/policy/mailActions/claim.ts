// The claim a pane puts on a restricted email before it forwards it, so that two people pressing
// Forward at once (a shared mailbox, two panes) produce one forward. The claim is a single-value
// extended property on the original email, written with If-Match (the email's ETag), holding the
// action key every later step uses (the draft and the sent copy carry it). Pure rules.

/** A claim younger than this is honoured: another pane is working on the email now. */
export const CLAIM_HONOURED_MS = 5 * 60_000;
/** A pane gives up its attempt well before its claim could be taken over by another. */
export const ATTEMPT_LIMIT_MS = 2 * 60_000;

export interface ForwardClaim {
  /** The action key: the draft and the sent copy carry it. */
  key: string;
  /** One attempt's own token: the claim is "ours" only for the attempt that wrote it. */
  token: string;
  byName: string;
  byAddress: string;
  /** ISO instant the claim was made. */
  at: string;
  /** Given up by its attempt (it failed): anyone may take it over at once, keeping the key. */
  released?: boolean;
  /**
   * Graph accepted the forward's `send` (202). Sending is asynchronous (the Outbox, then Sent
   * Items), so from here on nothing is created or sent again for this key: a retry waits for the
   * sent copy instead.
   */
  sent?: boolean;
}

export function parseClaim(value: unknown): ForwardClaim | undefined {
  if (typeof value !== 'string') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const r = data as Record<string, unknown>;
  if (typeof r.key !== 'string' || r.key === '' || typeof r.at !== 'string') return undefined;
  return {
    key: r.key,
    token: typeof r.token === 'string' ? r.token : '',
    ...(r.released === true ? { released: true } : {}),
    ...(r.sent === true ? { sent: true } : {}),
    byName: typeof r.byName === 'string' ? r.byName : '',
    byAddress: typeof r.byAddress === 'string' ? r.byAddress : '',
    at: r.at,
  };
}

export function claimValue(claim: ForwardClaim): string {
  return JSON.stringify(claim);
}

export type ClaimDecision =
  /** Nobody holds it: claim it with our own key. */
  | { kind: 'claim'; key: string }
  /** We hold it already (a retry of ours): go on with its key. */
  | { kind: 'ours'; key: string }
  /** Another pane holds it and is within its time: do not act; say who. */
  | { kind: 'busy'; claim: ForwardClaim }
  /**
   * Another pane held it but went silent: take it over, keeping its key, so that whatever it
   * already did (a draft, a sent copy) is found and not done again.
   */
  | { kind: 'takeOver'; key: string };

export function decideClaim(
  existing: ForwardClaim | undefined,
  mine: { token: string; key: string },
  now: Date,
): ClaimDecision {
  if (!existing) return { kind: 'claim', key: mine.key };
  if (existing.token !== '' && existing.token === mine.token)
    return { kind: 'ours', key: existing.key };
  if (existing.released) return { kind: 'takeOver', key: existing.key };
  const at = Date.parse(existing.at);
  const age = Number.isNaN(at) ? Infinity : now.getTime() - at;
  // A claim dated in the future (a clock ahead of ours) is honoured for the same window. The same
  // person in another window is "busy" too: two windows must not both send.
  if (Math.abs(age) < CLAIM_HONOURED_MS) return { kind: 'busy', claim: existing };
  return { kind: 'takeOver', key: existing.key };
}
