// Small Graph helpers the provisioner needs: path segments and plain error descriptions (paging is
// GraphCalls.all).

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
