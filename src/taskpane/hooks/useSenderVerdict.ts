import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenMessage } from '../../host/mailHost';
import type { SenderCheck, SenderCheckResult } from '../../app/senderCheck';
import type { UnavailableReason } from '../../policy/types';

const AUTO_RETRY_MS = 20_000;
const AUTO_RETRY_REASONS = new Set<UnavailableReason>(['offline', 'throttled', 'serviceError']);

export type VerdictState =
  { status: 'checking' } | { status: 'done'; result: SenderCheckResult; checkedAt: number };

/**
 * The verdict for the open email. Only the answer for the email still open is shown: a slow
 * answer for an email the user has moved away from is dropped.
 */
export function useSenderVerdict(
  check: SenderCheck,
  message: OpenMessage | null,
  backgroundRefreshMs: number,
): { state: VerdictState; recheck: (forceRefresh?: boolean) => void } {
  const [state, setState] = useState<VerdictState>({ status: 'checking' });
  const generation = useRef(0);

  const run = useCallback(
    (forceRefresh: boolean) => {
      if (!message) return;
      const mine = ++generation.current;
      check
        .check(message, { forceRefresh })
        .then((result) => {
          if (mine === generation.current)
            setState({ status: 'done', result, checkedAt: Date.now() });
        })
        .catch(() => {
          // check() reports failures as verdicts; anything else is a bug, and still never "clear".
          if (mine === generation.current)
            setState({
              status: 'done',
              result: {
                verdict: { kind: 'unavailable', reason: 'serviceError' },
                unreadableCount: 0,
                restrictionCount: 0,
              },
              checkedAt: Date.now(),
            });
        });
    },
    [check, message],
  );

  // The view is keyed by item, so a new email starts from 'checking' with fresh state.
  useEffect(() => run(false), [run]);

  // A newer copy of the restrictions arrived in the background: check the open email again.
  useEffect(() => check.onRestrictionsUpdated(() => run(false)), [check, run]);

  // A pane left open on one email keeps its copy fresh.
  useEffect(() => {
    const timer = setInterval(() => check.refreshIfDue(), backgroundRefreshMs);
    return () => clearInterval(timer);
  }, [check, backgroundRefreshMs]);

  // "Cannot check" because the service was unreachable or busy: try again by itself a little later,
  // so a receptionist who leaves the pane open gets the verdict without pressing anything.
  const retryable =
    state.status === 'done' &&
    state.result.verdict.kind === 'unavailable' &&
    AUTO_RETRY_REASONS.has(state.result.verdict.reason);
  useEffect(() => {
    if (!retryable) return;
    const timer = setTimeout(() => run(true), AUTO_RETRY_MS);
    return () => clearTimeout(timer);
  }, [retryable, run, state]);

  const recheck = (forceRefresh = true) => {
    setState({ status: 'checking' });
    run(forceRefresh);
  };
  return { state, recheck };
}
