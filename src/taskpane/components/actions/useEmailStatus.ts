import { useCallback } from 'react';
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
): { state: EmailStatusState; reload: () => Promise<void> } {
  const headers = opts.headers === true;
  const status = useAsync(
    useCallback(() => actions.load(message, { headers }), [actions, message, headers]),
  );
  const state: EmailStatusState =
    status.state === 'done'
      ? { kind: 'ready', status: status.value }
      : status.state === 'error'
        ? { kind: 'failed', message: asFailure(status.error).message }
        : { kind: 'loading' };
  // Reads again after an action, keeping what is shown until the new status is in.
  const reload = status.refresh;
  return { state, reload };
}
