// One read of a Graph resource, with failures as GraphAccessError: what every repository's GET does.
// Kept for the repositories that still take a Client; the call itself is GraphCalls'.
import type { Client } from '@microsoft/microsoft-graph-client';
import { type GraphCalls, graphCallsOf } from './graphCalls';

/** GETs `path` (relative to the client's Graph root); a failure throws GraphAccessError. */
export function graphGet(client: Client | GraphCalls, path: string): Promise<unknown> {
  return graphCallsOf(client).get(path);
}
