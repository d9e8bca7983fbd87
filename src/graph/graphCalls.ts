// The one call surface over the Graph client. Every repository and service reaches Graph through
// these few verbs, so the rules of talking to Microsoft 365 live in one place (as PnPjs keeps
// parsing and error checks in one behaviour):
// - a failure is always a GraphAccessError (never the library's error, never a raw body);
// - collections are paged by following `@odata.nextLink` as an opaque link, made relative so the
//   token stays on the client's own origin (client.ts, apiPathFromLink), with a safety stop;
// - `If-Match` and "safe to send twice" (RetrySafety, read by the retry middleware) are options,
//   not headers and middleware options each caller assembles.
// Batching is the batcher's (batch.ts), built over the same client by `batcher()`.
import { type Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { GraphBatcher, type BatchOptions } from './batch';
import { apiPathFromLink } from './client';
import { GraphAccessError, toGraphAccessError } from './errors';
import { RetrySafety } from './middleware/retryMiddleware';

export interface CallOptions {
  /** Extra request headers (Prefer, ConsistencyLevel…). */
  headers?: Record<string, string>;
  /** ETag the resource must still have: otherwise the call fails as preconditionFailed. */
  ifMatch?: string;
  /**
   * The request may be sent again after a 503/504 or a lost answer: it sets a whole state, or
   * carries a key the service refuses twice. GET, PUT and DELETE always may.
   */
  idempotent?: boolean;
}

export interface Page<T> {
  value: T[];
  /** Present on the last page of a delta enumeration. */
  deltaLink?: string;
}

export interface PagingOptions extends CallOptions {
  /** Safety stop: more pages than this points at a paging bug, not at data. Default 200. */
  maxPages?: number;
}

const DEFAULT_MAX_PAGES = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The Graph client or GraphCalls around one: what graphCallsOf takes. Named here so that code
 * outside src/graph can take either without importing @microsoft/microsoft-graph-client (the
 * layer rules of eslint.config.mjs).
 */
export type GraphClientOrCalls = Client | GraphCalls;

/**
 * The call surface for a caller handed either one (a composition root that still passes the bare
 * client builds it here; one passing GraphCalls keeps it).
 */
export function graphCallsOf(client: GraphClientOrCalls): GraphCalls {
  return client instanceof GraphCalls ? client : new GraphCalls(client);
}

export class GraphCalls {
  constructor(readonly client: Client) {}

  get<T = unknown>(path: string, options: CallOptions = {}): Promise<T> {
    return this.send<T>('GET', path, undefined, options);
  }

  /** The resource as text (a message's MIME at `$value`). */
  getText(path: string, options: CallOptions = {}): Promise<string> {
    return this.send<string>('GET', path, undefined, options, ResponseType.TEXT);
  }

  post<T = unknown>(path: string, body: unknown, options: CallOptions = {}): Promise<T> {
    return this.send<T>('POST', path, body, options);
  }

  patch<T = unknown>(path: string, body: unknown, options: CallOptions = {}): Promise<T> {
    return this.send<T>('PATCH', path, body, options);
  }

  async delete(path: string, options: CallOptions = {}): Promise<void> {
    await this.send<unknown>('DELETE', path, undefined, options);
  }

  /**
   * A collection page by page, following `@odata.nextLink` until the last page. A page that is not
   * a collection, or a collection that never ends, fails: a partial list must never pass as whole.
   */
  async *pages<T = unknown>(path: string, options: PagingOptions = {}): AsyncGenerator<Page<T>> {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    let next: string | undefined = path;
    for (let count = 0; next !== undefined; count += 1) {
      if (count >= maxPages) throw new GraphAccessError('unknown', { code: 'tooManyPages' });
      const body: unknown = await this.get(next, options);
      if (!isRecord(body) || !Array.isArray(body.value)) {
        throw new GraphAccessError('unknown', { code: 'pageUnreadable' });
      }
      const nextLink = body['@odata.nextLink'];
      const deltaLink = body['@odata.deltaLink'];
      next = typeof nextLink === 'string' ? apiPathFromLink(nextLink) : undefined;
      yield {
        value: body.value as T[],
        ...(typeof deltaLink === 'string' ? { deltaLink } : {}),
      };
    }
  }

  /** Every entry of a collection (all its pages). */
  async all<T = unknown>(path: string, options: PagingOptions = {}): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages<T>(path, options)) out.push(...page.value);
    return out;
  }

  /** A batcher over the same client (JSON batching within Graph's limits: batch.ts). */
  batcher(options: Partial<BatchOptions> = {}): GraphBatcher {
    return new GraphBatcher(this.client, options);
  }

  private async send<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    options: CallOptions,
    responseType?: ResponseType,
  ): Promise<T> {
    let request = this.client.api(path);
    const headers = { ...(options.headers ?? {}) };
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    if (Object.keys(headers).length > 0) request = request.headers(headers);
    if (options.idempotent !== undefined)
      request = request.middlewareOptions([new RetrySafety({ idempotent: options.idempotent })]);
    if (responseType !== undefined) request = request.responseType(responseType);
    try {
      switch (method) {
        case 'GET':
          return (await request.get()) as T;
        case 'POST':
          return (await request.post(body)) as T;
        case 'PATCH':
          return (await request.patch(body)) as T;
        case 'DELETE':
          return (await request.delete()) as T;
      }
    } catch (e) {
      throw toGraphAccessError(e);
    }
  }
}
