// The internet message header a Contact Guard forward carries, so that the SPOC's pane recognises
// restricted correspondence when it arrives (marks on the sender's copy do not travel with mail).
// `X-ContactGuard-Forward: v=1; key=<action key>; restriction=<list item id>; person=<name, %-encoded>; urgent=0|1`
// The same value also goes in the cover note, on a line of its own (FORWARD_MARKER): whether
// Graph's createForward keeps custom headers is not documented (and the Sent Items copy never
// shows them), while the body always arrives. Pure.
//
// Anyone can write this header (or the marker line) into a message they send: a parent could
// forge one naming someone else. So it is believed only from inside the school
// (trustedForwardHeader): Contact Guard's forwards are sent by staff, from the tenant's own
// domains.
import { isEmailAddress, normalizeAddress } from '../addresses';

export const FORWARD_HEADER = 'X-ContactGuard-Forward';

export interface ForwardHeaderValue {
  key: string;
  restrictionId: string;
  personName: string;
  urgent: boolean;
}

export function formatForwardHeader(value: ForwardHeaderValue): string {
  const enc = (s: string) => encodeURIComponent(s);
  return `v=1; key=${enc(value.key)}; restriction=${enc(value.restrictionId)}; person=${enc(value.personName)}; urgent=${value.urgent ? 1 : 0}`;
}

/** Reads the header's value; undefined when it is not a Contact Guard forward header we understand. */
export function parseForwardHeader(raw: string | undefined): ForwardHeaderValue | undefined {
  if (typeof raw !== 'string') return undefined;
  const fields = new Map<string, string>();
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
    fields.set(part.slice(0, eq).trim().toLowerCase(), value);
  }
  if (fields.get('v') !== '1') return undefined;
  const key = fields.get('key') ?? '';
  const personName = fields.get('person') ?? '';
  if (key === '' || personName === '') return undefined;
  return {
    key,
    restrictionId: fields.get('restriction') ?? '',
    personName,
    urgent: fields.get('urgent') === '1',
  };
}

/** Finds our header among a message's internetMessageHeaders (names compare case-insensitively). */
export function findForwardHeader(
  headers: readonly { name?: unknown; value?: unknown }[] | undefined,
): ForwardHeaderValue | undefined {
  for (const h of headers ?? []) {
    if (typeof h?.name === 'string' && h.name.toLowerCase() === FORWARD_HEADER.toLowerCase()) {
      const parsed = parseForwardHeader(typeof h.value === 'string' ? h.value : undefined);
      if (parsed) return parsed;
    }
  }
  return undefined;
}

/** The cover note's line that carries the header's value (the body always reaches the SPOC). */
export const FORWARD_MARKER = 'Contact Guard reference:';

export function forwardMarkerLine(value: ForwardHeaderValue): string {
  return `${FORWARD_MARKER} ${formatForwardHeader(value)}`;
}

/**
 * The marker line in a forward's plain-text body. Only the first one counts: the cover note is at
 * the top, and an older forward quoted below it carries its own.
 */
export function findForwardMarker(bodyText: string | undefined): ForwardHeaderValue | undefined {
  const text = bodyText ?? '';
  const at = text.indexOf(FORWARD_MARKER);
  if (at < 0) return undefined;
  // Its fields hold no spaces (values are %-encoded), so the value ends at the first space that
  // does not follow a ';' (line breaks may have become spaces in the plain text).
  const value = /^\s*(v=\d+(?:;\s*[a-z]+=[^;\s]*)*)/i.exec(text.slice(at + FORWARD_MARKER.length));
  return parseForwardHeader(value?.[1]);
}

/** A subject Outlook gives a forward ("FW:", "Fwd:"); only these are checked for the header. */
export function looksForwarded(subject: string | undefined): boolean {
  return /^\s*(fw|fwd)\s*:/i.test(subject ?? '');
}

/**
 * The forward header, believed only when the message comes from inside the school: its `from`
 * and (when different, e.g. sent on behalf of a shared mailbox) its `sender` are both addresses in
 * the tenant's verified domains (exact domain, compared case-insensitively). Otherwise, or when
 * the domains are unknown (empty), it is ignored and the message is judged by its sender like any
 * other: an outsider who forges the header changes nothing.
 */
export function trustedForwardHeader(
  header: ForwardHeaderValue | undefined,
  senders: { from?: string; sender?: string },
  internalDomains: readonly string[],
): ForwardHeaderValue | undefined {
  if (!header) return undefined;
  const domains = new Set(
    internalDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter((d) => d !== ''),
  );
  const addresses = [senders.from, senders.sender]
    .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
    .map(normalizeAddress);
  // A blank From is no From: the header is never believed on the Sender alone.
  const from = typeof senders.from === 'string' ? senders.from.trim() : '';
  if (domains.size === 0 || addresses.length === 0 || from === '') return undefined;
  const inside = addresses.every(
    (a) => isEmailAddress(a) && domains.has(a.slice(a.lastIndexOf('@') + 1)),
  );
  return inside ? header : undefined;
}
