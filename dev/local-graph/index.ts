// The local Graph service: behaves like Microsoft Graph v1.0 for the routes Contact Guard uses,
// so the add-in's real Graph code runs against it unchanged. Also serves /_dev/* controls.
// See README.md beside this file.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { validateRequestBody } from './contract';
import { Directory } from './directory';
import { type FaultOptions, rollFault, seededRandom, validateFaults } from './faults';
import {
  GraphError,
  asGraphError,
  errorBody,
  invalidRequest,
  resourceNotFound,
} from './graphErrors';
import { splitPathSegments, type GraphRequest, type GraphResponse } from './graphRequest';
import { mailboxFromSeed, type StoredMailbox } from './mailStore';
import { loadSeed } from './seedLoader';
import type { Seed, SeedTenant } from './seedTypes';
import { type DeltaState, handleSites } from './sharepointRoutes';
import { SharePointStore } from './sharepointStore';
import { handleUsers } from './userRoutes';
import { handleOrganization } from './organizationRoutes';
import { isBatchRequest, serveBatch } from './batch';
import { type Behaviours, resolveBehaviours } from './behaviours';
import {
  MAILBOX_CONCURRENCY_LIMIT,
  MailboxSlots,
  mailboxConcurrencyError,
  mailboxOfRequest,
} from './mailboxConcurrency';
import { handleMessageRules, handleRulesDev, isMessageRulesPath } from './messageRules';
import {
  identityOfToken,
  looksLikeJwt,
  sharePointAudiences,
  userOfToken,
  type TrustedIdentity,
} from './identityTokens';
import { assertDelegatedScopes } from './delegatedScopes';
import { serveSharePointRest, siteOfRestPath, SpRestError, spErrorBody } from './sharepointRest';

export type { FaultOptions } from './faults';
export type { Seed } from './seedTypes';
export type { Behaviours } from './behaviours';

export interface LocalGraphOptions {
  /** Path to a seed JSON file or the object; default: the demo seed. */
  seed?: string | Seed;
  /** Added to every Graph request. */
  latencyMs?: number;
  faults?: FaultOptions;
  /** Makes fault injection deterministic. */
  randomSeed?: number;
  /**
   * Choices among the answers Microsoft 365 is reported to give (behaviours.ts); each defaults to
   * the least forgiving one, and LOCAL_GRAPH_* variables override the defaults.
   */
  behaviours?: Partial<Behaviours>;
  /** Called after every Graph request (the CLI's --log). */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * An identity provider whose JWT access tokens are accepted (dev/local-identity, the workbench's
   * `--sign-in`); `local:<upn>` tokens are accepted either way.
   */
  identity?: TrustedIdentity;
  /**
   * The moment the seed's relative dates (`$today`, `$now`) and its items' creation are resolved
   * against, on start and on every reset; default: the real time. Requests still run on the real
   * clock. `npm run screens` fixes it so that its pictures do not change from day to day.
   */
  seedTime?: Date;
}

/** One Graph request: no bodies, no tokens. `status` 0 = connection destroyed (down). */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

export interface LocalGraph {
  /** Handles /v1.0/* and /_dev/*; resolves false when the URL is not its own (so a host server can serve static files). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
  setFaults(f: FaultOptions): void;
  setLatency(ms: number): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Next delta call with an old token gets 410. */
  expireDeltaTokens(): void;
  /** Back to the seed: data, faults and latency as constructed. The request log is kept. */
  reset(): void;
  /** Accept this identity provider's tokens from now on (its address is known only once it runs). */
  trustIdentity(identity: TrustedIdentity): void;
}

export interface RunningLocalGraph extends LocalGraph {
  url: string;
  port: number;
  close(): Promise<void>;
}

const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
// What Graph lists in Access-Control-Expose-Headers (README #2): a browser reads only these (and
// the CORS-safelisted ones) from a cross-origin response. Users report the list without
// Retry-After (https://github.com/microsoftgraph/microsoft-graph-docs/issues/17488): a browser
// cannot read how long to wait after a 429. `corsExposesRetryAfter` adds it, as Dev Proxy's
// emulation of Graph does (https://github.com/dotnet/dev-proxy/pull/32).
const GRAPH_EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Preference-Applied',
  'Content-Range',
  'request-id',
  'client-request-id',
  'ReadWriteConsistencyToken',
  'SdkVersion',
  'WWW-Authenticate',
  'x-ms-client-gcc-tenant',
];

export function exposedHeaders(behaviours: Pick<Behaviours, 'corsExposesRetryAfter'>): string {
  return [
    ...GRAPH_EXPOSED_HEADERS,
    ...(behaviours.corsExposesRetryAfter ? ['Retry-After'] : []),
  ].join(', ');
}
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT']);

interface Data {
  directory: Directory;
  /** The seed's tenant (GET /organization). */
  tenant: SeedTenant;
  sharePoint: SharePointStore;
  mailboxes: StoredMailbox[];
}

function buildData(seed: Seed, behaviours: Behaviours, now: Date): Data {
  const directory = new Directory(seed);
  // The CI matrix puts every site in another regional time zone (behaviour 8).
  const zone = behaviours.siteTimeZone;
  const sites = zone ? seed.sites.map((s) => ({ ...s, timeZone: zone })) : seed.sites;
  return {
    directory,
    tenant: seed.tenant,
    // Seed items' `createdBy` names a user: their author (item-level permissions).
    sharePoint: new SharePointStore(sites, now, (who) => directory.find(who), {
      findUser: (who) => directory.find(who),
      findGroup: (id) => directory.groups.find((g) => g.id.toLowerCase() === id.toLowerCase()),
      signInUserIds: () => directory.users.filter((u) => u.canSignIn).map((u) => u.id),
    }),
    mailboxes: seed.mailboxes.map((m) => mailboxFromSeed(m, now)),
  };
}

function setCors(req: http.IncomingMessage, res: http.ServerResponse, exposed: string): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', exposed);
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      String(req.headers['access-control-request-headers'] ?? '*'),
    );
    res.setHeader('Access-Control-Max-Age', '3600');
  }
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (status === 204 || body === undefined) {
    res.statusCode = status;
    res.end();
    return;
  }
  // A route that sets its own Content-Type answers text (a message's MIME: $value).
  const raw = typeof body === 'string' && res.hasHeader('Content-Type');
  const text = raw ? body : JSON.stringify(body);
  res.statusCode = status;
  if (!raw) res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES)
        reject(new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJsonBody(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest('Invalid JSON: the request body could not be read.');
  }
}

/** The path's segments, each decoded. */
function pathSegments(rawPath: string): string[] {
  return splitPathSegments(rawPath).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

function preferences(req: http.IncomingMessage): string[] {
  const raw = req.headers.prefer;
  const all = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return all
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createLocalGraph(opts: LocalGraphOptions = {}): LocalGraph {
  const initialFaults = validateFaults(opts.faults ?? {});
  const initialLatency = Math.max(0, opts.latencyMs ?? 0);
  let faults: FaultOptions = { ...initialFaults };
  let latencyMs = initialLatency;
  const behaviours = resolveBehaviours(opts.behaviours);
  const seeded = () => {
    const now = opts.seedTime ?? new Date();
    return buildData(loadSeed(opts.seed, now), behaviours, now);
  };
  let data = seeded();
  const random = opts.randomSeed === undefined ? Math.random : seededRandom(opts.randomSeed);
  const instance = randomUUID().slice(0, 8);
  let generationCounter = 1;
  const delta: DeltaState = {
    generation: `${instance}.${generationCounter}`,
    withoutFields: () => faults.deltaWithoutFields === true,
  };
  const log: RequestLogEntry[] = [];
  const mailboxSlots = new MailboxSlots();
  let identity = opts.identity;
  // Who a request's JWT stands for (or why it was refused), checked once when the request arrives.
  const jwtOutcomes = new WeakMap<http.IncomingMessage, string | GraphError>();
  // The delegated scopes of a request's valid JWT; absent for `local:` tokens, which hold them all.
  const jwtScopes = new WeakMap<http.IncomingMessage, ReadonlySet<string>>();
  const authenticate = (req: http.IncomingMessage) =>
    data.directory.authenticate(req.headers.authorization, jwtOutcomes.get(req));

  const graph: LocalGraph = {
    handle,
    setFaults(f) {
      faults = validateFaults(f);
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    requests: () => log.map((e) => ({ ...e })),
    clearRequests() {
      log.length = 0;
    },
    expireDeltaTokens() {
      generationCounter += 1;
      delta.generation = `${instance}.${generationCounter}`;
    },
    reset() {
      data = seeded();
      faults = { ...initialFaults };
      latencyMs = initialLatency;
      graph.expireDeltaTokens();
    },
    trustIdentity(trusted) {
      identity = trusted;
    },
  };

  function record(method: string, path: string, status: number, started: number): void {
    const entry: RequestLogEntry = {
      at: new Date(started).toISOString(),
      method,
      path,
      status,
      ms: Date.now() - started,
    };
    log.push(entry);
    opts.onRequest?.(entry);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === '/_dev' || url.pathname.startsWith('/_dev/')) {
      setCors(req, res, exposedHeaders(behaviours));
      await handleDev(req, res, url.pathname);
      return true;
    }
    if (/\/_api(\/|$)/i.test(url.pathname)) {
      setCors(req, res, exposedHeaders(behaviours));
      await handleSharePointRest(req, res, url);
      return true;
    }
    const versioned = /^\/v1\.0(\/.*)?$/i.exec(url.pathname);
    if (!versioned) return false;
    setCors(req, res, exposedHeaders(behaviours));
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return true;
    }
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const logPath = req.url ?? '/';
    if (faults.down) {
      req.socket.destroy();
      record(method, logPath, 0, started);
      return true;
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer && looksLikeJwt(bearer)) {
      const verified = await identityOfToken(bearer, identity).catch((e: unknown) =>
        e instanceof GraphError
          ? e
          : new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.'),
      );
      if (verified instanceof GraphError) jwtOutcomes.set(req, verified);
      else {
        jwtOutcomes.set(req, verified.upn);
        jwtScopes.set(req, verified.scopes);
      }
    }
    // A request to a mailbox holds one of its 4 slots while the service works on it (latency
    // included); past the fourth, Exchange answers 429 (mailboxConcurrency.ts).
    const mailbox = outlookMailboxOf(req, versioned[1] ?? '/');
    const gotSlot = mailbox === undefined || mailboxSlots.tryTake(mailbox);
    try {
      if (latencyMs > 0) await sleep(latencyMs);
      await respond(req, res, url, method, versioned[1], gotSlot ? undefined : mailbox);
    } finally {
      if (mailbox !== undefined && gotSlot) mailboxSlots.release(mailbox);
    }
    record(method, logPath, res.statusCode, started);
    return true;
  }

  /** `<site path>/_api/...`: SharePoint's REST API for the site (sharepointRest.ts). */
  async function handleSharePointRest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    // The workbench's faults reach SharePoint's REST API too: SharePoint Online throttles it
    // (429, or 503, with Retry-After) and an outage drops it like Graph (README behaviour 16).
    if (faults.down) {
      req.socket.destroy();
      record(method, url.pathname + url.search, 0, started);
      return;
    }
    if (latencyMs > 0) await sleep(latencyMs);
    const outcome = rollFault(faults, random);
    if (outcome !== 'none') res.setHeader('Retry-After', String(faults.retryAfterSeconds ?? 1));
    const accept = req.headers.accept;
    let status: number;
    let body: unknown;
    try {
      if (outcome === 'throttle')
        throw new SpRestError(429, '-1, System.Exception', 'Too many requests.');
      if (outcome === 'unavailable')
        throw new SpRestError(503, '-1, System.Exception', 'Server Too Busy.');
      const target = siteOfRestPath(data.sharePoint, url.pathname);
      if (!target)
        throw new SpRestError(
          404,
          '-2147024894, System.IO.FileNotFoundException',
          'File Not Found.',
        );
      const me = await restCaller(req, target.site.hostname);
      const text =
        method === 'POST' || method === 'PATCH' || method === 'MERGE' ? await readBody(req) : '';
      let parsed: unknown;
      try {
        parsed = text.trim() ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        throw new SpRestError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          'Invalid JSON. A token was not recognized in the JSON content.',
        );
      }
      const answer = serveSharePointRest({
        method,
        apiPath: target.apiPath,
        query: url.searchParams,
        headers: req.headers,
        body: parsed,
        me,
        site: target.site,
        store: data.sharePoint,
      });
      status = answer.status;
      body = answer.body;
    } catch (e) {
      if (e instanceof SpRestError) {
        status = e.status;
        body = spErrorBody(e, typeof accept === 'string' ? accept : undefined);
      } else if (e instanceof GraphError && e.status === 401) {
        // SharePoint refuses a missing or invalid token with 401 and an error_description.
        status = 401;
        body = { error_description: e.message };
      } else {
        console.error(
          '[local-graph] unexpected SharePoint REST error:',
          e instanceof Error ? e.message : 'unknown',
        );
        status = 500;
        body = spErrorBody(
          new SpRestError(500, '-1, System.Exception', 'Internal error.'),
          undefined,
        );
      }
    }
    if (status === 204 || body === undefined) {
      res.statusCode = status;
      res.end();
    } else {
      const text = JSON.stringify(body);
      res.statusCode = status;
      res.setHeader(
        'Content-Type',
        /odata=verbose/i.test(String(accept ?? ''))
          ? 'application/json;odata=verbose;charset=utf-8'
          : 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
      );
      res.setHeader('Content-Length', Buffer.byteLength(text));
      res.end(text);
    }
    record(method, url.pathname + url.search, status, started);
  }

  /** Who a SharePoint REST request is: the same local tokens, or a JWT for SharePoint's audience. */
  async function restCaller(req: http.IncomingMessage, hostname: string) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    const verified =
      bearer && looksLikeJwt(bearer)
        ? await userOfToken(bearer, identity, sharePointAudiences(hostname)).catch((e: unknown) =>
            e instanceof GraphError
              ? e
              : new GraphError(
                  401,
                  'InvalidAuthenticationToken',
                  'Access token validation failure.',
                ),
          )
        : undefined;
    return data.directory.authenticate(req.headers.authorization, verified);
  }

  /** The mailbox a request reaches through the Outlook service, by its address (lower case). */
  function outlookMailboxOf(req: http.IncomingMessage, rawPath: string): string | undefined {
    let meAddress = '';
    const segments = pathSegments(rawPath);
    if ((segments[0] ?? '').toLowerCase() === 'me') {
      try {
        meAddress = authenticate(req).mail;
      } catch {
        return undefined; // answered 401 by serveGraph
      }
    }
    const mailbox = mailboxOfRequest(segments, meAddress);
    return mailbox === undefined
      ? undefined
      : (data.directory.find(mailbox)?.mail ?? mailbox).toLowerCase();
  }

  async function respond(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    method: string,
    versionedPath: string | undefined,
    overLimitMailbox: string | undefined,
  ): Promise<void> {
    const requestId = randomUUID();
    const clientRequestId = String(req.headers['client-request-id'] ?? requestId);
    const baseHeaders: Record<string, string> = {
      'request-id': requestId,
      'client-request-id': clientRequestId,
      'OData-Version': '4.0',
    };
    const prefs = preferences(req);
    if (prefs.some((p) => p.replace(/\s/g, '').toLowerCase() === 'idtype="immutableid"')) {
      baseHeaders['Preference-Applied'] = 'IdType="ImmutableId"';
    }
    let result: GraphResponse;
    try {
      if (overLimitMailbox !== undefined)
        throw mailboxConcurrencyError(faults.retryAfterSeconds ?? 1);
      result = isBatchRequest(method, versionedPath)
        ? await serveBatch(
            req,
            (c) => {
              // Inner requests carry the batch's token, checked once with the batch itself.
              const outcome = jwtOutcomes.get(req);
              if (outcome !== undefined) jwtOutcomes.set(c.req, outcome);
              const scopes = jwtScopes.get(req);
              if (scopes !== undefined) jwtScopes.set(c.req, scopes);
              return serveGraph(c.req, c.method, c.url, c.rawPath, c.prefs);
            },
            behaviours.batchOrdering,
            {
              mailboxOf: (rawPath) => outlookMailboxOf(req, rawPath),
              free: (mailbox) => MAILBOX_CONCURRENCY_LIMIT - mailboxSlots.count(mailbox),
              refusal: () => mailboxConcurrencyError(faults.retryAfterSeconds ?? 1),
            },
          )
        : await serveGraph(req, method, url, versionedPath ?? '/', prefs);
    } catch (e) {
      const err = asGraphError(e);
      if (!(e instanceof GraphError))
        console.error(
          '[local-graph] unexpected error:',
          e instanceof Error ? e.message : 'unknown',
        );
      result = {
        status: err.status,
        body: errorBody(err, requestId, clientRequestId),
        headers: err.headers,
      };
    }
    sendJson(res, result.status, result.body, { ...baseHeaders, ...(result.headers ?? {}) });
  }

  async function serveGraph(
    req: http.IncomingMessage,
    method: string,
    url: URL,
    rawPath: string,
    prefs: string[],
  ): Promise<GraphResponse> {
    const outcome = rollFault(faults, random);
    if (outcome !== 'none') throw injectedFault(outcome, rawPath, faults.retryAfterSeconds ?? 1);
    const me = authenticate(req);
    const segments = pathSegments(rawPath);
    const scopes = jwtScopes.get(req);
    if (scopes !== undefined) {
      // Graph checks the token's permissions before the resource itself (README behaviour 19).
      const mine = [me.id, me.userPrincipalName, me.mail]
        .filter(Boolean)
        .map((k) => k.toLowerCase());
      assertDelegatedScopes(scopes, method, segments, url.searchParams, (key) =>
        mine.includes(key.toLowerCase()),
      );
    }
    const text = WRITE_METHODS.has(method) ? await readBody(req) : '';
    const body = parseJsonBody(text);
    if (method === 'POST' || method === 'PATCH') {
      const problems = validateRequestBody(method, rawPath, body);
      if (problems.length) throw invalidRequest(problems.join('; '));
    }
    const host = req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost';
    const proto =
      req.headers['x-forwarded-proto'] ??
      ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
    const graphReq: GraphRequest = {
      method,
      rawPath,
      segments,
      query: url.searchParams,
      headers: req.headers,
      body: body ?? {},
      me,
      serviceRoot: `${String(proto)}://${String(host)}/v1.0`,
      behaviours,
      prefers: (p) => prefs.some((x) => x.toLowerCase() === p.toLowerCase()),
    };
    const root = (graphReq.segments[0] ?? '').toLowerCase();
    if (root === 'sites') return handleSites(graphReq, data.sharePoint, delta);
    if (root === 'organization') return handleOrganization(graphReq, data.tenant);
    if (isMessageRulesPath(graphReq.segments)) return handleMessageRules(graphReq, data);
    if (root === 'me' || root === 'users')
      return handleUsers(graphReq, { directory: data.directory, mailboxes: data.mailboxes });
    throw resourceNotFound(graphReq.segments[0] ?? 'v1.0');
  }

  async function handleDev(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): Promise<void> {
    const route = `${req.method ?? 'GET'} ${pathname.replace(/\/+$/, '')}`;
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    try {
      const rulesDev =
        route.startsWith('POST /_dev/deliver') ||
        route.startsWith('POST /_dev/messageRules/') ||
        route.startsWith('POST /_dev/routing/')
          ? await handleRulesDev(
              route,
              (parseJsonBody(await readBody(req)) ?? {}) as Record<string, unknown>,
              data,
            )
          : undefined;
      if (rulesDev) return sendJson(res, rulesDev.status, rulesDev.body);
      switch (route) {
        case 'GET /_dev/faults':
          return sendJson(res, 200, { ...faults, latencyMs });
        case 'POST /_dev/faults': {
          const input = (parseJsonBody(await readBody(req)) ?? {}) as Record<string, unknown>;
          const { latencyMs: latency, ...rest } = input;
          if (latency !== undefined && (typeof latency !== 'number' || latency < 0))
            throw new Error('latencyMs must be a number of milliseconds');
          graph.setFaults(rest);
          if (typeof latency === 'number') graph.setLatency(latency);
          return sendJson(res, 200, { ...faults, latencyMs });
        }
        case 'GET /_dev/requests':
          return sendJson(res, 200, { requests: graph.requests() });
        case 'DELETE /_dev/requests':
          graph.clearRequests();
          return sendJson(res, 204, undefined);
        case 'POST /_dev/reset':
          graph.reset();
          return sendJson(res, 200, { ok: true });
        case 'POST /_dev/delta/expire':
          graph.expireDeltaTokens();
          return sendJson(res, 200, { ok: true });
        default:
          return sendJson(res, 404, {
            error: { code: 'notFound', message: `No dev control at ${route}` },
          });
      }
    } catch (e) {
      const message = e instanceof GraphError || e instanceof Error ? e.message : 'invalid request';
      return sendJson(res, 400, { error: { code: 'invalidRequest', message } });
    }
  }

  return graph;
}

/**
 * An injected 429 or 503 as the workload behind the path answers it: SharePoint's throttling says
 * `activityLimitReached` (learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online;
 * body as reported at learn.microsoft.com/answers/questions/648796), Outlook's `ApplicationThrottled`
 * (learn.microsoft.com/graph/throttling-limits), others Graph's generic `TooManyRequests`.
 */
function injectedFault(
  outcome: 'throttle' | 'unavailable',
  rawPath: string,
  retryAfterSeconds: number,
) {
  const retryAfter = { 'Retry-After': String(retryAfterSeconds) };
  if (outcome === 'unavailable')
    return new GraphError(
      503,
      'serviceNotAvailable',
      'The service is temporarily unavailable. Retry after the time given in the Retry-After header.',
      retryAfter,
    );
  const root = (splitPathSegments(rawPath)[0] ?? '').toLowerCase();
  if (root === 'sites')
    return new GraphError(
      429,
      'activityLimitReached',
      'The request has been throttled',
      retryAfter,
    );
  if (mailboxOfRequest(pathSegments(rawPath), '') !== undefined)
    return new GraphError(
      429,
      'ApplicationThrottled',
      'Application is over its MailboxConcurrency limit.',
      retryAfter,
    );
  return new GraphError(
    429,
    'TooManyRequests',
    'Too many requests have been made. Retry after the time given in the Retry-After header.',
    retryAfter,
  );
}

export async function startLocalGraph(
  opts: LocalGraphOptions & { port?: number; host?: string } = {},
): Promise<RunningLocalGraph> {
  const graph = createLocalGraph(opts);
  const host = opts.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    graph.handle(req, res).then(
      (handled) => {
        if (!handled)
          sendJson(res, 404, { error: { code: 'notFound', message: 'Not a Graph or dev route.' } });
      },
      () => {
        if (!res.headersSent)
          sendJson(res, 500, { error: { code: 'generalException', message: 'Internal error.' } });
        else res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    ...graph,
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
