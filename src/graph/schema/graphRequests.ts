// Small Graph helpers the provisioner needs: paging, path segments and plain error descriptions.

import type { Client } from '@microsoft/microsoft-graph-client';
import { apiPathFromLink } from '../client';

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Safety stop: a site or list with more pages than this points at a paging bug, not at data. */
const MAX_PAGES = 200;

/**
 * Every item of a collection, following `@odata.nextLink` (made relative: the Graph client only
 * understands https:// links, and a relative link keeps the token on the client's own origin).
 */
export async function getAllPages<T>(client: Client, path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  for (let pageCount = 0; next !== undefined; pageCount++) {
    if (pageCount >= MAX_PAGES) throw new Error(`More than ${MAX_PAGES} pages at ${path}`);
    const page = (await client.api(next).get()) as Page<T>;
    items.push(...(page.value ?? []));
    const link = page['@odata.nextLink'];
    next = link ? apiPathFromLink(link) : undefined;
  }
  return items;
}

/** One path segment. Commas stay readable: site ids are `host,guid,guid` and Graph takes them as is. */
export function pathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}

/** The HTTP status of a failed Graph call (GraphError or GraphAccessError), when there is one. */
export function statusOf(error: unknown): number | undefined {
  const failed = error as { statusCode?: unknown; status?: unknown } | null;
  const status = failed?.statusCode ?? failed?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/**
 * A description of a failed call fit for a console: status and Graph error code only. The
 * service's own message is left out because it can echo request content.
 */
export function describeGraphError(error: unknown): string {
  const status = statusOf(error);
  const code = (error as { code?: unknown } | null)?.code;
  const parts = [
    status !== undefined ? `HTTP ${status}` : undefined,
    typeof code === 'string' && code ? code : undefined,
  ].filter((part): part is string => part !== undefined);
  if (parts.length > 0) return parts.join(' ');
  // Node's fetch reports an unreachable service as a TypeError whose cause carries the code.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? `network error ${cause}` : 'unexpected error';
}
