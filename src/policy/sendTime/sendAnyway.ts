// "Send anyway, with a reason" (issue 12): the compose pane records the reason in the audit, then
// leaves this marker in the item's session data; when the user presses Send again the OnMessageSend
// handler lets this item through only if the marker covers every recipient it would stop. A
// recipient added after the reason was given is stopped again. Pure.
import { normalizeAddress } from '../addresses';
import type { SendDecision } from './types';

export const SEND_ANYWAY_MARKER_VERSION = 1;

export interface SendAnywayMarker {
  version: typeof SEND_ANYWAY_MARKER_VERSION;
  /** The restricted (or unchecked) recipient addresses the reason was given for, normalised. */
  addresses: string[];
  /** The audit entry's key (so the handler's own record of the send can refer to it). */
  auditKey: string;
  /** ISO date-time the reason was recorded. */
  at: string;
}

/** The marker for the recipients a stop named, once their reason is in the audit. */
export function sendAnywayMarkerFor(
  decision: Extract<SendDecision, { kind: 'stop' }>,
  auditKey: string,
  at: string,
): SendAnywayMarker {
  const addresses = new Set<string>();
  for (const r of [...decision.restricted, ...decision.unchecked]) {
    const address = normalizeAddress(r.address);
    if (address) addresses.add(address);
  }
  return { version: SEND_ANYWAY_MARKER_VERSION, addresses: [...addresses].sort(), auditKey, at };
}

/** The audit key a checked-clear marker carries (no audit entry: nothing was sent against a restriction). */
export const CHECKED_CLEAR_KEY = 'checkedClear';

/**
 * The marker for recipients the compose pane found clear on a fresh read of the list: the
 * handlers' copy may be older (a restriction ended since), and without it Outlook would keep
 * stopping an email the policy allows, with no way past (SoftBlock has no Send Anyway).
 */
export function checkedClearMarker(addresses: readonly string[], at: string): SendAnywayMarker {
  const set = new Set(addresses.map((a) => normalizeAddress(a)).filter((a) => a !== ''));
  return {
    version: SEND_ANYWAY_MARKER_VERSION,
    addresses: [...set].sort(),
    auditKey: CHECKED_CLEAR_KEY,
    at,
  };
}

/** The marker read back from session data (a JSON string); undefined when it is not one. */
export function parseSendAnywayMarker(value: unknown): SendAnywayMarker | undefined {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const m = parsed as Partial<SendAnywayMarker>;
  if (m.version !== SEND_ANYWAY_MARKER_VERSION) return undefined;
  if (!Array.isArray(m.addresses) || !m.addresses.every((a) => typeof a === 'string'))
    return undefined;
  if (typeof m.auditKey !== 'string' || typeof m.at !== 'string') return undefined;
  return { version: m.version, addresses: m.addresses, auditKey: m.auditKey, at: m.at };
}

/** True when the reason on record covers every recipient this stop names. */
export function sendAnywayCovers(
  marker: SendAnywayMarker | undefined,
  decision: Extract<SendDecision, { kind: 'stop' }>,
): boolean {
  if (!marker) return false;
  const covered = new Set(marker.addresses.map((a) => normalizeAddress(a)).filter(Boolean));
  return [...decision.restricted, ...decision.unchecked].every((r) => {
    const address = normalizeAddress(r.address);
    return !!address && covered.has(address);
  });
}
