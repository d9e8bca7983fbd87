// The review page's sign-in and role check: who is signed in (GET /me), whether they are a
// reviewer (the same checkMemberGroups as the pane), and — only for a reviewer — the review
// service, loaded on demand. A member of staff who is not a reviewer never loads its code or data.
import type { AppConfig } from '../config/appConfig';
import { createBrowserTokenProvider } from '../auth/createTokenProvider';
import { createGraphClient } from '../graph/client';
import { GraphCalls } from '../graph/graphCalls';
import { GraphRoles } from '../app/roles';
import type { ReviewService } from '../app/review/types';
import type { SignedInUser } from '../host/mailHost';

export interface ReviewSession {
  user: SignedInUser;
  isReviewer: boolean;
  /** Throws when called for someone who is not a reviewer. */
  loadService(): Promise<ReviewService>;
}

export type ServiceLoader = (deps: {
  config: AppConfig;
  client: GraphCalls;
  user: SignedInUser;
}) => Promise<ReviewService>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export async function startReviewSession(
  config: AppConfig,
  loginHint: string | undefined,
  loadService: ServiceLoader,
): Promise<ReviewSession> {
  const tokenProvider = createBrowserTokenProvider(config, loginHint);
  // First of all: when the popup was blocked the page signed in with a redirect, and MSAL's
  // redirect bridge (auth-dialog.html) has just navigated back here with the answer.
  await tokenProvider.handleRedirectPromise();
  const calls = new GraphCalls(createGraphClient({ baseUrl: config.graphBaseUrl, tokenProvider }));
  const me = await calls.get<Record<string, unknown>>(
    '/me?$select=displayName,mail,userPrincipalName',
  );
  const user: SignedInUser = {
    displayName: text(me.displayName),
    emailAddress: text(me.mail) || text(me.userPrincipalName),
  };
  const isReviewer = await new GraphRoles(calls, config.groups).has('reviewer');
  let service: Promise<ReviewService> | undefined;
  return {
    user,
    isReviewer,
    loadService: () => {
      if (!isReviewer) return Promise.reject(new Error('The review is for reviewers only.'));
      // The review's own client: its first request asks for the reviewer's extra scopes, if any.
      const reviewCalls = new GraphCalls(
        createGraphClient({ baseUrl: config.graphBaseUrl, tokenProvider, purpose: 'reviewer' }),
      );
      service ??= loadService({ config, client: reviewCalls, user }).catch((e: unknown) => {
        service = undefined;
        throw e;
      });
      return service;
    },
  };
}
