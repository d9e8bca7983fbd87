// What the pane says about a contact event kept on this device, as a pure function of the outbox
// entry and how long the pane has waited (issue 13 item 6): a save usually takes well under a
// second, so "waiting to save" (which tells staff the event is only on this device) is shown only
// after a second without an answer; an answer that is a failure (offline, throttled) shows at
// once, with its reason. Nothing is "saved" before Graph has confirmed it.
import type { GraphAccessErrorKind } from '../../graph/errors';
import type { OutboxEntry } from './outbox';

/** How long a save may go unanswered before the pane says "waiting to save". */
export const WAITING_AFTER_MS = 1_000;

export type SavePhase = 'saving' | 'waiting' | 'failed' | 'saved';

export function savePhase(
  entry: Pick<OutboxEntry, 'status' | 'lastError'>,
  waitedMs: number,
): SavePhase {
  if (entry.status === 'saved' || entry.status === 'failed') return entry.status;
  if (entry.lastError !== undefined) return 'waiting';
  return waitedMs >= WAITING_AFTER_MS ? 'waiting' : 'saving';
}

// The failures that mean Microsoft 365 cannot be reached at all (no answer, or 503), as opposed
// to one that answered (refused, busy, signed out).
const UNREACHABLE: readonly GraphAccessErrorKind[] = ['offline', 'unavailable'];

/** True when an event waits on this device because Microsoft 365 could not be reached. */
export function serviceUnreachable(
  entries: readonly Pick<OutboxEntry, 'status' | 'lastErrorKind'>[],
): boolean {
  return entries.some(
    (e) =>
      e.status !== 'saved' &&
      e.lastErrorKind !== undefined &&
      UNREACHABLE.includes(e.lastErrorKind),
  );
}
