import { Suspense, lazy, useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useOpenMessage } from '../hooks/useOpenMessage';
import { useSenderVerdict } from '../hooks/useSenderVerdict';
import { VerdictPanel } from '../components/VerdictPanel';
import { CacheStatus } from '../components/CacheStatus';
import type { OpenMessage } from '../../host/mailHost';
import { looksForwarded } from '../../policy/mailActions/forwardHeader';
import { SENDER_CHECK_TEXT } from '../text';
import { useServices } from '../../ui/services';
import { useAsync } from '../../ui/useAsync';
import { AsyncFailure, AsyncView } from '../../ui/AsyncView';

// What can be done with the email is loaded after the verdict is shown, so the verdict never
// waits for the code of forms and actions.
const LoggedStatus = lazy(() =>
  import(/* webpackChunkName: "email-actions" */ '../components/events/LoggedStatus').then((m) => ({
    default: m.LoggedStatus,
  })),
);
const RestrictedActionsPanel = lazy(() =>
  import(
    /* webpackChunkName: "email-actions" */ '../components/actions/RestrictedActionsPanel'
  ).then((m) => ({ default: m.RestrictedActionsPanel })),
);
const ForwardedCorrespondence = lazy(() =>
  import(
    /* webpackChunkName: "email-actions" */ '../components/actions/ForwardedCorrespondence'
  ).then((m) => ({ default: m.ForwardedCorrespondence })),
);

const useStyles = makeStyles({
  view: { display: 'grid', rowGap: tokens.spacingVerticalM },
  subject: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** The first thing staff see: is the sender of the open email restricted, and what to do. */
export function SenderCheckView() {
  const styles = useStyles();
  const { host } = useServices();
  const open = useOpenMessage(host);
  return (
    <AsyncView
      async={open}
      loading={<VerdictPanel verdict={null} onRetry={() => undefined} />}
      failed={SENDER_CHECK_TEXT.emailUnreadable}
    >
      {(message) =>
        message ? (
          <div className={styles.view}>
            <MessageVerdict key={message.itemId} message={message} />
          </div>
        ) : (
          <Text as="p" data-testid="no-item">
            {SENDER_CHECK_TEXT.selectEmail}
          </Text>
        )
      }
    </AsyncView>
  );
}

function MessageVerdict({ message }: { message: OpenMessage }) {
  const { senderCheck: check, config, host, actions } = useServices();
  const backgroundRefreshMs = config.cacheBackgroundRefreshSeconds * 1000;
  const styles = useStyles();
  const { state, recheck } = useSenderVerdict(check, message, backgroundRefreshMs);
  const result = state.status === 'done' ? state.result : null;
  const forwarded = looksForwarded(message.subject);
  // The emergency banner (from the actions panel, which reads the body) is shown here, first.
  const [bannerSlot, setBannerSlot] = useState<HTMLDivElement | null>(null);
  const wanted = !!result && (result.verdict.kind === 'restricted' || forwarded);
  const loadedActions = useAsync(wanted ? actions : null);
  const actionsService = loadedActions.value;
  return (
    <>
      <Text size={200} className={styles.subject} data-testid="checked-subject">
        {message.from?.address ?? SENDER_CHECK_TEXT.noSender} ·{' '}
        {message.subject || SENDER_CHECK_TEXT.noSubject}
      </Text>
      <div ref={setBannerSlot} data-testid="banner-slot" />
      <VerdictPanel verdict={result?.verdict ?? null} onRetry={() => recheck(true)} />
      <Suspense fallback={null}>
        {result && <LoggedStatus message={message} verdictFrom={result.refreshedAt} />}
        {actionsService && result?.verdict.kind === 'restricted' && (
          <RestrictedActionsPanel
            actions={actionsService}
            message={message}
            restriction={result.verdict.restriction}
            matchedAddress={result.verdict.matchedAddress}
            user={host.getUser()}
            bannerSlot={bannerSlot}
          />
        )}
        {actionsService && result && result.verdict.kind !== 'restricted' && forwarded && (
          <ForwardedCorrespondence actions={actionsService} message={message} />
        )}
      </Suspense>
      {wanted && loadedActions.state === 'error' && (
        <AsyncFailure text={SENDER_CHECK_TEXT.actionsUnloadable} retry={loadedActions.retry} />
      )}
      {result && result.verdict.kind !== 'unavailable' && (
        <CacheStatus
          refreshedAt={result.refreshedAt}
          unreadableCount={result.unreadableCount}
          onRefresh={() => recheck(true)}
        />
      )}
    </>
  );
}
