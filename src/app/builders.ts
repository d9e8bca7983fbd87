// The composition root's builders: what the task pane (composition.ts, `composeServices`) and
// review.html (reviewSession.ts, `composeReviewPage`) wire the same way — the Graph call surface
// per scope set, the roles, and the lazily loaded review service. Each page brings its own sign-in
// (the pane's nested app auth or Office dialog; the page's MSAL popup) and calls these, so nothing
// is wired twice. Kept apart from composition.ts so that review.html does not bundle the pane's
// sender check, cache and outbox.
import type { AppConfig } from '../config/appConfig';
import type { TokenProvider } from '../auth/tokenProvider';
import type { ScopePurpose } from '../auth/scopeSets';
import { createGraphClient } from '../graph/client';
import { GraphCalls } from '../graph/graphCalls';
import type { SignedInUser } from '../host/mailHost';
import { GraphRoles, type Roles } from './roles';
import type { ReviewService } from './review/types';

/** A service built when first asked for, so that its code is fetched only then. */
export type LazyService<T> = () => Promise<T>;

export function lazyService<T>(load: () => Promise<T>): LazyService<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined; // a failed load (say, offline) is tried again next time
      throw error;
    }));
}

/**
 * The one call surface every repository and service uses (src/graph/graphCalls.ts), once per scope
 * set: staff features use the staff client; the review and the admin view use their own, whose
 * first request asks for the reviewer's or admin's extra scopes (incremental consent), so that
 * signing in never asks a receptionist for them (src/auth/scopeSets.ts).
 */
export function graphCallsFor(
  config: Pick<AppConfig, 'graphBaseUrl'>,
  tokenProvider: TokenProvider,
): (purpose: ScopePurpose) => GraphCalls {
  const built = new Map<ScopePurpose, GraphCalls>();
  return (purpose) => {
    let calls = built.get(purpose);
    if (!calls) {
      calls = new GraphCalls(
        createGraphClient({ baseUrl: config.graphBaseUrl, tokenProvider, purpose }),
      );
      built.set(purpose, calls);
    }
    return calls;
  };
}

/** Admin / reviewer roles from Entra groups (one checkMemberGroups, on the staff client). */
export function rolesFor(config: Pick<AppConfig, 'groups'>, staff: GraphCalls): Roles {
  return new GraphRoles(staff, config.groups);
}

/**
 * The head teacher's review (issue #5), its code fetched only when first asked for (the
 * "review-service" chunk), on the reviewer's client.
 */
export function lazyReviewService(deps: {
  config: AppConfig;
  calls: (purpose: ScopePurpose) => GraphCalls;
  user: SignedInUser | (() => SignedInUser);
}): LazyService<ReviewService> {
  return lazyService(() =>
    import(/* webpackChunkName: "review-service" */ './review/reviewService').then((m) =>
      m.createReviewService({
        config: deps.config,
        client: deps.calls('reviewer'),
        user: deps.user,
      }),
    ),
  );
}
