import { Suspense, lazy, useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailHost } from '../../host/mailHost';
import type { SenderCheck } from '../../app/senderCheck';
import { useOpenMessage } from '../hooks/useOpenMessage';
import { useSenderVerdict } from '../hooks/useSenderVerdict';
import { VerdictPanel } from '../components/VerdictPanel';
import { CacheStatus } from '../components/CacheStatus';
import type { OpenMessage } from '../../host/mailHost';
import type { ContactEvents } from '../../app/events/contactEvents';
import type { RestrictedActions } from '../../app/actions/restrictedActions';
import type { LazyService } from '../../app/composition';
import { useLazyService } from '../hooks/useLazyService';
import { looksForwarded } from '../../policy/mailActions/forwardHeader';
import { SENDER_CHECK_TEXT } from '../text';

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

interface Props {
  host: MailHost;
  check: SenderCheck;
  backgroundRefreshMs: number;
  /** Restricted-correspondence actions (issue #4), loaded when needed; absent in tests of the verdict alone. */
  actions?: LazyService<RestrictedActions>;
  /** Logging the email as a contact event (issue #3); absent in tests of the verdict alone. */
  events?: ContactEvents;
}

/** The first thing staff see: is the sender of the open email restricted, and what to do. */
export function SenderCheckView({ host, check, backgroundRefreshMs, actions, events }: Props) {
  const styles = useStyles();
  const open = useOpenMessage(host);
  if (open.status === 'loading') {
    return <VerdictPanel verdict={null} onRetry={() => undefined} />;
  }
  if (!open.message) {
    return (
      <Text as="p" data-testid="no-item">
        {SENDER_CHECK_TEXT.selectEmail}
      </Text>
    );
  }
  return (
    <div className={styles.view}>
      <MessageVerdict
        key={open.message.itemId}
        message={open.message}
        check={check}
        backgroundRefreshMs={backgroundRefreshMs}
        host={host}
        actions={actions}
        events={events}
      />
    </div>
  );
}

function MessageVerdict({
  message,
  check,
  backgroundRefreshMs,
  host,
  actions,
  events,
}: {
  message: OpenMessage;
  check: SenderCheck;
  backgroundRefreshMs: number;
  host: MailHost;
  actions?: LazyService<RestrictedActions>;
  events?: ContactEvents;
}) {
  const styles = useStyles();
  const { state, recheck } = useSenderVerdict(check, message, backgroundRefreshMs);
  const result = state.status === 'done' ? state.result : null;
  const forwarded = looksForwarded(message.subject);
  // The emergency banner (from the actions panel, which reads the body) is shown here, first.
  const [bannerSlot, setBannerSlot] = useState<HTMLDivElement | null>(null);
  const actionsService = useLazyService(
    actions,
    !!result && (result.verdict.kind === 'restricted' || forwarded),
  );
  return (
    <>
      <Text size={200} className={styles.subject} data-testid="checked-subject">
        {message.from?.address ?? SENDER_CHECK_TEXT.noSender} ·{' '}
        {message.subject || SENDER_CHECK_TEXT.noSubject}
      </Text>
      <div ref={setBannerSlot} data-testid="banner-slot" />
      <VerdictPanel verdict={result?.verdict ?? null} onRetry={() => recheck(true)} />
      <Suspense fallback={null}>
        {events && result && <LoggedStatus events={events} message={message} />}
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
