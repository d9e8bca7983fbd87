// Refreshes the send-time cache from the Contact Restrictions list (issue 12), in the event
// handlers' runtime: a silent token (nested app authentication, never a window: there is none),
// then the list read through the one Graph call surface and repository the pane uses, then the
// cache written to OfficeRuntime.storage. Any failure rejects; the handler then decides from the
// cache it has, or lets the mail go unchecked (handlers.ts).
//
// Known limits in classic Outlook on Windows (JavaScript-only runtime): nested app authentication
// there needs the add-in's origin to list launchevent.js in
// /.well-known/microsoft-officeaddins-allowed.json (the production build emits it), and users report
// silent token failures in the on-send runtime; both end in the cache fallback, never in a stop.
import type { AppConfig } from '../config/appConfig';
import { authorityOf, authPageUrl } from '../auth/authUrls';
import { createLocalTokenProvider } from '../auth/localTokenProvider';
import { msalConfiguration } from '../auth/msalConfiguration';
import { createPaneTokenProvider } from '../auth/msalTokenProvider';
import type { OfficeSignInApi } from '../auth/officeSignInApi';
import { SignInRequiredError, type TokenProvider } from '../auth/tokenProvider';
import { saveSendTimeCache, type SendTimeStorage } from '../cache/sendTimeStore';
import { createGraphClient } from '../graph/client';
import { GraphCalls } from '../graph/graphCalls';
import { RestrictionsRepository } from '../graph/repositories/restrictionsRepository';
import { parseRestrictionItems } from '../policy/restrictionItem';

export type SendTimeRefresher = (user: string) => Promise<void>;

function silentTokenProvider(
  config: AppConfig,
  user: string,
  office: OfficeSignInApi | undefined,
): TokenProvider {
  if (config.auth.mode === 'local') return createLocalTokenProvider(user);
  if (!config.auth.clientId)
    return {
      method: 'nestedAppAuth',
      getAccessToken: () => Promise.reject(new SignInRequiredError('Sign-in is not configured.')),
    };
  const origin = globalThis.location?.origin ?? '';
  let useNestedAppAuth = false;
  try {
    useNestedAppAuth =
      office?.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false;
  } catch {
    useNestedAppAuth = false;
  }
  return createPaneTokenProvider({
    configuration: msalConfiguration({
      clientId: config.auth.clientId,
      authority: authorityOf(config.auth),
      redirectUri: authPageUrl(origin),
    }),
    scopes: config.auth,
    mailboxUser: user,
    useNestedAppAuth,
    interactive: false,
    office,
    // No Office dialog from an event: it would need the user.
    dialog: {
      method: 'officeDialog',
      getAccessToken: () =>
        Promise.reject(new SignInRequiredError('Sign-in needs you: open Contact Guard.')),
    },
  });
}

export function createSendTimeRefresher(options: {
  config: AppConfig;
  storage: SendTimeStorage;
  office?: OfficeSignInApi;
  now?: () => Date;
}): SendTimeRefresher {
  const now = options.now ?? (() => new Date());
  const providers = new Map<string, TokenProvider>();
  return async (user) => {
    let tokenProvider = providers.get(user);
    if (!tokenProvider) {
      tokenProvider = silentTokenProvider(options.config, user, options.office);
      providers.set(user, tokenProvider);
    }
    const calls = new GraphCalls(
      createGraphClient({ baseUrl: options.config.graphBaseUrl, tokenProvider, purpose: 'staff' }),
    );
    const repository = new RestrictionsRepository(calls, options.config.sharePoint);
    const readAt = now();
    const { items } = await repository.readAll();
    await saveSendTimeCache(options.storage, user, parseRestrictionItems(items), readAt);
  };
}
