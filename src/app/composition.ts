// The composition root: the one place where configuration, the mail host, sign-in, the Graph
// layer and the cache are wired together. Views receive what this builds and never build it.
import type { AppConfig } from '../config/appConfig';
import type { MailHost } from '../host/mailHost';
import { createTokenProvider } from '../auth/createTokenProvider';
import { createGraphClient } from '../graph/client';
import { RestrictionsRepository } from '../graph/repositories/restrictionsRepository';
import { RestrictionsCache } from '../cache/restrictionsCache';
import { IndexedDbStore } from '../cache/keyValueStore';
import { SenderCheck } from './senderCheck';

export interface Services {
  config: AppConfig;
  host: MailHost;
  senderCheck: SenderCheck;
}

export function composeServices(config: AppConfig, host: MailHost): Services {
  const tokenProvider = createTokenProvider(config, host);
  const client = createGraphClient({ baseUrl: config.graphBaseUrl, tokenProvider });
  const repository = new RestrictionsRepository(client, config.sharePoint);
  const { hostname, sitePath, lists } = config.sharePoint;
  const cache = new RestrictionsCache({
    repository,
    store: new IndexedDbStore(),
    // One copy per list and per signed-in user: a shared computer never shows one user's copy to another.
    cacheKey: `restrictions|${hostname}${sitePath}|${lists.restrictions}|${host.getUser().emailAddress.toLowerCase()}`,
  });
  const senderCheck = new SenderCheck(cache, {
    trustMs: config.cacheTrustMinutes * 60_000,
    backgroundRefreshMs: config.cacheBackgroundRefreshSeconds * 1000,
  });
  return { config, host, senderCheck };
}
