// How anything loaded is shown, the same way everywhere: a spinner while it loads, a plain
// sentence with "Try again" when it failed, and the result once it is in.
import type { ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import type { Async } from './useAsync';
import { UI_TEXT } from './uiText';

export interface AsyncViewProps<T> {
  async: Async<T>;
  /** Beside the spinner ("Loading the review…"), or what to show instead of a spinner. */
  loading: ReactNode;
  /**
   * The plain sentence shown when it failed ("The review could not be loaded."). Never the
   * error's own message: it may carry an address, a name or a token.
   */
  failed: string;
  children: (value: T) => ReactNode;
}

export function AsyncView<T>({ async, loading, failed, children }: AsyncViewProps<T>) {
  switch (async.state) {
    case 'loading':
      return typeof loading === 'string' ? (
        <Spinner size="tiny" label={loading} data-testid="async-loading" />
      ) : (
        <>{loading}</>
      );
    case 'error':
      return <AsyncFailure text={failed} retry={async.retry} />;
    case 'done':
      return <>{children(async.value)}</>;
  }
}

/** A failed load in plain words, with "Try again" (which loads again). */
export function AsyncFailure({ text, retry }: { text: string; retry: () => void }) {
  return (
    <MessageBar intent="error" data-testid="async-error">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={retry}>
          {UI_TEXT.tryAgain}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
