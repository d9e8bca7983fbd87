// What a route handler sees of a request, and what it returns.
import type http from 'node:http';
import type { Behaviours } from './behaviours';
import type { DirectoryUser } from './directory';
import { invalidRequest } from './graphErrors';
import { openToken, sealToken } from './pagingTokens';

export interface GraphRequest {
  method: string;
  /** Path below /v1.0, as sent (still percent-encoded), without the query. */
  rawPath: string;
  /** Path segments, decoded; function segments such as delta(token='x') stay whole. */
  segments: string[];
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** The signed-in user (from the bearer token). */
  me: DirectoryUser;
  /** Absolute service root built from the request's Host, e.g. http://127.0.0.1:4000/v1.0 */
  serviceRoot: string;
  /** Which of Microsoft 365's reported answers this service gives (behaviours.ts). */
  behaviours: Behaviours;
  /** True when a `Prefer` header carries this preference (case-insensitive). */
  prefers(preference: string): boolean;
}

export interface GraphResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown, headers?: Record<string, string>): GraphResponse => ({
  status: 200,
  body,
  headers,
});

/** An absolute link back to this service with the given query (OData option names kept readable). */
export function linkTo(req: GraphRequest, rawPath: string, query: Record<string, string>): string {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${req.serviceRoot}${rawPath}${qs ? '?' + qs : ''}`;
}

/** The request's query options as a plain object, minus the ones named. */
export function queryWithout(req: GraphRequest, ...drop: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.query) if (!drop.includes(k)) out[k] = v;
  return out;
}

/** An opaque token (pagingTokens.ts): sealed, unreadable and tamper-evident. */
export function opaqueToken(data: unknown): string {
  return sealToken(data);
}

/** The state in a token this service issued; undefined for a tampered, foreign or made-up one. */
export function readOpaqueToken(token: string): unknown {
  return openToken(token);
}

/** `$top` as a page size within [1, max], or the default. */
export function pageSize(req: GraphRequest, fallback: number, max: number): number {
  const raw = req.query.get('$top');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw invalidRequest(`Invalid value '${raw}' for $top: a positive whole number is expected.`);
  }
  return Math.min(n, max);
}

/** Splits a Graph path on '/' except inside (...) or '...' (delta(token='a/b'), getByPath(path='/x')). */
export function splitPathSegments(rawPath: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (const ch of rawPath) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth = Math.max(0, depth - 1);
    if (ch === '/' && !depth && !quoted) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}
