import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ContactEvents } from '../../app/events/contactEvents';
import type { MailHost } from '../../host/mailHost';
import { useOpenMessage } from '../hooks/useOpenMessage';
import { EventForm } from '../components/events/EventForm';
import { LoggedStatus } from '../components/events/LoggedStatus';
import { useOutboxEntry } from '../hooks/useOutboxEvent';
import { timeText } from '../hooks/useContactEvent';

const useStyles = makeStyles({ view: { display: 'grid', rowGap: tokens.spacingVerticalM } });

/** 'Log contact': the open email, or a contact that did not come by email (phone, gate, letter). */
export function LogEventView({ host, events }: { host: MailHost; events: ContactEvents }) {
  const styles = useStyles();
  const open = useOpenMessage(host);
  const [other, setOther] = useState(false);
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [formId, setFormId] = useState(0);
  const message = open.status === 'ready' ? open.message : null;
  return (
    <div className={styles.view}>
      <div>
        <Button
          appearance={other ? 'secondary' : 'primary'}
          disabled={!message}
          onClick={() => setOther(false)}
          data-testid="log-open-email"
        >
          The open email
        </Button>{' '}
        <Button
          appearance={other || !message ? 'primary' : 'secondary'}
          onClick={() => setOther(true)}
          data-testid="log-other-contact"
        >
          Another contact (phone, in person, letter…)
        </Button>
      </div>
      {!other && message ? (
        <LoggedStatus key={message.itemId} events={events} message={message} />
      ) : (
        <>
          {savedKey && <SavedNote events={events} eventKey={savedKey} />}
          <EventForm
            key={formId}
            events={events}
            fromEmail={false}
            initial={events.draftFor(null)}
            onSaved={(key) => {
              setSavedKey(key);
              setFormId((n) => n + 1);
            }}
          />
        </>
      )}
      {!message && !other && <Text>Select an email, or log another contact.</Text>}
    </div>
  );
}

function SavedNote({ events, eventKey }: { events: ContactEvents; eventKey: string }) {
  const entry = useOutboxEntry(events, eventKey);
  if (!entry) return null;
  if (entry.status === 'saved') {
    return (
      <MessageBar intent="success" data-testid="other-saved" data-state="saved">
        <MessageBarBody>Contact event saved at {timeText(entry.savedAt ?? '')}.</MessageBarBody>
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
        {entry.status === 'failed'
          ? `The contact event could not be saved: ${entry.lastError ?? ''} It is kept on this device.`
          : 'Waiting to save: the contact event is kept on this device and will be saved when Microsoft 365 can be reached.'}
      </MessageBarBody>
    </MessageBar>
  );
}
