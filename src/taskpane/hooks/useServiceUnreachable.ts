import { useCallback, useSyncExternalStore } from 'react';
import type { ContactEvents } from '../../app/events/contactEvents';
import { serviceUnreachable } from '../../app/events/savePhase';

/** Whether an event waits on this device because Microsoft 365 cannot be reached, kept current. */
export function useServiceUnreachable(events: ContactEvents): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => events.outbox.subscribe(onChange),
    [events],
  );
  return useSyncExternalStore(subscribe, () => serviceUnreachable(events.outbox.snapshot()));
}
