// Small Graph helpers the provisioner needs: paging, path segments and plain error descriptions.

import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphCalls } from '../graphCalls';

/**
 * Every item of a collection, following `@odata.nextLink` (GraphCalls.all: opaque links made
 * relative, a safety stop on the page count, failures as GraphAccessError).
 */
export function getAllPages<T>(client: Client, path: string): Promise<T[]> {
  return new GraphCalls(client).all<T>(path);
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
