import { useEffect, useRef, useState } from 'react';
import {
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useOpenMessage } from '../hooks/useOpenMessage';
import { EventForm } from '../components/events/EventForm';
import { LoggedStatus } from '../components/events/LoggedStatus';
import { AnnouncerProvider, useAnnounce } from '../components/Announcer';
import { useOutboxEntry } from '../hooks/useOutboxEvent';
import { useDelayPassed } from '../hooks/useDelayPassed';
import { timeText } from '../hooks/useContactEvent';
import { WAITING_AFTER_MS, savePhase, type SavePhase } from '../../app/events/savePhase';
import { EVENT_TEXT, couldNotSaveText, savedAtText } from '../components/events/eventText';
import { useServices } from '../../ui/services';
import { AsyncFailure } from '../../ui/AsyncView';

const useStyles = makeStyles({
  view: { display: 'grid', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  // The two choices wrap one under the other at 320 px.
  choices: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  choice: { maxWidth: '100%', whiteSpace: 'normal', textAlign: 'start' },
});

/** 'Log contact': the open email, or a contact that did not come by email (phone, gate, letter). */
export function LogEventView() {
  // The tab's one live region: the log of the open email and the other-contact form speak in it.
  return (
    <AnnouncerProvider>
      <LogEventChoices />
    </AnnouncerProvider>
  );
}

function LogEventChoices() {
  const styles = useStyles();
  const { host, events } = useServices();
  const open = useOpenMessage(host);
  const [other, setOther] = useState(false);
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [formId, setFormId] = useState(0);
  // The form takes the focus only when a button opened it, not when the tab is shown.
  const [focusForm, setFocusForm] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const otherRef = useRef<HTMLButtonElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const [focusSaved, setFocusSaved] = useState(false);
  const message = open.state === 'done' ? open.value : null;
  const saved = useSavedOutcome(savedKey);

  const say = useAnnounce();
  const outcome = cancelled ? EVENT_TEXT.cancelled : saved.text;
  useEffect(() => {
    if (outcome) say(outcome);
  }, [say, outcome]);

  useEffect(() => {
    if (focusSaved && savedRef.current) {
      savedRef.current.focus();
      setFocusSaved(false);
    }
  }, [focusSaved, savedKey]);

  return (
    <div className={styles.view} data-testid="log-view">
      {/* Two choices, one pressed: toggles, not two primary buttons beside the form's Save. */}
      <div className={styles.choices}>
        <ToggleButton
          className={styles.choice}
          checked={!other && !!message}
          disabled={!message}
          onClick={() => setOther(false)}
          data-testid="log-open-email"
        >
          {EVENT_TEXT.openEmail}
        </ToggleButton>
        <ToggleButton
          ref={otherRef}
          className={styles.choice}
          checked={other || !message}
          onClick={() => {
            setOther(true);
            setFocusForm(true);
            setCancelled(false);
          }}
          data-testid="log-other-contact"
        >
          {EVENT_TEXT.otherContact}
        </ToggleButton>
      </div>
      {!other && message ? (
        <LoggedStatus key={message.itemId} message={message} />
      ) : (
        <>
          <div ref={savedRef} tabIndex={-1} data-testid="other-outcome">
            <SavedNote phase={saved.phase} text={saved.text} />
          </div>
          <EventForm
            key={formId}
            fromEmail={false}
            focusOnOpen={focusForm}
            initial={events.draftFor(null)}
            onSaved={(key) => {
              setSavedKey(key);
              setCancelled(false);
              setFocusForm(false);
              setFormId((n) => n + 1);
              setFocusSaved(true);
            }}
            onCancel={() => {
              // Closed without saving: a fresh form, the open email's view if there is one,
              // and the focus back on the button that opened it.
              setFormId((n) => n + 1);
              setFocusForm(false);
              setCancelled(true);
              if (message) setOther(false);
              otherRef.current?.focus();
            }}
          />
        </>
      )}
      {open.state === 'error' && !other ? (
        <AsyncFailure text={EVENT_TEXT.openEmailUnreadable} retry={open.retry} />
      ) : (
        !message && !other && <Text>{EVENT_TEXT.selectEmail}</Text>
      )}
    </div>
  );
}

/** The event just saved from the form, followed: saving, waiting to save (after a second), saved. */
function useSavedOutcome(eventKey: string | null): { phase: SavePhase | null; text: string } {
  const { events } = useServices();
  const entry = useOutboxEntry(events, eventKey ?? '');
  const waitedLong = useDelayPassed(eventKey, WAITING_AFTER_MS);
  if (!eventKey || !entry) return { phase: null, text: '' };
  const phase = savePhase(entry, waitedLong ? Infinity : 0);
  const text =
    phase === 'saved'
      ? savedAtText(timeText(entry.savedAt ?? ''))
      : phase === 'failed'
        ? couldNotSaveText(entry.lastError ?? '')
        : phase === 'saving'
          ? EVENT_TEXT.saving
          : EVENT_TEXT.waiting;
  return { phase, text };
}

function SavedNote({ phase, text }: { phase: SavePhase | null; text: string }) {
  if (!phase) return null;
  if (phase === 'saving') {
    return (
      <div data-testid="other-saved" data-state="saving">
        <Spinner size="tiny" label={text} />
      </div>
    );
  }
  return (
    <MessageBar
      intent={phase === 'saved' ? 'success' : phase === 'failed' ? 'error' : 'warning'}
      layout="multiline"
      data-testid="other-saved"
      data-state={phase}
    >
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
