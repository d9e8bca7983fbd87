// What every list write with If-Match shares: an item's ETag as Graph gives it, and the refusal
// that names who changed the item first and when (lastModifiedBy, lastModifiedDateTime), so a
// reviewer reads "Changed by Helen Marsh at 14:05 …" instead of a bare 412.
import { listItemPath } from '../sharePoint';
import type { GraphCalls } from '../graphCalls';
import type { AppConfig } from '../../config/appConfig';

/** Someone else saved first: the write was refused by `If-Match` (HTTP 412). */
export class ChangedByOtherError extends Error {
  constructor(
    readonly changedBy: string | undefined,
    readonly changedAt: string | undefined,
  ) {
    super('Changed by someone else after it was loaded.');
    this.name = 'ChangedByOtherError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The item's ETag (the entity's, else the one OData puts on the fields); '' when none. */
export function eTagOf(entry: Record<string, unknown>, fields?: Record<string, unknown>): string {
  const tag = entry.eTag ?? entry['@odata.etag'] ?? fields?.['@odata.etag'];
  return typeof tag === 'string' ? tag : '';
}

/** The display name in a Graph identitySet (createdBy, lastModifiedBy). */
export function userName(by: unknown): string | undefined {
  const user = isRecord(by) && isRecord(by.user) ? by.user : undefined;
  return user && typeof user.displayName === 'string' ? user.displayName : undefined;
}

/** Who last changed an item and when, for the "changed by" refusal (unknown when unreadable). */
export async function changedByOther(
  calls: GraphCalls,
  site: Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'>,
  listName: string,
  itemId: string,
): Promise<ChangedByOtherError> {
  try {
    const body = await calls.get(
      `${listItemPath(site, listName, itemId)}?$select=id,lastModifiedBy,lastModifiedDateTime`,
    );
    if (!isRecord(body)) return new ChangedByOtherError(undefined, undefined);
    const at = body.lastModifiedDateTime;
    return new ChangedByOtherError(
      userName(body.lastModifiedBy),
      typeof at === 'string' ? at : undefined,
    );
  } catch {
    return new ChangedByOtherError(undefined, undefined);
  }
}
