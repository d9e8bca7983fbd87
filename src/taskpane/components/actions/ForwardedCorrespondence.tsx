import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RestrictedActions } from '../../../app/actions/restrictedActions';
import type { OpenMessage } from '../../../host/mailHost';
import { EmergencyBanner } from './EmergencyBanner';
import { SpocOutcomes } from './SpocOutcomes';
import { useEmailStatus } from './useEmailStatus';
import { ACTION_TEXT, correspondenceFrom } from './actionText';

const useStyles = makeStyles({ box: { display: 'grid', rowGap: tokens.spacingVerticalS } });

/**
 * The SPOC's side: an email Contact Guard forwarded (recognised by its X-ContactGuard-Forward
 * header). Shows nothing for any other email, or when the email cannot be read (the verdict above
 * already says what it can).
 */
export function ForwardedCorrespondence({
  actions,
  message,
}: {
  actions: RestrictedActions;
  message: OpenMessage;
}) {
  const styles = useStyles();
  const { state, reload } = useEmailStatus(actions, message, { headers: true });
  if (state.kind !== 'ready' || !state.status.state.forwardHeader) return null;
  const { status } = state;
  const header = status.state.forwardHeader!;
  // The forward's own text is read again here; a forward flagged urgent when it was sent keeps the
  // banner even when nothing in the text matches (the header says so).
  const urgent = status.urgency.urgent || header.urgent;
  return (
    <div className={styles.box} data-testid="forwarded-correspondence">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <Text weight="semibold">{correspondenceFrom(header.personName)}</Text>,{' '}
          {ACTION_TEXT.forwardedToYou}
        </MessageBarBody>
      </MessageBar>
      {urgent && <EmergencyBanner matches={status.urgency.matches} />}
      <SpocOutcomes
        actions={actions}
        message={message}
        personName={header.personName}
        status={status}
        onChanged={reload}
      />
    </div>
  );
}
