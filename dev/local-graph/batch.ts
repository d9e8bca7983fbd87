// `POST /v1.0/$batch` (JSON batching) with Graph's documented rules:
// - 1 to 20 requests, each with a unique `id`, a `method` and a relative `url`; otherwise 400;
// - a request with a body gives its `Content-Type` in `headers` (else that request gets 400);
// - `dependsOn` names earlier requests of the same batch; a request whose dependency failed gets
//   424 Failed Dependency and is not run;
// - a batch is fully parallel (no `dependsOn`) or fully sequential (each request after the first
//   depends on the one before it); any other shape is refused whole with 400 "Batch should be
//   either fully sequential or fully parallel" (Graph's answer, reported in
//   https://github.com/microsoftgraph/microsoft-graph-docs/issues/16280 for the docs' own example
//   "1 and 3 first, then 2, then 4"). Looser shapes are selectable (behaviours.ts, batchOrdering);
// - every inner request is served like a request of its own: authenticated with the batch's token,
//   contract-checked, throttled or faulted on its own (an inner 429 carries its own Retry-After);
// - the batch itself answers 200 with `responses`, each with its own id, status, headers and body.
// The batch's own latency is added once (inner requests run without it), as Graph runs them at once.
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { GraphError, asGraphError, errorBody, invalidRequest } from './graphErrors';
import type { Behaviours } from './behaviours';
import type { GraphResponse } from './graphRequest';

export const MAX_BATCH_REQUESTS = 20;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

export interface InnerCall {
  req: http.IncomingMessage;
  method: string;
  url: URL;
  /** Path below /v1.0, without the query. */
  rawPath: string;
  prefs: string[];
}

export function isBatchRequest(method: string, rawPath: string | undefined): boolean {
  return method === 'POST' && /^\/\$batch\/?$/i.test(rawPath ?? '');
}

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

function readText(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBatch(text: string): BatchItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidRequest('Invalid JSON: the batch body could not be read.');
  }
  const requests = (parsed as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw invalidRequest('A batch needs a non-empty "requests" array.');
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw invalidRequest(`Limit of ${MAX_BATCH_REQUESTS} requests per batch exceeded.`);
  }
  const seen = new Set<string>();
  return requests.map((raw: unknown) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '')
      throw invalidRequest('Every batch request needs an id.');
    if (seen.has(r.id))
      throw invalidRequest(`Batch request ids must be unique: '${r.id}' repeats.`);
    const method = typeof r.method === 'string' ? r.method.toUpperCase() : '';
    if (!METHODS.has(method))
      throw invalidRequest(`Batch request '${r.id}' has an invalid method.`);
    if (typeof r.url !== 'string' || /^[a-z]+:/i.test(r.url)) {
      throw invalidRequest(`Batch request '${r.id}' needs a relative url.`);
    }
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    for (const d of dependsOn) {
      if (!seen.has(d))
        throw invalidRequest(
          `Batch request '${r.id}' depends on '${d}', which is not an earlier request.`,
        );
    }
    seen.add(r.id);
    const headers: Record<string, string> = {};
    if (typeof r.headers === 'object' && r.headers !== null) {
      for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
    }
    return {
      id: r.id,
      method,
      url: r.url.startsWith('/') ? r.url : `/${r.url}`,
      headers,
      ...(r.body !== undefined ? { body: r.body } : {}),
      dependsOn,
    };
  });
}

function innerRequest(outer: http.IncomingMessage, item: BatchItem): http.IncomingMessage {
  const text =
    item.body === undefined
      ? ''
      : typeof item.body === 'string'
        ? item.body
        : JSON.stringify(item.body);
  const stream = Readable.from(text ? [Buffer.from(text)] : []) as unknown as http.IncomingMessage;
  Object.assign(stream, {
    method: item.method,
    url: `/v1.0${item.url}`,
    headers: {
      ...item.headers,
      host: outer.headers.host,
      ...(outer.headers['x-forwarded-host']
        ? { 'x-forwarded-host': outer.headers['x-forwarded-host'] }
        : {}),
      ...(outer.headers['x-forwarded-proto']
        ? { 'x-forwarded-proto': outer.headers['x-forwarded-proto'] }
        : {}),
      ...(outer.headers.authorization ? { authorization: outer.headers.authorization } : {}),
    },
    socket: outer.socket,
  });
  return stream;
}

function preferencesOf(headers: Record<string, string>): string[] {
  return (headers.prefer ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** True when the batch's `dependsOn` shape is one Graph accepts under the chosen behaviour. */
export function acceptedOrdering(
  items: readonly Pick<BatchItem, 'id' | 'dependsOn'>[],
  ordering: Behaviours['batchOrdering'],
): boolean {
  const dependants = items.filter((i) => i.dependsOn.length > 0);
  if (dependants.length === 0 || ordering === 'any') return true; // fully parallel
  const chain = items.every((item, n) =>
    n === 0
      ? item.dependsOn.length === 0
      : item.dependsOn.length === 1 && item.dependsOn[0] === items[n - 1]?.id,
  );
  if (chain || ordering === 'chain') return chain;
  // sdkPatterns: every dependant names the same single request.
  const first = dependants[0]?.dependsOn[0];
  return dependants.every((i) => i.dependsOn.length === 1 && i.dependsOn[0] === first);
}

/** Serves a batch; `run` serves one inner request the way the service serves any request. */
/**
 * Exchange's 4 requests in flight per mailbox, seen from inside a batch (mailboxConcurrency.ts): the
 * requests of a fully parallel batch are in flight together, so past the mailbox's free slots they
 * are refused with 429; a sequential batch's requests each need one free slot in turn.
 */
export interface BatchMailboxSlots {
  /** The mailbox an inner request reaches through the Outlook service, if any. */
  mailboxOf(rawPath: string): string | undefined;
  /** Slots of that mailbox not taken by requests outside this batch. */
  free(mailbox: string): number;
  refusal(): GraphError;
}

/** The ids of the requests refused for want of a mailbox slot. */
function overMailboxLimit(items: readonly BatchItem[], slots: BatchMailboxSlots): Set<string> {
  const refused = new Set<string>();
  const parallel = items.every((i) => i.dependsOn.length === 0);
  const used = new Map<string, number>();
  for (const item of items) {
    const mailbox = slots.mailboxOf(new URL(item.url, 'http://local').pathname);
    if (mailbox === undefined) continue;
    const taken = parallel ? (used.get(mailbox) ?? 0) : 0;
    if (taken >= slots.free(mailbox)) refused.add(item.id);
    else used.set(mailbox, taken + 1);
  }
  return refused;
}

export async function serveBatch(
  outer: http.IncomingMessage,
  run: (call: InnerCall) => Promise<GraphResponse>,
  ordering: Behaviours['batchOrdering'] = 'chain',
  slots?: BatchMailboxSlots,
): Promise<GraphResponse> {
  const items = parseBatch(await readText(outer));
  if (!acceptedOrdering(items, ordering)) {
    throw new GraphError(
      400,
      'BadRequest',
      'Batch should be either fully sequential or fully parallel.',
    );
  }
  const refused = slots ? overMailboxLimit(items, slots) : new Set<string>();
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const item of items) {
    const requestId = randomUUID();
    let result: GraphResponse;
    if (item.dependsOn.some((d) => (statuses.get(d) ?? 500) >= 400)) {
      result = {
        status: 424,
        body: errorBody(
          new GraphError(424, 'failedDependency', 'A request this one depends on failed.'),
          requestId,
          requestId,
        ),
      };
    } else if (refused.has(item.id) && slots) {
      const err = slots.refusal();
      result = {
        status: err.status,
        body: errorBody(err, requestId, requestId),
        headers: err.headers,
      };
    } else if (item.body !== undefined && !item.headers['content-type']) {
      result = {
        status: 400,
        body: errorBody(
          invalidRequest('A request with a body needs a Content-Type header.'),
          requestId,
          requestId,
        ),
      };
    } else {
      const url = new URL(item.url, 'http://local');
      try {
        result = await run({
          req: innerRequest(outer, item),
          method: item.method,
          url,
          rawPath: url.pathname,
          prefs: preferencesOf(item.headers),
        });
      } catch (e) {
        const err = asGraphError(e);
        result = {
          status: err.status,
          body: errorBody(err, requestId, requestId),
          headers: err.headers,
        };
      }
    }
    statuses.set(item.id, result.status);
    responses.push({
      id: item.id,
      status: result.status,
      headers: {
        ...(result.body !== undefined && result.status !== 204
          ? { 'Content-Type': 'application/json' }
          : {}),
        ...(result.headers ?? {}),
      },
      ...(result.body !== undefined && result.status !== 204 ? { body: result.body } : {}),
    });
  }
  return { status: 200, body: { responses } };
}
