// JSON batching over the one Graph client: many small requests in few round trips, within Graph's
// limits (docs/routing.md):
// - at most 20 requests per `POST /$batch`;
// - a batch is either fully parallel (no `dependsOn`) or fully sequential (each request depends on
//   the one before): Graph refuses a batch that mixes chains with independent requests, whole, with
//   400 "Batch should be either fully sequential or fully parallel"
//   (https://github.com/microsoftgraph/microsoft-graph-docs/issues/16280);
// - each inner response has its own status: an inner 429 was not carried out, so it is sent again
//   after its own Retry-After; an inner 503/504 is sent again only when the step is idempotent
//   (GET, DELETE, or a step the caller marks so), never a create;
// - the steps of a group (one mailbox's changes) run in order, and the order is kept here: a
//   group's next step is sent only once its previous one has answered. Many groups share a
//   parallel batch, one step each; a group left almost alone (the tail of a run) sends its
//   remaining steps as one fully sequential batch instead of one round trip per step;
// - at most `maxPerKey` requests of one key are in flight at once (Exchange allows 4 concurrent
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
  /**
   * What to keep of a successful answer's body (default: all of it). Thousands of results are held
   * until `run` resolves: `() => undefined` for writes whose answer is not read, a compact form
   * for large reads.
   */
  keep?: (body: unknown) => unknown;
}

export interface BatchGroup {
  /** What limits concurrency, e.g. the mailbox address. */
  key: string;
  steps: BatchStep[];
  /**
   * The steps do not depend on each other (e.g. two reads): they may be in flight together, up to
   * `maxPerKey`. By default a group's steps run in order, one at a time.
   */
  independent?: boolean;
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
  /** Requests of one key in flight at once. */
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
  onBatch?: (info: {
    requests: number;
    ms: number;
    throttled: number;
    sequential: boolean;
  }) => void;
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

/** A chain of steps that run in order: a whole ordered group, or one step of an independent one. */
interface Unit {
  group: number;
  key: string;
  /** Indexes into the group's steps, in order. */
  steps: number[];
  /** First of `steps` not yet done. */
  next: number;
  attempts: number;
  notBefore: number;
}

/** What one batch carries: parallel (one step of each unit) or one unit's steps in sequence. */
interface Batch {
  units: Unit[];
  /** Steps sent per unit. */
  counts: number[];
  sequential: boolean;
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

function innerRequest(step: BatchStep, id: string, dependsOn: string | undefined) {
  return {
    id,
    method: step.method,
    url: step.url,
    ...(dependsOn ? { dependsOn: [dependsOn] } : {}),
    ...(step.body !== undefined
      ? { body: step.body, headers: { 'Content-Type': 'application/json', ...step.headers } }
      : step.headers
        ? { headers: step.headers }
        : {}),
  };
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
    const done: StepResult[][] = groups.map((g) => new Array<StepResult>(g.steps.length));
    const queue: Unit[] = [];
    groups.forEach((g, group) => {
      const indexes = g.steps.map((_, i) => i);
      const chains = g.independent ? indexes.map((i) => [i]) : indexes.length ? [indexes] : [];
      for (const steps of chains)
        queue.push({ group, key: g.key, steps, next: 0, attempts: 0, notBefore: 0 });
    });
    const inFlightPerKey = new Map<string, number>();
    let inFlight = 0;
    const running = new Set<Promise<void>>();
    const stepOf = (u: Unit, at: number) =>
      (groups[u.group] as BatchGroup).steps[u.steps[at] as number] as BatchStep;
    const record = (u: Unit, result: StepResult) => {
      (done[u.group] as StepResult[])[u.steps[u.next] as number] = result;
      u.next += 1;
    };

    const takeBatch = (): Batch | undefined => {
      const now = this.options.now();
      const free = this.options.maxConcurrentBatches - inFlight;
      const ready: number[] = [];
      const perKey = new Map<string, number>();
      for (let i = 0; i < queue.length; i += 1) {
        const u = queue[i] as Unit;
        const taken = (inFlightPerKey.get(u.key) ?? 0) + (perKey.get(u.key) ?? 0);
        if (u.notBefore > now || taken >= this.options.maxPerKey) continue;
        perKey.set(u.key, (perKey.get(u.key) ?? 0) + 1);
        ready.push(i);
        if (ready.length > this.options.maxPerBatch) break; // enough to fill a parallel batch
      }
      if (ready.length === 0) return undefined;
      const first = queue[ready[0] as number] as Unit;
      const remaining = first.steps.length - first.next;
      // Few units ready and a slot for each: the first one's remaining steps go in sequence, in
      // one round trip, rather than one step per round trip.
      if (ready.length <= free && remaining > 1) {
        queue.splice(ready[0] as number, 1);
        return {
          units: [first],
          counts: [Math.min(remaining, this.options.maxPerBatch)],
          sequential: true,
        };
      }
      const chosen = ready.slice(0, this.options.maxPerBatch);
      const units = chosen.map((i) => queue[i] as Unit);
      for (const i of [...chosen].reverse()) queue.splice(i, 1);
      return { units, counts: units.map(() => 1), sequential: false };
    };

    const settle = (u: Unit, results: StepResult[]) => {
      for (const result of results) {
        const step = stepOf(u, u.next);
        if ((result.status >= 200 && result.status < 300) || step.alsoOk?.includes(result.status)) {
          if (step.keep && result.status < 300) {
            const kept = step.keep(result.body);
            record(u, {
              status: result.status,
              headers: result.headers,
              ...(kept !== undefined ? { body: kept } : {}),
            });
          } else record(u, result);
          continue;
        }
        // An earlier step "failed" with a status the caller accepts (the service still failed the
        // dependants): send the rest again.
        if (result.status === 424) break;
        u.attempts += 1;
        const retryAfter =
          parseRetryAfterMs(result.headers['retry-after'] ?? null, this.options.now()) ??
          this.options.defaultRetryMs;
        if (
          retriable(step, result.status) &&
          u.attempts < this.options.maxAttempts &&
          retryAfter <= this.options.maxRetryAfterMs
        ) {
          u.notBefore = this.options.now() + retryAfter;
          queue.push(u);
          return;
        }
        // Given up: this step keeps its failure, the rest of the chain was not attempted.
        record(u, result);
        while (u.next < u.steps.length) record(u, { status: 424, headers: {} });
        return;
      }
      if (u.next < u.steps.length) queue.push(u); // more steps to send
    };

    const send = async (batch: Batch): Promise<void> => {
      const requests: Record<string, unknown>[] = [];
      const ids: string[][] = batch.units.map((u, n) => {
        const mine: string[] = [];
        for (let s = 0; s < (batch.counts[n] as number); s += 1) {
          const id = String(requests.length + 1);
          requests.push(innerRequest(stepOf(u, u.next + s), id, mine[mine.length - 1]));
          mine.push(id);
        }
        return mine;
      });
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
      this.options.onBatch?.({
        requests: requests.length,
        ms: this.options.now() - started,
        throttled: [...byId.values()].filter((r) => r.status === 429).length,
        sequential: batch.sequential,
      });
      batch.units.forEach((u, n) =>
        settle(
          u,
          (ids[n] as string[]).map(
            (id) => outerFailure ?? byId.get(id) ?? { status: 0, headers: {} /* no answer */ },
          ),
        ),
      );
    };

    for (;;) {
      while (inFlight < this.options.maxConcurrentBatches) {
        const batch = takeBatch();
        if (!batch) break;
        inFlight += 1;
        for (const u of batch.units)
          inFlightPerKey.set(u.key, (inFlightPerKey.get(u.key) ?? 0) + 1);
        const task: Promise<void> = send(batch).finally(() => {
          inFlight -= 1;
          for (const u of batch.units)
            inFlightPerKey.set(u.key, (inFlightPerKey.get(u.key) ?? 1) - 1);
          running.delete(task);
        });
        running.add(task);
      }
      if (running.size > 0) {
        await Promise.race(running);
        continue;
      }
      if (queue.length === 0) break;
      const wait = Math.max(0, Math.min(...queue.map((u) => u.notBefore)) - this.options.now());
      await this.options.sleep(Math.max(wait, 1));
    }
    return done;
  }
}
