// Notices the moment sign-in works again after it was needed. The outbox uses it: events that
// waited because nobody was signed in (a restarted pane on a shared PC, an expired session) are
// tried as soon as the user signs in for the verdict, rather than after the outbox's backoff, which
// can have grown to a minute by then.
import { SignInRequiredError, type TokenProvider } from './tokenProvider';

export interface SignInRecovery {
  /** The provider to use everywhere: the wrapped one, watched. */
  provider: TokenProvider;
  /** Calls `listener` each time a token is had again after a sign-in was required. */
  onRecovered(listener: () => void): () => void;
}

export function watchSignInRecovery(inner: TokenProvider): SignInRecovery {
  const listeners = new Set<() => void>();
  let signInNeeded = false;
  const provider: TokenProvider = {
    get method() {
      return inner.method;
    },
    async getAccessToken(purpose) {
      try {
        const token = await inner.getAccessToken(purpose);
        if (signInNeeded) {
          signInNeeded = false;
          // After the caller has its token: a listener's own requests then find it cached.
          queueMicrotask(() => listeners.forEach((listener) => listener()));
        }
        return token;
      } catch (error) {
        if (error instanceof SignInRequiredError) signInNeeded = true;
        throw error;
      }
    },
  };
  return {
    provider,
    onRecovered(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
