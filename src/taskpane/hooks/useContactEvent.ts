import { useCallback, useEffect } from 'react';
import type { ContactEvents, LoggedState } from '../../app/events/contactEvents';
import type { OpenMessage } from '../../host/mailHost';
import { formatTimeOrDayMonthTime } from '../../policy/dates/format';
import { useAsync } from '../../ui/useAsync';

export type LoggedView =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; state: LoggedState };

/** Whether the open email is logged (its mark, or this device's outbox), kept up to date. */
export function useLoggedEvent(
  events: ContactEvents,
  message: OpenMessage,
): LoggedView & { reload: () => void } {
  const logged = useAsync(useCallback(() => events.loggedState(message), [events, message]));
  const { refresh } = logged;
  // Looks again while what is shown stays (no spinner between two states).
  const reload = useCallback(() => void refresh(), [refresh]);
  // When the outbox saves (or fails) an event about this email, look again.
  useEffect(
    () =>
      events.outbox.subscribe((entries) => {
        if (entries.some((e) => e.event.evidence?.messageId === message.itemId)) reload();
      }),
    [events, message, reload],
  );
  const view: LoggedView =
    logged.state === 'done'
      ? { status: 'ready', state: logged.value }
      : { status: logged.state === 'error' ? 'error' : 'loading' };
  return { ...view, reload };
}

/** "14:05" (or "3 Mar, 14:05" on another day), in the school's time zone. */
export function timeText(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return formatTimeOrDayMonthTime(d, now);
}
