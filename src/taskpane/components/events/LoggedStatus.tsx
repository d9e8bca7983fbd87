import { Suspense, lazy, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { OpenMessage } from '../../../host/mailHost';
import { timeText, useLoggedEvent } from '../../hooks/useContactEvent';
import { EVENT_TEXT, couldNotSaveText, loggedByText } from './eventText';
import { useServices } from '../../../ui/services';

// The form is fetched when someone chooses to log the email, not with every verdict.
const EventForm = lazy(() =>
  import(/* webpackChunkName: "log-event" */ './EventForm').then((m) => ({ default: m.EventForm })),
);

/**
 * Below the verdict: "Log this email as a contact event", or the form, or where its event is
 * ("waiting to save", "logged by X at HH:MM"). Says "saved" only once Graph has confirmed it.
 */
export function LoggedStatus({ message }: { message: OpenMessage }) {
  const { events } = useServices();
  const logged = useLoggedEvent(events, message);
  const [open, setOpen] = useState(false);
  if (open) {
    return (
      <Suspense fallback={<Spinner size="tiny" label={EVENT_TEXT.openingForm} />}>
        <EventForm
          fromEmail
          initial={events.draftFor(message)}
          onSaved={() => {
            setOpen(false);
            logged.reload();
          }}
          onCancel={() => setOpen(false)}
        />
      </Suspense>
    );
  }
  if (logged.status === 'loading') return <Spinner size="tiny" label={EVENT_TEXT.checkingLogged} />;
  const invite = (
    <Button data-testid="log-email" onClick={() => setOpen(true)}>
      {EVENT_TEXT.logEmail}
    </Button>
  );
  if (logged.status === 'error') {
    return (
      <div data-testid="logged-state" data-state="unknown">
        <Text as="p">{EVENT_TEXT.couldNotCheck}</Text>
        {invite}
      </div>
    );
  }
  const { state } = logged;
  switch (state.kind) {
    case 'notLogged':
      return (
        <div data-testid="logged-state" data-state="notLogged">
          {invite}
        </div>
      );
    case 'waiting':
      return (
        <MessageBar intent="warning" data-testid="logged-state" data-state="waiting">
          <MessageBarBody>
            {EVENT_TEXT.waiting}
            {state.entry.lastError ? ` (${state.entry.lastError})` : ''}{' '}
            <Button size="small" onClick={() => void events.outbox.retryNow()}>
              {EVENT_TEXT.tryNow}
            </Button>
          </MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error" data-testid="logged-state" data-state="failed">
          <MessageBarBody>
            {couldNotSaveText(state.entry.lastError ?? '')}{' '}
            <Button size="small" onClick={() => void events.outbox.retryNow()}>
              {EVENT_TEXT.tryAgain}
            </Button>
          </MessageBarBody>
        </MessageBar>
      );
    case 'logged':
      return (
        <MessageBar intent="success" data-testid="logged-state" data-state="logged">
          <MessageBarBody>
            {loggedByText(state.mine ? 'you' : state.byName, timeText(state.at))}
            {state.note && (
              <Text as="p" data-testid="logged-note">
                {state.note}
              </Text>
            )}
          </MessageBarBody>
        </MessageBar>
      );
  }
}
