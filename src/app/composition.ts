// The composition root: the one place where configuration, the mail host, sign-in, the Graph
// layer and the cache are wired together. Views take what this builds from the services context
// (src/ui/services.tsx) and never build it. The task pane uses `composeServices`; review.html uses
// `composeReviewPage` (reviewSession.ts); both are built from the same builders (builders.ts).
import type { AppConfig } from '../config/appConfig';
import type { MailHost } from '../host/mailHost';
import { createTokenProvider, type TokenProviderEnvironment } from '../auth/createTokenProvider';
import { watchSignInRecovery } from '../auth/signInRecovery';
import { RestrictionsRepository } from '../graph/repositories/restrictionsRepository';
import { RestrictionsCache } from '../cache/restrictionsCache';
import { IndexedDbStore } from '../cache/keyValueStore';
import { allSendTimeStorages, saveSendTimeCache } from '../cache/sendTimeStore';
import { SenderCheck } from './senderCheck';
import { forgetOtherUsers } from './forgetOtherUsers';
import type { Roles } from './roles';
import type { AdminRouting } from './admin/adminRouting';
import { createContactEvents, type ContactEvents } from './events/createContactEvents';
import type { RestrictedActions } from './actions/restrictedActions';
import type { ReviewService } from './review/types';
import type { ComposeGuard } from './compose/composeGuard';
import {
  graphCallsFor,
  lazyReviewService,
  lazyService,
  rolesFor,
  type LazyService,
} from './builders';

export { lazyService, type LazyService };

export interface Services {
  config: AppConfig;
  host: MailHost;
  senderCheck: SenderCheck;
  /** Admin / reviewer roles from Entra groups (checkMemberGroups). */
  roles: Roles;
  /** The admin view's Settings, routing report and own-mailbox rules (issue #6), loaded when opened. */
  admin: LazyService<AdminRouting>;
  /** Logging contact events (issue #3): the form's rules, the outbox, the email's logged state. */
  events: ContactEvents;
  /**
   * Acting on restricted correspondence (issue #4): forward to the SPOC, file, the SPOC's
   * outcomes. Loaded after a verdict that needs it, so the verdict never waits for its code.
   */
  actions: LazyService<RestrictedActions>;
  /** The head teacher's review (issue #5): reviewers only, loaded when the Review view opens. */
  review: LazyService<ReviewService>;
  /**
   * The compose pane (issue 12): the send-time verdict on the email being written and the two
   * ways on from a stop. Null when the pane shows a received email; loaded when first used.
   */
  compose: LazyService<ComposeGuard> | null;
}

export function composeServices(
  config: AppConfig,
  host: MailHost,
  signInEnvironment?: TokenProviderEnvironment,
): Services {
  const signIn = watchSignInRecovery(createTokenProvider(config, host, signInEnvironment));
  const tokenProvider = signIn.provider;
  // One Graph call surface per scope set (builders.ts): the staff client for everyday features.
  const clientFor = graphCallsFor(config, tokenProvider);
  const client = clientFor('staff');
  const repository = new RestrictionsRepository(client, config.sharePoint);
  const { hostname, sitePath, lists } = config.sharePoint;
  const restrictionsStore = new IndexedDbStore();
  // A shared computer: when someone else used the pane last, their restrictions copies go (their
  // outboxes stay, keyed by user). Only other users' keys are touched, so the cache may load
  // this user's copy meanwhile. See forgetOtherUsers.ts.
  void forgetOtherUsers({ user: host.getUser().emailAddress, restrictionsStore }).catch(
    () => undefined,
  );
  const cache = new RestrictionsCache({
    repository,
    store: restrictionsStore,
    // One copy per list and per signed-in user: a shared computer never shows one user's copy to another.
    cacheKey: `restrictions|${hostname}${sitePath}|${lists.restrictions}|${host.getUser().emailAddress.toLowerCase()}`,
    // Each fresh read also becomes the send-time handlers' cache (issue 12, src/launchevent), in
    // every store this runtime has, so that the next Send is decided from it at once.
    onRefreshed: (snapshot) =>
      Promise.all(
        allSendTimeStorages().map((storage) =>
          saveSendTimeCache(
            storage,
            host.getUser().emailAddress,
            snapshot,
            new Date(snapshot.refreshedAt),
          ),
        ),
      ).then(() => undefined),
  });
  const senderCheck = new SenderCheck(cache, {
    trustMs: config.cacheTrustMinutes * 60_000,
    backgroundRefreshMs: config.cacheBackgroundRefreshSeconds * 1000,
  });
  const events = createContactEvents({ config, host, client, restrictions: cache });
  // Events that waited for a sign-in go as soon as the user has signed in again.
  signIn.onRecovered(() => void events.outbox.tryWaitingNow());
  const actions = lazyService(() =>
    import(/* webpackChunkName: "email-actions" */ './actions/createRestrictedActions').then((m) =>
      m.createRestrictedActions({ config, host, client }),
    ),
  );
  const roles = rolesFor(config, client);
  const admin = lazyService(() =>
    import(/* webpackChunkName: "admin" */ './admin/adminRouting').then(
      (m) =>
        new m.AdminRouting(clientFor('admin'), config, cache, () => host.getUser().emailAddress),
    ),
  );
  const review = lazyReviewService({ config, calls: clientFor, user: () => host.getUser() });
  const composeItem = host.getCompose?.() ?? null;
  const compose = composeItem
    ? lazyService(() =>
        import(/* webpackChunkName: "compose" */ './compose/createComposeGuard').then((m) =>
          m.createComposeGuard({ config, host, compose: composeItem, client, senderCheck }),
        ),
      )
    : null;
  return { config, host, senderCheck, events, actions, roles, admin, review, compose };
}
