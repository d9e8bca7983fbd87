import { useEffect, useState } from 'react';
import type { MailHost, OpenMessage } from '../../host/mailHost';

export type OpenMessageState =
  { status: 'loading' } | { status: 'ready'; message: OpenMessage | null };

/** The item open in the host now, following ItemChanged while the pane is pinned. */
export function useOpenMessage(host: MailHost): OpenMessageState {
  const [state, setState] = useState<OpenMessageState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    host
      .getCurrentMessage()
      .then((message) => live && setState({ status: 'ready', message }))
      .catch(() => live && setState({ status: 'ready', message: null }));
    const off = host.onMessageChanged((message) => setState({ status: 'ready', message }));
    return () => {
      live = false;
      off();
    };
  }, [host]);
  return state;
}
