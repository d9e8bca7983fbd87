// JSON batching over the one Graph client: many small requests in few round trips, within Graph's
// limits (docs/routing.md):
// - at most 20 requests per `POST /$batch`;
// - each inner response has its own status: an inner 429 was not carried out, so it is sent again
//   after its own Retry-After; an inner 503/504 is sent again only when the step is idempotent
//   (GET, DELETE, or a step the caller marks so), never a create;
// - requests for one mailbox are a *group* whose steps run in order (chained with `dependsOn`), and
//   at most `maxPerKey` groups of one key are in flight at once (Exchange allows 4 concurrent
//   requests per app and mailbox).
import type { Client } from '@microsoft/microsoft-graph-client';
import { parseRetryAfterMs } from './middleware/retryMiddleware';
import { toGraphAccessError } from './errors';

export const MAX_BATCH_REQUESTS = 20;

export interface BatchStep {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below /v1.0, e.g. /users/{id}/mailFolders/inbox/messageRules */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to send twice (a PATCH that sets a whole state). GET and DELETE always are. */
  idempotent?: boolean;
  /** Statuses that count as success besides 2xx, e.g. 404 for a DELETE of what is already gone. */
  alsoOk?: number[];
}

export interface BatchGroup {
  /** What limits concurrency, e.g. the mailbox address. */
  key: string;
  steps: BatchStep[];
}

export interface StepResult {
  /** HTTP status; 0 when no answer came (network), 424 when an earlier step of the group failed. */
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

export interface BatchOptions {
  maxPerBatch: number;
  maxConcurrentBatches: number;
  maxPerKey: number;
  /** Attempts per group before its failing step is given up. */
  maxAttempts: number;
  /** Longest Retry-After honoured; a longer one ends the step as throttled. */
  maxRetryAfterMs: number;
  /** Wait when a 429/503 gives no Retry-After. */
  defaultRetryMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Called after each batch round trip (progress bars, counters). */
  onBatch?: (info: { requests: number; ms: number; throttled: number }) => void;
}

export const defaultBatchOptions: BatchOptions = {
  maxPerBatch: MAX_BATCH_REQUESTS,
  maxConcurrentBatches: 4,
  maxPerKey: 4,
  maxAttempts: 6,
  maxRetryAfterMs: 60_000,
  defaultRetryMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

interface Pending {
  index: number;
  group: BatchGroup;
  /** First step not yet done. */
  next: number;
  attempts: number;
  notBefore: number;
  results: StepResult[];
}

interface InnerResponse {
  id?: unknown;
  status?: unknown;
  headers?: unknown;
  body?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function retriable(step: BatchStep, status: number): boolean {
  if (status === 429) return true; // not carried out: safe for any method
  if (status === 503 || status === 504 || status === 0) {
    return step.method === 'GET' || step.method === 'DELETE' || step.idempotent === true;
  }
  return false;
}

export class GraphBatcher {
  private readonly options: BatchOptions;

  constructor(
    private readonly client: Client,
    options: Partial<BatchOptions> = {},
  ) {
    this.options = { ...defaultBatchOptions, ...options };
    if (this.options.maxPerBatch < 1 || this.options.maxPerBatch > MAX_BATCH_REQUESTS) {
      throw new Error(`A batch holds 1 to ${MAX_BATCH_REQUESTS} requests`);
    }
  }

  /** Runs every group; resolves with each group's step results, in the order given. */
  async run(groups: readonly BatchGroup[]): Promise<StepResult[][]> {
    const done: StepResult[][] = groups.map(() => []);
    const queue: Pending[] = groups
      .map((group, index) => ({ index, group, next: 0, attempts: 0, notBefore: 0, results: [] }))
      .filter((p) => p.group.steps.length > 0);
    const inFlightPerKey = new Map<string, number>();
    let inFlight = 0;
    const running = new Set<Promise<void>>();

    const takeBatch = (): Pending[] => {
      const now = this.options.now();
      const batch: Pending[] = [];
      let size = 0;
      for (let i = 0; i < queue.length && size < this.options.maxPerBatch;) {
        const p = queue[i] as Pending;
        const keyCount = inFlightPerKey.get(p.group.key) ?? 0;
        const inThisBatch = batch.filter((b) => b.group.key === p.group.key).length;
        if (p.notBefore > now || keyCount + inThisBatch >= this.options.maxPerKey) {
          i += 1;
          continue;
        }
        const steps = Math.min(p.group.steps.length - p.next, this.options.maxPerBatch);
        if (size + steps > this.options.maxPerBatch && batch.length > 0) {
          i += 1;
          continue;
        }
        queue.splice(i, 1);
        batch.push(p);
        size += steps;
      }
      return batch;
    };

    const finish = (p: Pending) => {
      done[p.index] = p.results;
    };

    const settle = (p: Pending, results: StepResult[], sentSteps: number) => {
      for (let s = 0; s < sentSteps; s += 1) {
        const step = p.group.steps[p.next] as BatchStep;
        const result = results[s] as StepResult;
        if ((result.status >= 200 && result.status < 300) || step.alsoOk?.includes(result.status)) {
          p.results.push(result);
          p.next += 1;
          continue;
        }
        // An earlier step "failed" with a status the caller accepts (the service still failed the
        // dependants): send the rest again.
        if (result.status === 424) break;
        p.attempts += 1;
        const retryAfter =
          parseRetryAfterMs(result.headers['retry-after'] ?? null, this.options.now()) ??
          this.options.defaultRetryMs;
        if (
          retriable(step, result.status) &&
          p.attempts < this.options.maxAttempts &&
          retryAfter <= this.options.maxRetryAfterMs
        ) {
          p.notBefore = this.options.now() + retryAfter;
          queue.push(p);
          return;
        }
        // Given up: this step keeps its failure, the rest of the group was not attempted.
        p.results.push(result);
        p.next += 1;
        while (p.next < p.group.steps.length) {
          p.results.push({ status: 424, headers: {} });
          p.next += 1;
        }
        finish(p);
        return;
      }
      if (p.next >= p.group.steps.length) finish(p);
      else queue.push(p); // more steps than one batch holds
    };

    const send = async (batch: Pending[]): Promise<void> => {
      const requests: Record<string, unknown>[] = [];
      const sent: { p: Pending; ids: string[] }[] = [];
      let room = this.options.maxPerBatch;
      for (const p of batch) {
        const ids: string[] = [];
        const count = Math.min(p.group.steps.length - p.next, room);
        for (let s = 0; s < count; s += 1) {
          const step = p.group.steps[p.next + s] as BatchStep;
          const id = String(requests.length + 1);
          requests.push({
            id,
            method: step.method,
            url: step.url,
            ...(ids.length > 0 ? { dependsOn: [ids[ids.length - 1]] } : {}),
            ...(step.body !== undefined
              ? {
                  body: step.body,
                  headers: { 'Content-Type': 'application/json', ...step.headers },
                }
              : step.headers
                ? { headers: step.headers }
                : {}),
          });
          ids.push(id);
        }
        room -= count;
        sent.push({ p, ids });
      }
      const started = this.options.now();
      let byId = new Map<string, StepResult>();
      let outerFailure: StepResult | undefined;
      try {
        const body: unknown = await this.client.api('/$batch').post({ requests });
        const responses = isRecord(body) && Array.isArray(body.responses) ? body.responses : [];
        byId = new Map(
          (responses as InnerResponse[]).map((r) => [
            String(r.id),
            {
              status: typeof r.status === 'number' ? r.status : 0,
              headers: headerMap(r.headers),
              ...(r.body !== undefined ? { body: r.body } : {}),
            },
          ]),
        );
      } catch (e) {
        const error = toGraphAccessError(e);
        outerFailure = {
          status: error.status ?? 0,
          headers:
            error.retryAfterSeconds !== undefined
              ? { 'retry-after': String(error.retryAfterSeconds) }
              : {},
        };
      }
      const results = (ids: string[]) =>
        ids.map(
          (id) => outerFailure ?? byId.get(id) ?? { status: 0, headers: {} /* no answer for it */ },
        );
      this.options.onBatch?.({
        requests: requests.length,
        ms: this.options.now() - started,
        throttled: [...byId.values()].filter((r) => r.status === 429).length,
      });
      for (const { p, ids } of sent) settle(p, results(ids), ids.length);
    };

    for (;;) {
      while (inFlight < this.options.maxConcurrentBatches) {
        const batch = takeBatch();
        if (batch.length === 0) break;
        inFlight += 1;
        for (const p of batch)
          inFlightPerKey.set(p.group.key, (inFlightPerKey.get(p.group.key) ?? 0) + 1);
        const task: Promise<void> = send(batch).finally(() => {
          inFlight -= 1;
          for (const p of batch)
            inFlightPerKey.set(p.group.key, (inFlightPerKey.get(p.group.key) ?? 1) - 1);
          running.delete(task);
        });
        running.add(task);
      }
      if (running.size > 0) {
        await Promise.race(running);
        continue;
      }
      if (queue.length === 0) break;
      const wait = Math.max(0, Math.min(...queue.map((p) => p.notBefore)) - this.options.now());
      await this.options.sleep(Math.max(wait, 1));
    }
    return done;
  }
}
