// Our retry policy. The library's RetryHandler is deliberately not used: it retries 429/503/504 for
// any method, so a POST (e.g. /forward, which returns 202 and no body) could be sent twice. Here
// only idempotent methods are retried, unless the caller marks a request safe with RetrySafety.
//
// Retry-After in a browser: Graph does not list Retry-After in Access-Control-Expose-Headers
// (https://github.com/microsoftgraph/microsoft-graph-docs/issues/17488), so the add-in's pages
// see `null` even when Graph asked for a wait. Retrying after the 1 s backoff would land inside
// the throttling window and count against the mailbox again. So when the header cannot be read
// (a browser) a 429/503/504 is retried at most twice, after a conservative floor: 5-7.5 s, then
// 10 s (within maxDelayMs), about 17 s in all before the plain "busy, try again" message — the
// same order as the waits Graph asks for, and well inside the 30 s budget of one request.
// Node tools (the routing job) read the header and keep honouring it.
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { LinkedMiddleware } from './linkedMiddleware';
import { requestMethod } from './requestParts';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Longest single wait. A server asking for a longer wait is not retried: we never retry early. */
  maxDelayMs: number;
  /** Longest time spent on one request, waits included, before we stop retrying. */
  maxTotalMs: number;
  /** First backoff step when the server gives no Retry-After. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); injectable so tests can pin the jitter. */
  random: () => number;
  now: () => number;
  /**
   * Whether a response's Retry-After can be read: false in a browser (Graph does not expose it
   * to pages), true in Node. Detected by default.
   */
  retryAfterReadable: boolean;
  /** First wait for a 429/503/504 when Retry-After cannot be read; doubled for the next. */
  unreadableFloorMs: number;
  /** Retries for a 429/503/504 when Retry-After cannot be read. */
  unreadableMaxRetries: number;
}

/** A page (window and document) cannot read headers a cross-origin response does not expose. */
export function canReadRetryAfter(): boolean {
  return typeof window === 'undefined' || typeof document === 'undefined';
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxDelayMs: 10_000,
  maxTotalMs: 30_000,
  baseDelayMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
  retryAfterReadable: canReadRetryAfter(),
  unreadableFloorMs: 5_000,
  unreadableMaxRetries: 2,
};

/**
 * Per-request retry marking, passed with `.middlewareOptions([new RetrySafety({ idempotent: true })])`.
 * Mark a POST or PATCH safe only when a duplicate cannot do harm: the server rejects the duplicate,
 * or a PATCH carries If-Match. `idempotent: false` stops retries of a method that would otherwise
 * be retried.
 */
export class RetrySafety implements MiddlewareOptions {
  readonly idempotent: boolean;
  constructor(opts: { idempotent: boolean }) {
    this.idempotent = opts.idempotent;
  }
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRIABLE_STATUSES = new Set([429, 503, 504]);
/** A dropped connection is retried once: more rarely helps and delays the "offline" message. */
const MAX_NETWORK_RETRIES = 1;

/** Milliseconds to wait from a Retry-After value (delta-seconds or an HTTP date); undefined if unreadable. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * fetch rejects with a TypeError when no response arrives (an AbortError is the caller's choice,
 * not a failure). Checked by name too: Node's fetch can throw a TypeError from another realm (e.g.
 * under Jest's vm sandbox), which `instanceof` does not recognise.
 */
export function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'TypeError')
  );
}

function hasReplayableBody(context: Context): boolean {
  const body = typeof context.request === 'string' ? context.options?.body : context.request.body;
  // A stream is consumed by the first attempt and cannot be sent again.
  return !(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream);
}

function discardBody(response: Response): void {
  // Free the connection of a response we are about to replace (Node keeps it open otherwise).
  response.body?.cancel().catch(() => undefined);
}

export class RetryMiddleware extends LinkedMiddleware {
  private readonly policy: RetryPolicy;

  constructor(policy: Partial<RetryPolicy> = {}) {
    super();
    this.policy = { ...defaultRetryPolicy, ...policy };
  }

  async execute(context: Context): Promise<void> {
    if (!this.mayRetry(context)) {
      await this.callNext(context);
      return;
    }
    const started = this.policy.now();
    let retries = 0;
    let networkRetries = 0;
    for (;;) {
      let waitMs: number | undefined;
      try {
        await this.callNext(context);
      } catch (error) {
        if (!isNetworkFailure(error) || networkRetries >= MAX_NETWORK_RETRIES) {
          throw error;
        }
        waitMs = this.backoffMs(retries + 1);
        if (!this.canWait(retries, waitMs, started)) {
          throw error;
        }
        networkRetries += 1;
      }
      if (waitMs === undefined) {
        const response = context.response;
        if (!response || !RETRIABLE_STATUSES.has(response.status)) {
          return;
        }
        const retryAfterMs = parseRetryAfterMs(
          response.headers.get('Retry-After'),
          this.policy.now(),
        );
        const blind = retryAfterMs === undefined && !this.policy.retryAfterReadable;
        waitMs = retryAfterMs ?? (blind ? this.floorMs(retries + 1) : this.backoffMs(retries + 1));
        if (
          !this.canWait(retries, waitMs, started) ||
          (blind && retries >= this.policy.unreadableMaxRetries)
        ) {
          return; // the caller sees the 429/503/504 and its Retry-After
        }
        discardBody(response);
      }
      retries += 1;
      await this.policy.sleep(waitMs);
    }
  }

  private mayRetry(context: Context): boolean {
    if (this.policy.maxRetries <= 0 || !hasReplayableBody(context)) {
      return false;
    }
    // Duck-typed rather than instanceof: the library ships CommonJS and ES builds, and a bundle
    // may hold a MiddlewareControl class from the other one.
    const control = context.middlewareControl;
    const safety =
      typeof control?.getMiddlewareOptions === 'function'
        ? (control.getMiddlewareOptions(RetrySafety) as RetrySafety | undefined)
        : undefined;
    return safety ? safety.idempotent : IDEMPOTENT_METHODS.has(requestMethod(context));
  }

  private canWait(retriesSoFar: number, waitMs: number, started: number): boolean {
    const { maxRetries, maxDelayMs, maxTotalMs, now } = this.policy;
    return (
      retriesSoFar < maxRetries && waitMs <= maxDelayMs && now() - started + waitMs <= maxTotalMs
    );
  }

  /** Without a readable Retry-After: the floor, then double it, jittered upwards, within maxDelayMs. */
  private floorMs(attempt: number): number {
    const { unreadableFloorMs, maxDelayMs, random } = this.policy;
    const step = unreadableFloorMs * 2 ** (attempt - 1);
    return Math.min(maxDelayMs, Math.round(step + random() * (unreadableFloorMs / 2)));
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, so clients spread out. */
  private backoffMs(attempt: number): number {
    const { baseDelayMs, maxDelayMs, random } = this.policy;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  }
}
