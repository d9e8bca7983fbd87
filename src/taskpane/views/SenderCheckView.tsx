import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MailHost } from '../../host/mailHost';
import type { SenderCheck } from '../../app/senderCheck';
import { useOpenMessage } from '../hooks/useOpenMessage';
import { useSenderVerdict } from '../hooks/useSenderVerdict';
import { VerdictPanel } from '../components/VerdictPanel';
import { CacheStatus } from '../components/CacheStatus';
import type { OpenMessage } from '../../host/mailHost';

const useStyles = makeStyles({
  view: { display: 'grid', rowGap: tokens.spacingVerticalM },
  subject: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

interface Props {
  host: MailHost;
  check: SenderCheck;
  backgroundRefreshMs: number;
}

/** The first thing staff see: is the sender of the open email restricted, and what to do. */
export function SenderCheckView({ host, check, backgroundRefreshMs }: Props) {
  const styles = useStyles();
  const open = useOpenMessage(host);
  if (open.status === 'loading') {
    return <VerdictPanel verdict={null} onRetry={() => undefined} />;
  }
  if (!open.message) {
    return (
      <Text as="p" data-testid="no-item">
        Select an email to check its sender.
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
      />
    </div>
  );
}

function MessageVerdict({
  message,
  check,
  backgroundRefreshMs,
}: {
  message: OpenMessage;
  check: SenderCheck;
  backgroundRefreshMs: number;
}) {
  const styles = useStyles();
  const { state, recheck } = useSenderVerdict(check, message, backgroundRefreshMs);
  const result = state.status === 'done' ? state.result : null;
  return (
    <>
      <Text size={200} className={styles.subject} data-testid="checked-subject">
        {message.from?.address ?? 'No sender'} · {message.subject || '(no subject)'}
      </Text>
      <VerdictPanel verdict={result?.verdict ?? null} onRetry={() => recheck(true)} />
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
