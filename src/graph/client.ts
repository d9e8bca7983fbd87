// The one Graph client: every call, from the task pane or from Node tools, goes through the same
// middleware chain: auth → Prefer: IdType="ImmutableId" → our retry policy → (observer) → fetch.
import { Client, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import type { ScopePurpose, TokenProvider } from '../auth/tokenProvider';
import { AuthMiddleware } from './middleware/authMiddleware';
import { PreferImmutableIdMiddleware } from './middleware/preferImmutableIdMiddleware';
import {
  ResponseObserverMiddleware,
  type ResponseObserver,
} from './middleware/responseObserverMiddleware';
import { RetryMiddleware, type RetryPolicy } from './middleware/retryMiddleware';

export const GRAPH_VERSION = 'v1.0';

export interface GraphClientOptions {
  /** Graph root without version, e.g. https://graph.microsoft.com; '' means the page's own origin. */
  baseUrl: string;
  tokenProvider: TokenProvider;
  /**
   * The scope set this client's tokens carry: 'staff' (default) for the pane's everyday calls;
   * the review's and the admin view's clients ask for theirs, so that their extra scopes are
   * requested only when those views are first used (see src/auth/scopeSets.ts).
   */
  purpose?: ScopePurpose;
  retry?: Partial<RetryPolicy>;
  onResponse?: ResponseObserver;
}

/** The origin requests go to (scheme, host and port, no trailing slash). */
export function resolveGraphOrigin(baseUrl: string): string {
  if (baseUrl === '') {
    const origin = globalThis.location?.origin;
    if (!origin || origin === 'null') {
      throw new Error('graphBaseUrl is empty and there is no page origin to use instead');
    }
    return origin;
  }
  const url = new URL(baseUrl);
  if (url.pathname !== '/' && url.pathname !== '') {
    // The library joins base + version + path; a base with a path would silently be mis-joined.
    throw new Error(
      'graphBaseUrl must be an origin without a path, e.g. https://graph.microsoft.com',
    );
  }
  return url.origin;
}

export function createGraphClient(opts: GraphClientOptions): Client {
  const origin = resolveGraphOrigin(opts.baseUrl);
  const chain: Middleware[] = [
    new AuthMiddleware(opts.tokenProvider, origin, opts.purpose),
    new PreferImmutableIdMiddleware(),
    new RetryMiddleware(opts.retry),
  ];
  if (opts.onResponse) {
    chain.push(new ResponseObserverMiddleware(opts.onResponse));
  }
  chain.push(new HTTPMessageHandler());
  return Client.initWithMiddleware({
    baseUrl: origin,
    defaultVersion: GRAPH_VERSION,
    middleware: chain,
    // Only read by the library's own auth/telemetry handlers (not in our chain); set so that a
    // local service's host is treated like Graph's should any library code consult it.
    customHosts: new Set([new URL(origin).host]),
  });
}

/**
 * The path to pass to `client.api()` for an absolute link Graph returned (@odata.nextLink,
 * @odata.deltaLink). The library only recognises https:// links, so the local service's
 * http:// links would be mangled; stripping origin and version works for both. The request then
 * goes to the client's own origin, so a token never follows a link elsewhere.
 */
export function apiPathFromLink(link: string): string {
  const url = new URL(link);
  const path = url.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '');
  return `${path}${url.search}`;
}
