import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useOpenMessage } from '../hooks/useOpenMessage';
import { EventForm } from '../components/events/EventForm';
import { LoggedStatus } from '../components/events/LoggedStatus';
import { useOutboxEntry } from '../hooks/useOutboxEvent';
import { timeText } from '../hooks/useContactEvent';
import { EVENT_TEXT, couldNotSaveText, savedAtText } from '../components/events/eventText';
import { useServices } from '../../ui/services';
import { AsyncFailure } from '../../ui/AsyncView';

const useStyles = makeStyles({ view: { display: 'grid', rowGap: tokens.spacingVerticalM } });

/** 'Log contact': the open email, or a contact that did not come by email (phone, gate, letter). */
export function LogEventView() {
  const styles = useStyles();
  const { host, events } = useServices();
  const open = useOpenMessage(host);
  const [other, setOther] = useState(false);
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [formId, setFormId] = useState(0);
  const message = open.state === 'done' ? open.value : null;
  return (
    <div className={styles.view}>
      <div>
        <Button
          appearance={other ? 'secondary' : 'primary'}
          disabled={!message}
          onClick={() => setOther(false)}
          data-testid="log-open-email"
        >
          {EVENT_TEXT.openEmail}
        </Button>{' '}
        <Button
          appearance={other || !message ? 'primary' : 'secondary'}
          onClick={() => setOther(true)}
          data-testid="log-other-contact"
        >
          {EVENT_TEXT.otherContact}
        </Button>
      </div>
      {!other && message ? (
        <LoggedStatus key={message.itemId} message={message} />
      ) : (
        <>
          {savedKey && <SavedNote eventKey={savedKey} />}
          <EventForm
            key={formId}
            fromEmail={false}
            initial={events.draftFor(null)}
            onSaved={(key) => {
              setSavedKey(key);
              setFormId((n) => n + 1);
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

function SavedNote({ eventKey }: { eventKey: string }) {
  const { events } = useServices();
  const entry = useOutboxEntry(events, eventKey);
  if (!entry) return null;
  if (entry.status === 'saved') {
    return (
      <MessageBar intent="success" data-testid="other-saved" data-state="saved">
        <MessageBarBody>{savedAtText(timeText(entry.savedAt ?? ''))}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar
      intent={entry.status === 'failed' ? 'error' : 'warning'}
      data-testid="other-saved"
      data-state={entry.status}
    >
      <MessageBarBody>
        {entry.status === 'failed' ? couldNotSaveText(entry.lastError ?? '') : EVENT_TEXT.waiting}
      </MessageBarBody>
    </MessageBar>
  );
}
