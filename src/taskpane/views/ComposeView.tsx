// The compose pane (issue 12): on an email being written, the same verdict the send-time handler
// gives for each To, Cc and Bcc recipient, and the two ways on from a stop: send to the single point
// of contact instead, or send anyway with a reason that is recorded first. The view composes the
// compose service (src/app/compose, from the services context) and decides nothing itself.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  ComposeActionResult,
  ComposeCheck,
  ComposeGuard,
} from '../../app/compose/composeGuard';
import { useServices } from '../../ui/services';
import { useAsync } from '../../ui/useAsync';
import { AsyncFailure, AsyncView } from '../../ui/AsyncView';
import { COMPOSE_TEXT, composeUncheckedText, fieldLabel } from '../composeText';
import { refreshedText } from '../text';

const useStyles = makeStyles({
  // minWidth 0 and overflowWrap: a long address or name wraps at 320 px instead of widening the
  // pane (a grid item's minimum width is its longest word otherwise).
  view: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
  },
  item: { overflowWrap: 'anywhere' },
  reasonBox: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // A long label wraps inside its button rather than pushing it past the pane's edge.
  button: { maxWidth: '100%', whiteSpace: 'normal', height: 'auto' },
  notice: { ':focus': { outlineOffset: '2px' } },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The compose pane: loads the compose service, then checks the recipients. */
export function ComposeView() {
  const { compose } = useServices();
  const guard = useAsync(compose);
  return (
    <section aria-label={COMPOSE_TEXT.heading}>
      <AsyncView
        async={guard}
        loading={<Spinner size="tiny" label={COMPOSE_TEXT.checking} />}
        failed={COMPOSE_TEXT.uncheckedTitle}
      >
        {(g) => <RecipientsCheck guard={g} />}
      </AsyncView>
    </section>
  );
}

interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

function noticeFor(result: ComposeActionResult, recorded: boolean): Notice {
  switch (result.kind) {
    case 'sent':
      return { intent: 'success', text: COMPOSE_TEXT.sent };
    case 'pressSend':
      if (result.sendFailed) return { intent: 'warning', text: COMPOSE_TEXT.sendFailed };
      if (recorded) return { intent: 'info', text: COMPOSE_TEXT.recordedPressSend };
      return result.stillStopped
        ? { intent: 'warning', text: COMPOSE_TEXT.changedStillStopped }
        : { intent: 'info', text: COMPOSE_TEXT.changedPressSend };
    case 'nothingToDo':
      return { intent: 'info', text: COMPOSE_TEXT.nothingToDo };
    case 'reasonMissing':
      return { intent: 'error', text: COMPOSE_TEXT.reasonMissing };
    case 'failed':
      switch (result.step) {
        case 'read':
          return { intent: 'error', text: COMPOSE_TEXT.failedRead };
        case 'recipients':
          return { intent: 'error', text: COMPOSE_TEXT.failedRecipients };
        case 'audit':
          return { intent: 'error', text: COMPOSE_TEXT.failedAudit };
        case 'marker':
          return { intent: 'warning', text: COMPOSE_TEXT.failedMarker };
      }
  }
}

function RecipientsCheck({ guard }: { guard: ComposeGuard }) {
  const styles = useStyles();
  const { senderCheck } = useServices();
  // The first check and "Try again" read the restrictions afresh (the pane is often opened because
  // Outlook stopped the send, from the handlers' copy, which may be older); a recipient change
  // answers from the trusted copy.
  const forceNext = useRef(true);
  const load = useCallback(() => {
    const forceRefresh = forceNext.current;
    forceNext.current = false;
    return guard.check({ forceRefresh });
  }, [guard]);
  const check = useAsync(load);
  const { refresh, retry } = check;
  useEffect(() => guard.onChanged(() => void refresh()), [guard, refresh]);
  useEffect(() => senderCheck.onRestrictionsUpdated(() => void refresh()), [senderCheck, refresh]);
  const tryAgain = useCallback(() => {
    forceNext.current = true;
    retry();
  }, [retry]);
  // Kept here, not in the actions: after an action the check may be clear and the actions gone.
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // Every notice answers something the user just did: focus moves to it (the button they pressed
  // may be gone), and the live region around it, always on the page, reads it out.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const bar = notice && (
    <MessageBar
      ref={noticeRef}
      tabIndex={-1}
      intent={notice.intent}
      layout="multiline"
      className={styles.notice}
      data-testid="compose-notice"
    >
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
  // Two live regions, always on the page (one added together with its text is often not read
  // out): outcomes politely, failures at once.
  const announcer = (
    <>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="compose-announcer">
        {notice?.intent !== 'error' && bar}
      </div>
      <div role="alert" aria-atomic="true" data-testid="compose-alert">
        {notice?.intent === 'error' && bar}
      </div>
    </>
  );

  if (check.state !== 'done') {
    return (
      <div className={styles.view}>
        {check.state === 'loading' ? (
          <Spinner size="tiny" label={COMPOSE_TEXT.checking} />
        ) : (
          <AsyncFailure text={COMPOSE_TEXT.uncheckedTitle} retry={tryAgain} />
        )}
        {announcer}
      </div>
    );
  }
  return (
    <div className={styles.view}>
      <Verdict check={check.value} onTryAgain={tryAgain} />
      {announcer}
      {check.value.kind === 'stop' && (
        <StopActions
          check={check.value}
          guard={guard}
          onNotice={setNotice}
          onDone={() => void refresh()}
        />
      )}
      {check.value.kind !== 'unchecked' && check.value.refreshedAt && (
        <Text size={200} className={styles.muted}>
          {refreshedText(check.value.refreshedAt)}
        </Text>
      )}
    </div>
  );
}

function Verdict({ check, onTryAgain }: { check: ComposeCheck; onTryAgain: () => void }) {
  const styles = useStyles();
  switch (check.kind) {
    case 'clear':
      // A group's members are unknown: never a plain "clear" while one is on the email.
      if (check.groups?.length) {
        return (
          <MessageBar intent="warning" layout="multiline" role="status" data-verdict="groups">
            <MessageBarBody>
              <MessageBarTitle>{COMPOSE_TEXT.groupsTitle}</MessageBarTitle>
              {COMPOSE_TEXT.groupsNote(check.groups.join(', '))}
            </MessageBarBody>
          </MessageBar>
        );
      }
      return (
        <MessageBar intent="success" layout="multiline" role="status" data-verdict="clear">
          <MessageBarBody>
            <MessageBarTitle>{COMPOSE_TEXT.clearTitle}</MessageBarTitle>
            {COMPOSE_TEXT.clearNote}
          </MessageBarBody>
        </MessageBar>
      );
    case 'unchecked':
      return (
        <MessageBar intent="warning" layout="multiline" role="status" data-verdict="unchecked">
          <MessageBarBody>
            <MessageBarTitle>{COMPOSE_TEXT.uncheckedTitle}</MessageBarTitle>
            <Text as="p">{composeUncheckedText(check.reason)}</Text>
            <Text as="p">{COMPOSE_TEXT.uncheckedNote}</Text>
            <Button size="small" onClick={onTryAgain}>
              {COMPOSE_TEXT.tryAgain}
            </Button>
          </MessageBarBody>
        </MessageBar>
      );
    case 'stop': {
      const restricted = check.restricted.length;
      return (
        <MessageBar intent="error" layout="multiline" role="status" data-verdict="stop">
          <MessageBarBody>
            {restricted > 0 && (
              <>
                <MessageBarTitle>
                  {restricted > 1 ? COMPOSE_TEXT.stopTitleMany : COMPOSE_TEXT.stopTitle}
                </MessageBarTitle>
                <ul className={styles.list} aria-label={COMPOSE_TEXT.restrictedListLabel}>
                  {check.restricted.map((r) => (
                    <li key={`${r.field}:${r.address}`} className={styles.item}>
                      <Text weight="semibold">{r.personName || r.address}</Text> ({r.address},{' '}
                      {fieldLabel(r.field)}). {COMPOSE_TEXT.spoc}:{' '}
                      {r.spocName && r.spocEmail
                        ? `${r.spocName} (${r.spocEmail})`
                        : r.spocName || r.spocEmail || '—'}
                    </li>
                  ))}
                </ul>
                <Text as="p">{COMPOSE_TEXT.stopNote}</Text>
              </>
            )}
            {check.unchecked.length > 0 && (
              <>
                <MessageBarTitle>{COMPOSE_TEXT.unreadableRecordTitle}</MessageBarTitle>
                <ul className={styles.list} aria-label={COMPOSE_TEXT.uncheckedListLabel}>
                  {check.unchecked.map((u) => (
                    <li key={`${u.field}:${u.address}`} className={styles.item}>
                      {u.address} ({fieldLabel(u.field)}): {COMPOSE_TEXT.unreadableRecord}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      );
    }
  }
}

function StopActions({
  check,
  guard,
  onNotice: setNotice,
  onDone,
}: {
  check: Extract<ComposeCheck, { kind: 'stop' }>;
  guard: ComposeGuard;
  onNotice: (notice: Notice | null) => void;
  onDone: () => void;
}) {
  const styles = useStyles();
  const [working, setWorking] = useState(false);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const sendAnywayButton = useRef<HTMLButtonElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  // Where focus goes once the form has opened or closed (the element exists only after the render).
  const focusNext = useRef<'reason' | 'sendAnyway' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'reason' ? reasonField : sendAnywayButton;
    if (focusNext.current && target.current) {
      target.current.focus();
      focusNext.current = null;
    }
  });

  const openReason = () => {
    focusNext.current = 'reason';
    setAsking(true);
  };
  const cancelReason = () => {
    focusNext.current = 'sendAnyway';
    setReasonError(false);
    setAsking(false);
  };
  const onReasonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !working) {
      event.preventDefault();
      cancelReason();
    }
  };

  const run = async (action: () => Promise<ComposeActionResult>, recorded: boolean) => {
    setWorking(true);
    setNotice(null);
    try {
      const result = await action();
      if (result.kind === 'sent' || result.kind === 'pressSend') setAsking(false);
      setNotice(noticeFor(result, recorded));
      if (result.kind !== 'failed' && result.kind !== 'reasonMissing') onDone();
    } catch {
      setNotice({ intent: 'error', text: COMPOSE_TEXT.failedRead });
    } finally {
      setWorking(false);
    }
  };

  const sendAnyway = () => {
    if (reason.trim() === '') {
      setReasonError(true);
      // The error shows beside the field; the field takes the focus so it is read with it.
      reasonField.current?.focus();
      return;
    }
    setReasonError(false);
    void run(() => guard.sendAnyway(reason), true);
  };

  return (
    <div className={styles.view}>
      {check.restricted.length > 0 && !check.canSendToSpoc && (
        <Text as="p">{COMPOSE_TEXT.noSpoc}</Text>
      )}
      <div className={styles.buttons}>
        {check.canSendToSpoc && (
          <Button
            appearance="primary"
            className={styles.button}
            disabled={working}
            onClick={() => void run(() => guard.sendToSpoc(), false)}
          >
            {COMPOSE_TEXT.sendToSpoc}
          </Button>
        )}
        {!asking && (
          <Button
            ref={sendAnywayButton}
            className={styles.button}
            disabled={working}
            onClick={openReason}
          >
            {COMPOSE_TEXT.sendAnyway}
          </Button>
        )}
      </div>
      {asking && (
        // Escape anywhere in the form cancels it, as the Cancel button does.
        <div className={styles.reasonBox} onKeyDown={onReasonKeyDown}>
          <Field
            label={COMPOSE_TEXT.reasonLabel}
            hint={COMPOSE_TEXT.reasonHint}
            required
            validationState={reasonError ? 'error' : 'none'}
            validationMessage={reasonError ? COMPOSE_TEXT.reasonMissing : undefined}
          >
            <Textarea
              ref={reasonField}
              value={reason}
              resize="vertical"
              onChange={(_, data) => {
                setReason(data.value);
                if (data.value.trim() !== '') setReasonError(false);
              }}
            />
          </Field>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              className={styles.button}
              disabled={working}
              onClick={sendAnyway}
            >
              {guard.canSend ? COMPOSE_TEXT.recordAndSend : COMPOSE_TEXT.recordOnly}
            </Button>
            <Button className={styles.button} disabled={working} onClick={cancelReason}>
              {COMPOSE_TEXT.cancel}
            </Button>
          </div>
        </div>
      )}
      {working && <Spinner size="tiny" label={COMPOSE_TEXT.working} />}
    </div>
  );
}
