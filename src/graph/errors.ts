// One error type for everything that can go wrong reaching Graph, with a kind the pane can act on.
// Messages are built from the kind, status and Graph's error code only: never from URLs, tokens or
// response bodies, which can hold personal data (addresses, names).
import { GraphError } from '@microsoft/microsoft-graph-client';
import { SignInRequiredError, WrongAccountError } from '../auth/tokenProvider';
import { isNetworkFailure, parseRetryAfterMs } from './middleware/retryMiddleware';

export type GraphAccessErrorKind =
  | 'offline'
  | 'signedOut'
  | 'wrongAccount'
  | 'forbidden'
  | 'notFound'
  | 'throttled'
  | 'unavailable'
  | 'gone'
  | 'conflict'
  | 'preconditionFailed'
  | 'badRequest'
  | 'unknown';

const PLAIN_MESSAGES: Record<GraphAccessErrorKind, string> = {
  offline: "We couldn't reach Microsoft 365. Check the connection and try again.",
  signedOut: 'You need to sign in again.',
  wrongAccount:
    "Contact Guard was signed in with a different account from this mailbox's, so it was refused. Sign in with your own school account.",
  forbidden: "Your account doesn't have permission for this.",
  notFound: "What we looked for wasn't found in Microsoft 365.",
  throttled: 'Microsoft 365 is busy and asked us to slow down.',
  unavailable: 'Microsoft 365 is temporarily unavailable.',
  gone: 'The saved list of changes has expired, so everything must be read again.',
  conflict: 'Someone else changed this at the same time.',
  preconditionFailed: 'This was changed by someone else after it was loaded.',
  badRequest: 'Microsoft 365 did not accept the request.',
  unknown: 'Something went wrong talking to Microsoft 365.',
};

/** One short plain-English sentence for the pane. */
export function plainMessage(kind: GraphAccessErrorKind): string {
  return PLAIN_MESSAGES[kind];
}

export class GraphAccessError extends Error {
  readonly kind: GraphAccessErrorKind;
  readonly status?: number;
  /** Graph's error code (e.g. itemNotFound), kept only when it looks like an identifier. */
  readonly code?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    kind: GraphAccessErrorKind,
    details: { status?: number; code?: string; retryAfterSeconds?: number } = {},
  ) {
    const suffix = [
      details.status !== undefined ? `HTTP ${details.status}` : undefined,
      details.code,
    ].filter((part) => part !== undefined);
    super(suffix.length ? `${plainMessage(kind)} (${suffix.join(', ')})` : plainMessage(kind));
    this.name = 'GraphAccessError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

function kindForStatus(status: number): GraphAccessErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'badRequest';
    case 401:
      return 'signedOut';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    case 410:
      return 'gone';
    case 412:
      return 'preconditionFailed';
    case 429:
      return 'throttled';
    default:
      return status >= 500 ? 'unavailable' : 'unknown';
  }
}

/**
 * SharePoint answers a stale If-Match with 412 (documented) or 409 resourceModified (reported):
 * both are "changed by someone else after it was loaded", never a plain conflict such as a
 * duplicate (dev/local-graph/README.md, row 10).
 */
function kindFor(status: number, code: string | null): GraphAccessErrorKind {
  return status === 409 && code === 'resourceModified'
    ? 'preconditionFailed'
    : kindForStatus(status);
}

/** Graph error codes are identifiers; anything else (free text) is dropped in case it holds data. */
function safeCode(code: unknown): string | undefined {
  return typeof code === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code) ? code : undefined;
}

function retryAfterSecondsFrom(headers: unknown): number | undefined {
  if (!(headers instanceof Headers)) {
    return undefined;
  }
  // One reading of Retry-After for the whole layer: whole or decimal seconds ("0.249", as Graph
  // sends inside batches) or an HTTP date.
  const ms = parseRetryAfterMs(headers.get('Retry-After'), Date.now());
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

interface GraphErrorLike {
  statusCode: number;
  code: string | null;
  headers?: Headers;
}

function isGraphErrorLike(e: unknown): e is GraphErrorLike {
  // Duck-typed as well as instanceof: a bundle can hold the library's CommonJS and ES builds.
  return (
    e instanceof GraphError ||
    (e instanceof Error && typeof (e as Partial<GraphErrorLike>).statusCode === 'number')
  );
}

/** True for a WrongAccountError, raw or as wrapped by the Graph library (code = its name). */
export function isWrongAccount(e: unknown): boolean {
  return (
    e instanceof WrongAccountError ||
    (e instanceof Error && e.name === 'WrongAccountError') ||
    (isGraphErrorLike(e) && e.code === 'WrongAccountError')
  );
}

/** True for a SignInRequiredError (WrongAccountError included), raw or as wrapped by the Graph library. */
export function isSignInRequired(e: unknown): boolean {
  return (
    e instanceof SignInRequiredError ||
    (e instanceof Error && e.name === 'SignInRequiredError') ||
    (isGraphErrorLike(e) && e.code === 'SignInRequiredError') ||
    isWrongAccount(e)
  );
}

export function toGraphAccessError(e: unknown): GraphAccessError {
  if (e instanceof GraphAccessError) {
    return e;
  }
  // Before isSignInRequired: a wrong account is a sign-in problem with its own plain message.
  if (isWrongAccount(e)) {
    return new GraphAccessError('wrongAccount');
  }
  if (isSignInRequired(e)) {
    return new GraphAccessError('signedOut');
  }
  if (isGraphErrorLike(e)) {
    if (e.statusCode > 0) {
      return new GraphAccessError(kindFor(e.statusCode, e.code), {
        status: e.statusCode,
        code: safeCode(e.code),
        retryAfterSeconds: retryAfterSecondsFrom(e.headers),
      });
    }
    // No response. The library names the error after what fetch threw, or, for an error from
    // another realm that it does not recognise as an Error, keeps the thrown value as its body.
    const noResponse = e.code === 'TypeError' || isNetworkFailure((e as { body?: unknown }).body);
    return new GraphAccessError(noResponse ? 'offline' : 'unknown');
  }
  if (isNetworkFailure(e)) {
    return new GraphAccessError('offline'); // fetch's "no response" failure, outside the client
  }
  return new GraphAccessError('unknown');
}
