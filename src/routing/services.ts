// Wires the reconciler's parts for one run: the Graph client, the repositories, the tenant's
// verified domains and the restrictions cache (delta reads, kept in a key-value store between runs).
import type { TokenProvider } from '../auth/tokenProvider';
import type { KeyValueStore } from '../cache/keyValueStore';
import { RestrictionsCache } from '../cache/restrictionsCache';
import { createGraphClient } from '../graph/client';
import { GraphCalls } from '../graph/graphCalls';
import type { ResponseObserver } from '../graph/middleware/responseObserverMiddleware';
import { RestrictionsRepository } from '../graph/repositories/restrictionsRepository';
import { RoutingStatusRepository } from '../graph/repositories/routingStatusRepository';
import { SettingsRepository } from '../graph/repositories/settingsRepository';
import { readTenantEmailDomains } from '../graph/repositories/tenantDomains';
import type { AppConfig } from '../config/appConfig';
import { todayInLondon } from '../policy/londonDate';
import type { ReconcilerDeps } from './reconciler';

export interface RoutingServicesOptions {
  graphUrl: string;
  tokenProvider: TokenProvider;
  sharePoint: AppConfig['sharePoint'];
  mail: Pick<AppConfig['mail'], 'restrictedFolderName'>;
  store: KeyValueStore;
  now?: () => Date;
  onResponse?: ResponseObserver;
  /** Tests: shorter retry waits. */
  retry?: { maxDelayMs?: number; baseDelayMs?: number };
}

export function routingServices(opts: RoutingServicesOptions): ReconcilerDeps {
  const client = new GraphCalls(
    createGraphClient({
      baseUrl: opts.graphUrl,
      tokenProvider: opts.tokenProvider,
      ...(opts.onResponse ? { onResponse: opts.onResponse } : {}),
      ...(opts.retry ? { retry: opts.retry } : {}),
    }),
  );
  const now = opts.now ?? (() => new Date());
  const { hostname, sitePath, lists } = opts.sharePoint;
  return {
    client,
    settings: new SettingsRepository(client, opts.sharePoint),
    status: new RoutingStatusRepository(client, opts.sharePoint),
    restrictions: new RestrictionsCache({
      repository: new RestrictionsRepository(client, opts.sharePoint),
      store: opts.store,
      cacheKey: `routing|${hostname}${sitePath}|${lists.restrictions}`,
      now,
    }),
    defaults: { folderName: opts.mail.restrictedFolderName },
    tenantDomains: () => readTenantEmailDomains(client),
    today: todayInLondon(now()),
    now,
  };
}
