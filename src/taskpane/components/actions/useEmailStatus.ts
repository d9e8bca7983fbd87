import { useCallback, useEffect, useState } from 'react';
import {
  asFailure,
  type EmailStatus,
  type RestrictedActions,
} from '../../../app/actions/restrictedActions';
import type { OpenMessage } from '../../../host/mailHost';

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
  const [state, setState] = useState<EmailStatusState>({ kind: 'loading' });
  const headers = opts.headers === true;
  const reload = useCallback(async () => {
    try {
      const status = await actions.load(message, { headers });
      setState({ kind: 'ready', status });
    } catch (e) {
      setState({ kind: 'failed', message: asFailure(e).message });
    }
  }, [actions, message, headers]);
  useEffect(() => {
    let live = true;
    actions.load(message, { headers }).then(
      (status) => live && setState({ kind: 'ready', status }),
      (e: unknown) => live && setState({ kind: 'failed', message: asFailure(e).message }),
    );
    return () => {
      live = false;
    };
  }, [actions, message, headers]);
  return { state, reload };
}
