import { Suspense, lazy, useState } from 'react';
import { AnnouncerProvider } from '../components/Announcer';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useOpenMessage } from '../hooks/useOpenMessage';
import { useSenderVerdict } from '../hooks/useSenderVerdict';
import { VerdictPanel } from '../components/VerdictPanel';
import { CacheStatus } from '../components/CacheStatus';
import { ForwardUncheckable } from '../components/ForwardUncheckable';
import type { OpenMessage } from '../../host/mailHost';
import { looksForwarded } from '../../policy/mailActions/forwardHeader';
import { isSpoc } from '../../policy/mailActions';
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
  // minWidth 0: a grid item's automatic minimum is its content's width, which would let one long
  // word push the pane sideways at 320 px.
  view: { display: 'grid', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  subject: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  // No gap for an empty banner slot (most emails are not urgent).
  slot: { ':empty': { display: 'none' } },
});

/** The first thing staff see: is the sender of the open email restricted, and what to do. */
export function SenderCheckView() {
  const styles = useStyles();
  const { host } = useServices();
  const open = useOpenMessage(host);
  return (
    <AnnouncerProvider>
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
    </AnnouncerProvider>
  );
}

function MessageVerdict({ message }: { message: OpenMessage }) {
  const { senderCheck: check, config, host, actions } = useServices();
  const backgroundRefreshMs = config.cacheBackgroundRefreshSeconds * 1000;
  const styles = useStyles();
  const { state, recheck } = useSenderVerdict(check, message, backgroundRefreshMs);
  const result = state.status === 'done' ? state.result : null;
  const verdict = result?.verdict ?? null;
  // An email that looks forwarded may be restricted correspondence forwarded to its single point
  // of contact: its own state, shown in place of the sender's verdict (issue 13, item 2).
  const forwarded = looksForwarded(message.subject) && !!verdict && verdict.kind !== 'restricted';
  // The emergency banner (from the actions, which read the body) is shown here, first.
  const [bannerSlot, setBannerSlot] = useState<HTMLDivElement | null>(null);
  const [acted, setActed] = useState(false);
  const wanted = verdict?.kind === 'restricted' || forwarded;
  const loadedActions = useAsync(wanted ? actions : null);
  const actionsService = loadedActions.value;
  const retry = () => recheck(true);
  const actionsFailed = wanted && loadedActions.state === 'error';

  let shown;
  if (verdict?.kind === 'restricted') {
    shown = (
      <VerdictPanel
        verdict={verdict}
        onRetry={retry}
        acted={acted}
        viewerIsSpoc={isSpoc(
          verdict.restriction.spocEmail,
          host.getUser().emailAddress,
          message.sharedMailbox,
        )}
        actions={
          <Suspense fallback={null}>
            {actionsService && (
              <RestrictedActionsPanel
                actions={actionsService}
                message={message}
                restriction={verdict.restriction}
                matchedAddress={verdict.matchedAddress}
                user={host.getUser()}
                bannerSlot={bannerSlot}
                onActed={setActed}
              />
            )}
          </Suspense>
        }
      />
    );
  } else if (forwarded && actionsFailed) {
    // Without the actions the forward header cannot be read: "cannot check", never the sender's
    // clear (issue 13, item 2).
    shown = <ForwardUncheckable onRetry={loadedActions.retry} />;
  } else if (forwarded) {
    const own = <VerdictPanel verdict={verdict} onRetry={retry} />;
    const checking = <VerdictPanel verdict={null} onRetry={retry} />;
    shown = actionsService ? (
      <Suspense fallback={checking}>
        <ForwardedCorrespondence
          actions={actionsService}
          message={message}
          otherwise={own}
          bannerSlot={bannerSlot}
        />
      </Suspense>
    ) : (
      checking
    );
  } else {
    shown = <VerdictPanel verdict={verdict} onRetry={retry} />;
  }

  return (
    <>
      <Text size={200} className={styles.subject} data-testid="checked-subject">
        {message.from?.address ?? SENDER_CHECK_TEXT.noSender} ·{' '}
        {message.subject || SENDER_CHECK_TEXT.noSubject}
      </Text>
      <div ref={setBannerSlot} className={styles.slot} data-testid="banner-slot" />
      {shown}
      {actionsFailed && !forwarded && (
        <AsyncFailure text={SENDER_CHECK_TEXT.actionsUnloadable} retry={loadedActions.retry} />
      )}
      <Suspense fallback={null}>
        {result && <LoggedStatus message={message} verdictFrom={result.refreshedAt} />}
      </Suspense>
      {result && result.verdict.kind !== 'unavailable' && (
        <CacheStatus
          refreshedAt={result.refreshedAt}
          unreadableCount={result.unreadableCount}
          onRefresh={retry}
        />
      )}
    </>
  );
}
