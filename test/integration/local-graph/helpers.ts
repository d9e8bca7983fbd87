// Shared helpers for the local Graph service tests: real HTTP against startLocalGraph({ port: 0 }).
import path from 'node:path';
import {
  type LocalGraphOptions,
  type RunningLocalGraph,
  startLocalGraph,
} from '../../../dev/local-graph';

export const RECEPTION = 'local:reception@oakfield.sch.uk';
/**
 * The demo site's owner (Full Control on every list): the tests of list mechanics (paging,
 * columns, ETags, delta, dates) write as them, since staff only read Contact Restrictions.
 */
export const SITE_OWNER = 'local:it.admin@oakfield.sch.uk';
export const SITE_BY_PATH = '/sites/oakfield.sharepoint.com:/sites/ContactGuard';
export const RESTRICTIONS = `${SITE_BY_PATH}:/lists/Contact%20Restrictions`;
export const MALFORMED_SEED = path.join(
  __dirname,
  '../../../dev/local-graph/seeds/test-malformed.json',
);

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export class GraphTestClient {
  constructor(
    readonly graph: RunningLocalGraph,
    private readonly token: string | null = RECEPTION,
  ) {}

  as(token: string | null): GraphTestClient {
    return new GraphTestClient(this.graph, token);
  }

  /** `pathOrUrl` is a path below /v1.0 or an absolute URL (nextLink/deltaLink). */
  async call<T = Record<string, unknown>>(
    method: string,
    pathOrUrl: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.graph.url}/v1.0${pathOrUrl}`;
    const res = await fetch(url, {
      method,
      headers: {
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  }

  get<T = Record<string, unknown>>(p: string, headers?: Record<string, string>) {
    return this.call<T>('GET', p, undefined, headers);
  }
}

export async function startClient(opts: LocalGraphOptions = {}): Promise<GraphTestClient> {
  return new GraphTestClient(await startLocalGraph({ port: 0, ...opts }));
}

export interface ListItemBody {
  id: string;
  fields?: Record<string, unknown>;
  deleted?: { state: string };
}

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}
