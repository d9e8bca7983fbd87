// One read of a Graph resource, with failures as GraphAccessError: what every repository's GET does.
// Kept for the repositories that still take a Client; the call itself is GraphCalls'.
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphCalls } from './graphCalls';

/** GETs `path` (relative to the client's Graph root); a failure throws GraphAccessError. */
export function graphGet(client: Client, path: string): Promise<unknown> {
  return new GraphCalls(client).get(path);
}
