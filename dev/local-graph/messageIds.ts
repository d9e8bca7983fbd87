// Message ids as Exchange Online gives them through Graph v1.0. Every item has two:
//   - the regular REST id (`restId`, what Office.js `convertToRestId` gives): it names the item in
//     its folder, so a move makes it a new item with a new id and the old id answers 404;
//   - the immutable id (`restImmutableEntryId`): it stays while the item stays in the mailbox, also
//     across moves and from a draft to its Sent Items copy; returned only to a request that carries
//     `Prefer: IdType="ImmutableId"` (that request alone), or by `translateExchangeIds`.
// A request may name an item by either id, whatever its Prefer header says.
// https://learn.microsoft.com/graph/outlook-immutable-id
// https://learn.microsoft.com/graph/api/user-translateexchangeids
import { GraphError, invalidRequest } from './graphErrors';
import { type GraphRequest, type GraphResponse, ok } from './graphRequest';
import type { Message, StoredMailbox } from './mailStore';

export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';

export function wantsImmutableIds(req: GraphRequest): boolean {
  return req.prefers(IMMUTABLE_ID_PREFERENCE);
}

/** The id this request sees for the message. */
export function idFor(req: GraphRequest, m: Message): string {
  return wantsImmutableIds(req) ? m.immutableId : m.id;
}

/** Whether `id` (of either kind) names the message. */
export function namesMessage(m: Message, id: string): boolean {
  return m.id === id || m.immutableId === id;
}

/** The stored message as this request sees it: one `id`, the kind it asked for. */
export function outwardMessage(req: GraphRequest, m: Message): Record<string, unknown> {
  const { immutableId: _immutable, ...rest } = m;
  return { ...rest, id: idFor(req, m) };
}

const ID_FORMATS = ['entryId', 'ewsId', 'immutableEntryId', 'restId', 'restImmutableEntryId'];
type Convertible = 'ewsId' | 'restId' | 'restImmutableEntryId';

function formatOf(value: unknown, name: string): string {
  const found =
    typeof value === 'string'
      ? ID_FORMATS.find((f) => f.toLowerCase() === value.toLowerCase())
      : undefined;
  if (!found) throw invalidRequest(`${name} must be one of ${ID_FORMATS.join(', ')}.`);
  return found;
}

/** EWS ids are the REST id with '/' and '+' where the REST id, made URL-safe, has '-' and '_'. */
const ewsFromRest = (id: string) => id.replace(/-/g, '/').replace(/_/g, '+');
const restFromEws = (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_');

function findBy(mb: StoredMailbox, kind: Convertible, id: string): Message | undefined {
  const all = mb.folders.flatMap((f) => f.messages);
  if (kind === 'restImmutableEntryId') return all.find((m) => m.immutableId === id);
  const rest = kind === 'ewsId' ? restFromEws(id) : id;
  return all.find((m) => m.id === rest);
}

function render(kind: Convertible, m: Message): string {
  if (kind === 'restImmutableEntryId') return m.immutableId;
  return kind === 'ewsId' ? ewsFromRest(m.id) : m.id;
}

function bodyParam(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (body as Record<string, unknown>)[key];
}

/**
 * `POST /me/translateExchangeIds` (or `/users/{id}/...`): one convertIdResult per input id, in
 * order; an id of no item in this mailbox gets `errorDetails` instead of `targetId`. The binary
 * formats (entryId, immutableEntryId) are refused by the local service: it keeps no MAPI entry ids.
 */
export function translateExchangeIds(req: GraphRequest, mb: StoredMailbox): GraphResponse {
  if (req.method !== 'POST')
    throw new GraphError(
      405,
      'Request_BadRequest',
      'The HTTP method is not supported for this resource.',
    );
  const inputIds = bodyParam(req.body, 'inputIds');
  if (!Array.isArray(inputIds) || inputIds.some((i) => typeof i !== 'string'))
    throw invalidRequest('inputIds must be a collection of strings.');
  if (inputIds.length > 1000) throw invalidRequest('inputIds holds at most 1000 identifiers.');
  const source = formatOf(bodyParam(req.body, 'sourceIdType'), 'sourceIdType');
  const target = formatOf(bodyParam(req.body, 'targetIdType'), 'targetIdType');
  const binary = [source, target].find((f) => f === 'entryId' || f === 'immutableEntryId');
  if (binary)
    throw invalidRequest(`The local service does not translate ${binary} (binary MAPI ids).`);
  const value = (inputIds as string[]).map((sourceId) => {
    const m = findBy(mb, source as Convertible, sourceId);
    if (!m)
      return {
        sourceId,
        errorDetails: {
          code: 'ErrorItemNotFound',
          message: 'The specified object was not found in the store.',
        },
      };
    return { sourceId, targetId: render(target as Convertible, m) };
  });
  return ok({
    '@odata.context': `${req.serviceRoot}/$metadata#Collection(microsoft.graph.convertIdResult)`,
    value,
  });
}
