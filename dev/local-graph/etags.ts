// ETags on list items: If-Match, and the two answers SharePoint gives through Graph when it fails.
// Microsoft documents 412 Precondition Failed for listItem update
// (https://learn.microsoft.com/en-us/graph/api/listitem-update); users report 409
// resourceModified for the same mismatch on list item fields
// (https://github.com/OneDrive/onedrive-api-docs/issues/1414). The default is the 409 (least
// forgiving: a client written from the documentation does not expect it, and one that reads 409
// as "already there" would lose an update); behaviours.etagMismatchAnswer picks the 412.
import type { Behaviours } from './behaviours';
import { GraphError } from './graphErrors';
import type { GraphRequest } from './graphRequest';
import type { StoredItem } from './sharepointStore';

/** Throws the configured mismatch answer when the request's If-Match names another version. */
export function checkIfMatch(req: GraphRequest, item: StoredItem): void {
  const header = req.headers['if-match'];
  if (header === undefined) return;
  const wanted = `${item.uniqueId},${item.version}`;
  const candidates = String(header)
    .split(/,(?=\s*(?:W\/)?"|\s*\*)/)
    .map((v) =>
      v
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    );
  if (candidates.some((c) => c === '*' || c === wanted)) return;
  throw etagMismatch(req.behaviours.etagMismatchAnswer);
}

export function etagMismatch(answer: Behaviours['etagMismatchAnswer']): GraphError {
  return answer === '412'
    ? new GraphError(
        412,
        'preconditionFailed',
        "The request ETag value does not match the object's ETag value",
      )
    : new GraphError(
        409,
        'resourceModified',
        'The resource has changed since the caller last read it; usually an eTag mismatch',
      );
}

/**
 * The answer to `PATCH .../items/{id}/fields`: the fieldValueSet without `@odata.etag`, and no
 * ETag header, as in Microsoft's example (listitem-update above). A client that needs the new
 * version reads the item again.
 */
export function fieldsPatchAnswer(fields: Record<string, unknown>): Record<string, unknown> {
  const { '@odata.etag': _etag, ...rest } = fields;
  return rest;
}
