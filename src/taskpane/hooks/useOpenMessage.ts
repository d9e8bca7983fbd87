import { useCallback, useEffect, useState } from 'react';
import type { MailHost, OpenMessage } from '../../host/mailHost';
import { useAsync, type Async } from '../../ui/useAsync';

/** The open item (null when none is), or loading, or the error when it could not be read. */
export type OpenMessageState = Async<OpenMessage | null>;

/** The item open in the host now, following ItemChanged while the pane is pinned. */
export function useOpenMessage(host: MailHost): OpenMessageState {
  const read = useAsync(useCallback(() => host.getCurrentMessage(), [host]));
  // ItemChanged says what is open now, whatever the first read gave (or failed to give).
  const [changed, setChanged] = useState<{ host: MailHost; message: OpenMessage | null } | null>(
    null,
  );
  useEffect(() => host.onMessageChanged((message) => setChanged({ host, message })), [host]);
  if (changed?.host === host) {
    return { state: 'done', value: changed.message, retry: read.retry, refresh: read.refresh };
  }
  return read;
}
