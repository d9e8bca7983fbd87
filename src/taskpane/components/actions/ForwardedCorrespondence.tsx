import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import type { RestrictedActions } from '../../../app/actions/restrictedActions';
import type { OpenMessage } from '../../../host/mailHost';
import { SENDER_CHECK_TEXT, forwardedTitle } from '../../text';
import { VerdictFrame, VerdictPanel } from '../VerdictPanel';
import { ForwardUncheckable } from '../ForwardUncheckable';
import { EmergencyBanner } from './EmergencyBanner';
import { SpocOutcomes } from './SpocOutcomes';
import { useEmailStatus } from './useEmailStatus';

const useStyles = makeStyles({ line: { margin: 0 } });

/**
 * The SPOC's verdict (issue 13, item 2): an email Contact Guard forwarded (recognised by its
 * X-ContactGuard-Forward header) is restricted correspondence, shown as its own verdict with the
 * triage buttons. Its sender is whoever forwarded it (reception), whose own check is clear, so that
 * "clear" is never shown above it: while the header is read the pane says it is still checking,
 * an email whose status cannot be read is "cannot check" (never `otherwise`), a failed re-read
 * (after a triage button) keeps the last status read, and only an email read without the header
 * gets `otherwise`, the sender's verdict.
 */
export function ForwardedCorrespondence({
  actions,
  message,
  otherwise,
  bannerSlot,
}: {
  actions: RestrictedActions;
  message: OpenMessage;
  /** The sender's own verdict, for an email that is not a forward from Contact Guard. */
  otherwise?: ReactNode;
  /** Where the emergency banner goes: above the verdict (never hide urgent mail). */
  bannerSlot?: HTMLElement | null;
}) {
  const styles = useStyles();
  const { state, reload, retry, lastReady } = useEmailStatus(actions, message, { headers: true });
  const status = state.kind === 'ready' ? state.status : lastReady;
  if (!status) {
    if (state.kind === 'loading') return <VerdictPanel verdict={null} onRetry={() => undefined} />;
    return <ForwardUncheckable onRetry={retry} />;
  }
  const header = status.state.forwardHeader;
  if (!header) return <>{otherwise ?? null}</>;
  // The forward's own text is read again here; a forward flagged urgent when it was sent keeps the
  // banner even when nothing in the text matches (the header says so).
  const urgent = status.urgency.urgent || header.urgent;
  const banner = urgent ? <EmergencyBanner matches={status.urgency.matches} /> : null;
  return (
    <>
      {banner && bannerSlot ? createPortal(banner, bannerSlot) : banner}
      <VerdictFrame
        kind="forwarded"
        title={forwardedTitle(header.personName)}
        announce={SENDER_CHECK_TEXT.forwardedNote}
        testId="forwarded-correspondence"
        sticky
      >
        <Text as="p" className={styles.line}>
          {SENDER_CHECK_TEXT.forwardedNote}
        </Text>
        {state.kind === 'failed' && (
          <MessageBar intent="warning" layout="multiline" data-testid="forward-reread-failed">
            <MessageBarBody>{SENDER_CHECK_TEXT.forwardRereadFailed}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={retry}>{SENDER_CHECK_TEXT.tryAgain}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <SpocOutcomes
          actions={actions}
          message={message}
          personName={header.personName}
          status={status}
          onChanged={reload}
          showHeading={false}
        />
      </VerdictFrame>
    </>
  );
}
