import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { OpenMessage } from '../../../host/mailHost';
import type { LoggedState } from '../../../app/events/contactEvents';
import { WAITING_AFTER_MS, savePhase } from '../../../app/events/savePhase';
import { timeText, useLoggedEvent } from '../../hooks/useContactEvent';
import { useDelayPassed } from '../../hooks/useDelayPassed';
import { useServiceUnreachable } from '../../hooks/useServiceUnreachable';
import { EVENT_TEXT, couldNotSaveText, loggedByText, offlineVerdictText } from './eventText';
import { refreshedText } from '../../text';
import { useServices } from '../../../ui/services';
import { useAnnounce } from '../Announcer';

// The form is fetched when someone chooses to log the email, not with every verdict.
const EventForm = lazy(() =>
  import(/* webpackChunkName: "log-event" */ './EventForm').then((m) => ({ default: m.EventForm })),
);

interface Props {
  message: OpenMessage;
  /**
   * When the restrictions the verdict above used were read (SenderCheckResult.refreshedAt):
   * while Microsoft 365 cannot be reached, the verdict came from that copy, and the pane says so.
   */
  verdictFrom?: string;
}

/**
 * Below the verdict: "Log this email as a contact event", or the form, or where its event is
 * ("saving", then "waiting to save" after a second without an answer, "logged by X at HH:MM").
 * Says "saved" only once Graph has confirmed it. The focus goes into the form when it opens, back
 * to its button when it is cancelled, and to the outcome when it is saved; the outcome is also
 * announced.
 */
export function LoggedStatus({ message, verdictFrom }: Props) {
  const { events } = useServices();
  const logged = useLoggedEvent(events, message);
  const unreachable = useServiceUnreachable(events);
  const [open, setOpen] = useState(false);
  // Where the focus goes after the form closes: its button, or the outcome of the save.
  const [returnTo, setReturnTo] = useState<'button' | 'outcome' | null>(null);
  // What the user last did here, whose outcome the live region says.
  const [done, setDone] = useState<'saved' | 'cancelled' | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const state = logged.status === 'ready' ? logged.state : null;
  const waitingSince = state?.kind === 'waiting' ? state.entry.event.key : null;
  const waitedLong = useDelayPassed(waitingSince, WAITING_AFTER_MS);
  const phase =
    state?.kind === 'waiting' ? savePhase(state.entry, waitedLong ? Infinity : 0) : null;

  useEffect(() => {
    if (open || returnTo === null) return;
    const target = returnTo === 'button' ? buttonRef.current : outcomeRef.current;
    if (target) {
      target.focus();
      setReturnTo(null);
    }
  }, [open, returnTo, logged.status, state?.kind]);

  const offline =
    unreachable && verdictFrom ? (
      <Text as="p" size={200} data-testid="offline-verdict-note">
        {offlineVerdictText(refreshedText(verdictFrom))}
      </Text>
    ) : null;
  const announcement =
    done === 'cancelled' ? EVENT_TEXT.cancelled : done === 'saved' ? outcomeText(state, phase) : '';
  // Said in the pane's one live region (Announcer), like the verdict and the actions' outcomes.
  const say = useAnnounce();
  useEffect(() => {
    if (announcement) say(announcement);
  }, [say, announcement]);

  if (open) {
    return (
      <div data-testid="logged-status">
        {offline}
        <Suspense fallback={<Spinner size="tiny" label={EVENT_TEXT.openingForm} />}>
          <EventForm
            fromEmail
            initial={events.draftFor(message)}
            onSaved={() => {
              setOpen(false);
              setDone('saved');
              setReturnTo('outcome');
              logged.reload();
            }}
            onCancel={() => {
              setOpen(false);
              setDone('cancelled');
              setReturnTo('button');
            }}
          />
        </Suspense>
      </div>
    );
  }
  return (
    <div data-testid="logged-status">
      {offline}
      <div ref={outcomeRef} tabIndex={-1} data-testid="logged-outcome">
        {logged.status === 'loading' ? (
          <Spinner size="tiny" label={EVENT_TEXT.checkingLogged} />
        ) : (
          <StateView
            state={state}
            phase={phase}
            invite={
              <Button
                ref={buttonRef}
                data-testid="log-email"
                onClick={() => {
                  setDone(null);
                  setOpen(true);
                }}
              >
                {EVENT_TEXT.logEmail}
              </Button>
            }
            retry={() => void events.outbox.retryNow()}
          />
        )}
      </div>
    </div>
  );
}

/** What the live region says after a save: the same words the pane shows. */
function outcomeText(
  state: LoggedState | null,
  phase: ReturnType<typeof savePhase> | null,
): string {
  if (!state) return '';
  switch (state.kind) {
    case 'waiting':
      return phase === 'saving' ? EVENT_TEXT.saving : EVENT_TEXT.waiting;
    case 'failed':
      return couldNotSaveText(state.entry.lastError ?? '');
    case 'logged':
      return loggedByText(state.mine ? 'you' : state.byName, timeText(state.at));
    case 'notLogged':
      return '';
  }
}

function StateView({
  state,
  phase,
  invite,
  retry,
}: {
  state: LoggedState | null;
  phase: ReturnType<typeof savePhase> | null;
  invite: JSX.Element;
  retry: () => void;
}) {
  if (!state) {
    return (
      <div data-testid="logged-state" data-state="unknown">
        <Text as="p">{EVENT_TEXT.couldNotCheck}</Text>
        {invite}
      </div>
    );
  }
  switch (state.kind) {
    case 'notLogged':
      return (
        <div data-testid="logged-state" data-state="notLogged">
          {invite}
        </div>
      );
    case 'waiting':
      if (phase === 'saving') {
        return (
          <div data-testid="logged-state" data-state="saving">
            <Spinner size="tiny" label={EVENT_TEXT.saving} />
          </div>
        );
      }
      return (
        <MessageBar
          intent="warning"
          layout="multiline"
          data-testid="logged-state"
          data-state="waiting"
        >
          <MessageBarBody>
            {EVENT_TEXT.waiting}
            {state.entry.lastError ? ` (${state.entry.lastError})` : ''}{' '}
            <Button size="small" onClick={retry}>
              {EVENT_TEXT.tryNow}
            </Button>
          </MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar
          intent="error"
          layout="multiline"
          data-testid="logged-state"
          data-state="failed"
        >
          <MessageBarBody>
            {couldNotSaveText(state.entry.lastError ?? '')}{' '}
            <Button size="small" onClick={retry}>
              {EVENT_TEXT.tryAgain}
            </Button>
          </MessageBarBody>
        </MessageBar>
      );
    case 'logged':
      return (
        <MessageBar
          intent="success"
          layout="multiline"
          data-testid="logged-state"
          data-state="logged"
        >
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
