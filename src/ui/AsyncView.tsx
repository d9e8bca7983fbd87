// How anything loaded is shown, the same way everywhere: a spinner while it loads, a plain
// sentence with "Try again" when it failed, and the result once it is in.
import type { ReactNode } from 'react';
// Button, Spinner and Text are in the pane's first chunk already; Fluent's MessageBar is not
// (about 8 KB gzip), so the failure is drawn here with tokens instead.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
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

const useStyles = makeStyles({
  failure: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
  },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

/** A failed load in plain words, with "Try again" (which loads again); announced as an alert. */
export function AsyncFailure({ text, retry }: { text: string; retry: () => void }) {
  const styles = useStyles();
  return (
    <div role="alert" className={styles.failure} data-testid="async-error">
      <Text className={styles.text}>{text}</Text>
      <Button size="small" onClick={retry}>
        {UI_TEXT.tryAgain}
      </Button>
    </div>
  );
}
