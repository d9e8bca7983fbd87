import { useCallback, useState } from 'react';
import {
  asFailure,
  type EmailStatus,
  type RestrictedActions,
} from '../../../app/actions/restrictedActions';
import type { OpenMessage } from '../../../host/mailHost';
import { useAsync } from '../../../ui/useAsync';

export type EmailStatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: EmailStatus }
  | { kind: 'failed'; message: string };

/** What has been done to the open email (its marks), read when it opens and after each action. */
export function useEmailStatus(
  actions: RestrictedActions,
  message: OpenMessage,
  opts: { headers?: boolean } = {},
): {
  state: EmailStatusState;
  reload: () => Promise<void>;
  /** Back to loading, and read again (a "Try again" button). */
  retry: () => void;
  /**
   * The last status read for this email, kept while it is read again and when a later read fails
   * (the SPOC's forwarded verdict must not vanish because a re-read failed: issue 13, item 2).
   */
  lastReady?: EmailStatus;
} {
  const headers = opts.headers === true;
  const load = useCallback(() => actions.load(message, { headers }), [actions, message, headers]);
  const status = useAsync(load);
  // Information from earlier renders, kept the way React's docs describe (set during render).
  const [last, setLast] = useState<{ load: typeof load; status: EmailStatus } | null>(null);
  if (status.state === 'done' && (last?.load !== load || last.status !== status.value)) {
    setLast({ load, status: status.value });
  }
  const lastReady =
    status.state === 'done' ? status.value : last?.load === load ? last.status : undefined;
  const state: EmailStatusState =
    status.state === 'done'
      ? { kind: 'ready', status: status.value }
      : status.state === 'error'
        ? { kind: 'failed', message: asFailure(status.error).message }
        : { kind: 'loading' };
  // Reads again after an action, keeping what is shown until the new status is in.
  const reload = status.refresh;
  return { state, reload, retry: status.retry, lastReady };
}
