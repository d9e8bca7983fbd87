import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  asFailure,
  type RestrictedActions,
  type UndoToken,
} from '../../../app/actions/restrictedActions';
import type { OpenMessage, SignedInUser } from '../../../host/mailHost';
import type { Restriction } from '../../../policy/types';
import { isSpoc } from '../../../policy/mailActions';
import { useAnnounce } from '../Announcer';
import { EmergencyBanner } from './EmergencyBanner';
import { SpocOutcomes } from './SpocOutcomes';
import {
  ACTION_TEXT,
  actionLabel,
  actionQuestion,
  busyText,
  filedText,
  forwardedText,
} from './actionText';
import { useEmailStatus } from './useEmailStatus';
import { useFocusAfterRender } from './useFocusAfterRender';

const useStyles = makeStyles({
  box: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  confirm: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  outcome: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // A long label ("Forward to Priya Shah (School Business Manager) and file it") wraps inside its
  // button at 320 px rather than pushing the pane sideways.
  wrap: { maxWidth: '100%', whiteSpace: 'normal', height: 'auto', textAlign: 'start' },
  line: { margin: 0 },
});

interface Props {
  actions: RestrictedActions;
  message: OpenMessage;
  restriction: Restriction;
  matchedAddress: string;
  user: SignedInUser;
  /**
   * Where the emergency banner goes: the top of the pane, above the verdict, so that it is seen
   * first (DOMAIN.md: never block the emergency line). Without one it stays in the panel.
   */
  bannerSlot?: HTMLElement | null;
  /** Told whether nothing is left to do here, so the verdict's top says what was done. */
  onActed?: (acted: boolean) => void;
}

type Step = 'forward' | 'file' | 'forwardAndFile';

/**
 * In the restricted verdict's top: the one action the restriction's Handling asks for, behind a
 * confirmation that names the recipient, then what was done (by whom, when) with Undo where there
 * is one. The emergency banner when the email looks urgent; the SPOC sees their outcomes instead.
 *
 * Keyboard and screen readers (issue 13, item 5): the confirmation takes focus when it opens;
 * Escape or Cancel closes it and gives focus back to the button that opened it; once confirmed,
 * focus moves to the outcome (where the result appears) and the outcome is said in the pane's
 * live region.
 */
export function RestrictedActionsPanel({
  actions,
  message,
  restriction,
  matchedAddress,
  user,
  bannerSlot,
  onActed,
}: Props) {
  const styles = useStyles();
  const say = useAnnounce();
  const { state, reload } = useEmailStatus(actions, message);
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoToken | null>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const questionId = useId();
  const focusNext = useFocusAfterRender({
    primary: primaryRef,
    confirm: confirmRef,
    outcome: outcomeRef,
  });

  const status = state.kind === 'ready' ? state.status : null;
  const done = [
    status?.forwarded ? forwardedText(status.forwarded) : '',
    status?.filed ? filedText(status.filed) : '',
  ]
    .filter(Boolean)
    .join(' ');
  // The instruction line gives way only when nothing is left to do: forwarded but not yet filed
  // (Forward and file) still needs "…then file it".
  const acted =
    restriction.handling === 'Forward'
      ? !!status?.forwarded
      : restriction.handling === 'File'
        ? !!status?.filed
        : !!status?.forwarded && !!status?.filed;
  useEffect(() => onActed?.(acted), [onActed, acted]);
  // What an action here did is said once it is read back (not what was already done on opening:
  // the verdict's own announcement is said then).
  const sayDone = useRef(false);
  useEffect(() => {
    if (sayDone.current && done) {
      sayDone.current = false;
      say(done);
    }
  }, [say, done]);

  if (state.kind === 'loading') return <Spinner size="tiny" label={ACTION_TEXT.checking} />;
  if (state.kind === 'failed') {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="action-error">
        <MessageBarBody>
          {state.message}{' '}
          <Button size="small" onClick={() => void reload()}>
            {ACTION_TEXT.tryAgain}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const ready = state.status;
  const urgentBanner = ready.urgency.urgent ? (
    <EmergencyBanner matches={ready.urgency.matches} />
  ) : null;
  const banner = urgentBanner && bannerSlot ? createPortal(urgentBanner, bannerSlot) : urgentBanner;
  if (isSpoc(restriction.spocEmail, user.emailAddress, message.sharedMailbox)) {
    return (
      <div className={styles.box}>
        {banner}
        <SpocOutcomes
          actions={actions}
          message={message}
          personName={restriction.personName}
          status={ready}
          onChanged={reload}
        />
      </div>
    );
  }
  const forwardDone = Boolean(ready.forwarded);
  const fileDone = Boolean(ready.filed);
  let step: Step | null = null;
  if (restriction.handling === 'Forward' && !forwardDone) step = 'forward';
  if (restriction.handling === 'File' && !fileDone) step = 'file';
  if (restriction.handling === 'ForwardAndFile')
    step = !forwardDone ? 'forwardAndFile' : !fileDone ? 'file' : null;
  const spoc = `${restriction.spocName} (${restriction.spocEmail})`;

  const cancel = () => {
    setConfirming(false);
    focusNext('primary');
  };

  const fail = (e: unknown) => {
    const text = asFailure(e).message;
    setError(text);
    say(text);
  };

  const run = async (chosen: Step) => {
    setConfirming(false);
    setWorking(true);
    setError(null);
    setNotice(null);
    focusNext('outcome');
    say(ACTION_TEXT.working);
    try {
      const target = { message, restriction, matchedAddress };
      if (chosen === 'file') {
        setUndo((await actions.file(target)).undo ?? null);
      } else {
        const result =
          chosen === 'forward'
            ? { forward: await actions.forward(target) }
            : await actions.forwardAndFile(target);
        if (result.forward.status === 'busy') {
          const busy = busyText(result.forward.byName, result.forward.at);
          setNotice(busy);
          say(busy);
        }
        if ('file' in result && result.file) setUndo(result.file.undo ?? null);
      }
      sayDone.current = true;
      await reload();
    } catch (e) {
      fail(e);
      await reload();
    } finally {
      setWorking(false);
    }
  };

  const undoFiling = async (token: UndoToken) => {
    setWorking(true);
    setError(null);
    try {
      await actions.undoFile(token);
      setUndo(null);
      setNotice(ACTION_TEXT.filingUndone);
      say(ACTION_TEXT.filingUndone);
      focusNext('primary');
    } catch (e) {
      fail(e);
    } finally {
      await reload();
      setWorking(false);
    }
  };

  return (
    <section className={styles.box} aria-label={ACTION_TEXT.panel} data-testid="restricted-actions">
      {banner}
      <div ref={outcomeRef} tabIndex={-1} className={styles.outcome} data-testid="action-outcome">
        {ready.forwarded && (
          <Text as="p" className={styles.line} data-testid="done-forwarded">
            {forwardedText(ready.forwarded)}
          </Text>
        )}
        {ready.filed && (
          <Text as="p" className={styles.line} data-testid="done-filed">
            {filedText(ready.filed)}
          </Text>
        )}
        {working && <Spinner size="tiny" label={ACTION_TEXT.working} />}
        {notice && (
          <Text as="p" className={styles.line} data-testid="action-notice">
            {notice}
          </Text>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline" data-testid="action-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {undo && ready.filed && (
        <div>
          <Button data-testid="undo-file" disabled={working} onClick={() => void undoFiling(undo)}>
            {ACTION_TEXT.undoFiling}
          </Button>
        </div>
      )}
      {step && !confirming && (
        <div>
          <Button
            ref={primaryRef}
            appearance="primary"
            className={styles.wrap}
            data-testid="primary-action"
            disabled={working}
            onClick={() => {
              setConfirming(true);
              focusNext('confirm');
            }}
          >
            {actionLabel(step, restriction.spocName)}
          </Button>
        </div>
      )}
      {step && confirming && (
        <div
          ref={confirmRef}
          tabIndex={-1}
          className={styles.confirm}
          role="group"
          aria-label={ACTION_TEXT.confirm}
          aria-describedby={questionId}
          data-testid="confirm-action"
          data-confirm=""
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              cancel();
            }
          }}
        >
          <Text as="p" className={styles.line} id={questionId}>
            {actionQuestion(step, spoc, restriction.personName)}
          </Text>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              className={styles.wrap}
              data-testid="confirm-yes"
              onClick={() => void run(step)}
            >
              {actionLabel(step, restriction.spocName)}
            </Button>
            <Button data-testid="confirm-cancel" onClick={cancel}>
              {ACTION_TEXT.cancel}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
