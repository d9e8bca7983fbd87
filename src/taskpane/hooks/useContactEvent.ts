import { useCallback, useEffect, useState } from 'react';
import type { ContactEvents, LoggedState } from '../../app/events/contactEvents';
import type { OpenMessage } from '../../host/mailHost';
import { formatTimeOrDayMonthTime } from '../../policy/dates/format';

export type LoggedView =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; state: LoggedState };

/** Whether the open email is logged (its mark, or this device's outbox), kept up to date. */
export function useLoggedEvent(
  events: ContactEvents,
  message: OpenMessage,
): LoggedView & { reload: () => void } {
  const [view, setView] = useState<LoggedView>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    events
      .loggedState(message)
      .then((state) => live && setView({ status: 'ready', state }))
      .catch(() => live && setView({ status: 'error' }));
    return () => {
      live = false;
    };
  }, [events, message, tick]);
  // When the outbox saves (or fails) an event about this email, look again.
  useEffect(
    () =>
      events.outbox.subscribe((entries) => {
        if (entries.some((e) => e.event.evidence?.messageId === message.itemId)) reload();
      }),
    [events, message, reload],
  );
  return { ...view, reload };
}

/** "14:05" (or "3 Mar, 14:05" on another day), in the school's time zone. */
export function timeText(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return formatTimeOrDayMonthTime(d, now);
}
