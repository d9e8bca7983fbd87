// review.html's variant of the composition root (the pane's is composition.ts), built from the same
// builders (builders.ts): its own sign-in (MSAL popup or redirect, or the local service's tokens in
// the workbench), who is signed in (GET /me), whether they are a reviewer (the same
// checkMemberGroups as the pane), and — only for a reviewer — the review service, loaded on demand.
// A member of staff who is not a reviewer never loads its code or data.
import type { AppConfig } from '../config/appConfig';
import { createBrowserTokenProvider } from '../auth/createTokenProvider';
import type { ReviewService } from './review/types';
import type { SignedInUser } from '../host/mailHost';
import { graphCallsFor, lazyReviewService, rolesFor } from './builders';

export interface ReviewSession {
  user: SignedInUser;
  isReviewer: boolean;
  /** Throws when called for someone who is not a reviewer. */
  loadService(): Promise<ReviewService>;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Signs in, reads who it is and whether they are a reviewer. Called again by the page's "Sign in"
 * and "Try again" (a click, so that a sign-in popup may open).
 */
export async function composeReviewPage(
  config: AppConfig,
  loginHint: string | undefined,
): Promise<ReviewSession> {
  const tokenProvider = createBrowserTokenProvider(config, loginHint);
  // First of all: when the popup was blocked the page signed in with a redirect, and MSAL's
  // redirect bridge (auth-dialog.html) has just navigated back here with the answer.
  await tokenProvider.handleRedirectPromise();
  const calls = graphCallsFor(config, tokenProvider);
  const me = await calls('staff').get<Record<string, unknown>>(
    '/me?$select=displayName,mail,userPrincipalName',
  );
  const user: SignedInUser = {
    displayName: text(me.displayName),
    emailAddress: text(me.mail) || text(me.userPrincipalName),
  };
  const isReviewer = await rolesFor(config, calls('staff')).has('reviewer');
  // The review's own client: its first request asks for the reviewer's extra scopes, if any.
  const review = lazyReviewService({ config, calls, user });
  return {
    user,
    isReviewer,
    loadService: () =>
      isReviewer ? review() : Promise.reject(new Error('The review is for reviewers only.')),
  };
}
