import { useState } from 'react';
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
import { EmergencyBanner } from './EmergencyBanner';
import { SpocOutcomes } from './SpocOutcomes';
import {
  ACTION_TEXT,
  actionLabel,
  actionQuestion,
  busyText,
  filedText,
  forwardedText,
  noReplyText,
} from './actionText';
import { useEmailStatus } from './useEmailStatus';

const useStyles = makeStyles({
  box: { display: 'grid', rowGap: tokens.spacingVerticalS },
  confirm: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
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
}

type Step = 'forward' | 'file' | 'forwardAndFile';

/**
 * Under a restricted verdict: the emergency banner when the email looks urgent, the reminder not
 * to reply, what has been done (by whom, when), and the one action the restriction's Handling
 * asks for, behind a confirmation that names the recipient. The SPOC sees their outcomes instead.
 */
export function RestrictedActionsPanel({
  actions,
  message,
  restriction,
  matchedAddress,
  user,
  bannerSlot,
}: Props) {
  const styles = useStyles();
  const { state, reload } = useEmailStatus(actions, message);
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoToken | null>(null);

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
  const { status } = state;
  const urgentBanner = status.urgency.urgent ? (
    <EmergencyBanner matches={status.urgency.matches} />
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
          status={status}
          onChanged={reload}
        />
      </div>
    );
  }
  const forwardDone = Boolean(status.forwarded);
  const fileDone = Boolean(status.filed);
  let step: Step | null = null;
  if (restriction.handling === 'Forward' && !forwardDone) step = 'forward';
  if (restriction.handling === 'File' && !fileDone) step = 'file';
  if (restriction.handling === 'ForwardAndFile')
    step = !forwardDone ? 'forwardAndFile' : !fileDone ? 'file' : null;
  const spoc = `${restriction.spocName} (${restriction.spocEmail})`;
  const label: Record<Step, string> = {
    forward: actionLabel('forward', restriction.spocName),
    file: actionLabel('file', restriction.spocName),
    forwardAndFile: actionLabel('forwardAndFile', restriction.spocName),
  };
  const question: Record<Step, string> = {
    forward: actionQuestion('forward', spoc, restriction.personName),
    file: actionQuestion('file', spoc, restriction.personName),
    forwardAndFile: actionQuestion('forwardAndFile', spoc, restriction.personName),
  };

  const run = async (chosen: Step) => {
    setConfirming(false);
    setWorking(true);
    setError(null);
    setNotice(null);
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
          setNotice(busyText(result.forward.byName, result.forward.at));
        }
        if ('file' in result && result.file) setUndo(result.file.undo ?? null);
      }
      await reload();
    } catch (e) {
      setError(asFailure(e).message);
      await reload();
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className={styles.box} aria-label={ACTION_TEXT.panel} data-testid="restricted-actions">
      {banner}
      <Text as="p" weight="semibold" data-testid="no-reply-reminder">
        {noReplyText(restriction.spocName, restriction.personName)}
      </Text>
      {status.forwarded && (
        <Text as="p" data-testid="done-forwarded">
          {forwardedText(status.forwarded)}
        </Text>
      )}
      {status.filed && (
        <Text as="p" data-testid="done-filed">
          {filedText(status.filed)}
        </Text>
      )}
      {undo && status.filed && (
        <div>
          <Button
            data-testid="undo-file"
            disabled={working}
            onClick={() =>
              void (async () => {
                setWorking(true);
                setError(null);
                try {
                  await actions.undoFile(undo);
                  setUndo(null);
                  setNotice(ACTION_TEXT.filingUndone);
                } catch (e) {
                  setError(asFailure(e).message);
                } finally {
                  await reload();
                  setWorking(false);
                }
              })()
            }
          >
            {ACTION_TEXT.undoFiling}
          </Button>
        </div>
      )}
      {step && !confirming && (
        <div>
          <Button
            appearance="primary"
            data-testid="primary-action"
            disabled={working}
            onClick={() => setConfirming(true)}
          >
            {label[step]}
          </Button>
        </div>
      )}
      {step && confirming && (
        <div
          className={styles.confirm}
          role="group"
          aria-label={ACTION_TEXT.confirm}
          data-testid="confirm-action"
        >
          <Text as="p">{question[step]}</Text>
          <div className={styles.buttons}>
            <Button appearance="primary" data-testid="confirm-yes" onClick={() => void run(step)}>
              {label[step]}
            </Button>
            <Button onClick={() => setConfirming(false)}>{ACTION_TEXT.cancel}</Button>
          </div>
        </div>
      )}
      {working && <Spinner size="tiny" label={ACTION_TEXT.working} />}
      {notice && (
        <Text as="p" data-testid="action-notice">
          {notice}
        </Text>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="action-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
