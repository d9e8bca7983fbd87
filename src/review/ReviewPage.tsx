// review.html: the full-width review for a reviewer at a desk. Signs in as the pane does (MSAL, or
// the local service's tokens in the workbench), checks the reviewer role, and only then loads the
// review service and shows the review. Everyone else is told plainly that it is not for them.
import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReviewService } from '../app/review/types';
import { SignInRequiredError } from '../auth/tokenProvider';
import type { SignedInUser } from '../host/mailHost';
import { ReviewScreen } from '../ui/review/ReviewScreen';
import type { ReviewSession } from '../app/reviewSession';
import { REVIEW_TEXT, signedInAsText } from '../ui/review/reviewText';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    display: 'grid',
    rowGap: tokens.spacingVerticalL,
    maxWidth: '1600px',
    margin: '0 auto',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalL,
    '@media print': { display: 'none' },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

type State =
  | { kind: 'starting' }
  | { kind: 'signIn'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'notReviewer'; user: SignedInUser }
  | { kind: 'ready'; user: SignedInUser; review: ReviewService };

export function ReviewPage({
  start,
  now,
}: {
  /** Signs in and checks the role; called again by "Sign in" and "Try again". */
  start: () => Promise<ReviewSession>;
  now?: () => Date;
}) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'starting' });

  // Sets state only when signing in ends (so it may run from an effect).
  const begin = useCallback(() => {
    start()
      .then(async (session) => {
        if (!session.isReviewer) return setState({ kind: 'notReviewer', user: session.user });
        const review = await session.loadService();
        setState({ kind: 'ready', user: session.user, review });
      })
      .catch((e: unknown) => {
        const message = e instanceof Error ? e.message : REVIEW_TEXT.somethingWrong;
        const kind = (e as { kind?: unknown } | null)?.kind;
        // A refused (wrong) account is a sign-in too: the button lets the right one sign in.
        const signIn =
          e instanceof SignInRequiredError || kind === 'signedOut' || kind === 'wrongAccount';
        setState(signIn ? { kind: 'signIn', message } : { kind: 'error', message });
      });
  }, [start]);

  /** "Sign in" and "Try again": a click, so a sign-in popup may open. */
  const run = () => {
    setState({ kind: 'starting' });
    begin();
  };

  useEffect(() => begin(), [begin]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={700} weight="semibold">
          {REVIEW_TEXT.pageTitle}
        </Text>
        {(state.kind === 'ready' || state.kind === 'notReviewer') && (
          <Text className={styles.muted} data-testid="signed-in-as">
            {signedInAsText(state.user.displayName || state.user.emailAddress)}
          </Text>
        )}
      </header>
      {state.kind === 'starting' && <Spinner label={REVIEW_TEXT.signingIn} />}
      {state.kind === 'signIn' && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.message}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={run}>{REVIEW_TEXT.signIn}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={run}>{REVIEW_TEXT.tryAgain}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.kind === 'notReviewer' && (
        <Text as="p" data-testid="not-reviewer">
          {REVIEW_TEXT.notReviewer}
        </Text>
      )}
      {state.kind === 'ready' && (
        <ReviewScreen review={state.review} layout="page" user={state.user} now={now} />
      )}
    </main>
  );
}
