import { useCallback, useSyncExternalStore } from 'react';
import type { ContactEvents } from '../../app/events/contactEvents';
import type { OutboxEntry } from '../../app/events/outbox';

/** One outbox entry's status, followed as it goes from waiting to saved. */
export function useOutboxEntry(
  events: ContactEvents,
  key: string,
): Pick<OutboxEntry, 'status' | 'savedAt' | 'lastError'> | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => events.outbox.subscribe(onChange),
    [events],
  );
  // A string snapshot: stable between changes, as useSyncExternalStore needs.
  const snap = useSyncExternalStore(subscribe, () => {
    const e = events.outbox.entryFor(key);
    return e
      ? JSON.stringify({ status: e.status, savedAt: e.savedAt, lastError: e.lastError })
      : '';
  });
  return snap
    ? (JSON.parse(snap) as Pick<OutboxEntry, 'status' | 'savedAt' | 'lastError'>)
    : undefined;
}
