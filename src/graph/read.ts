// One read of a Graph resource, with failures as GraphAccessError: what every repository's GET does.
import type { Client } from '@microsoft/microsoft-graph-client';
import { toGraphAccessError } from './errors';

/** GETs `path` (relative to the client's Graph root); a failure throws GraphAccessError. */
export async function graphGet(client: Client, path: string): Promise<unknown> {
  try {
    return (await client.api(path).get()) as unknown;
  } catch (e) {
    throw toGraphAccessError(e);
  }
}
