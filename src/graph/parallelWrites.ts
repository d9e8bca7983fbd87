// Independent writes sent together in ONE fully parallel `$batch` (no dependsOn: Graph refuses a
// batch that mixes chains and independent requests), so a save costs one round trip for all of
// them. Each answer is judged on its own:
// - a keyed create (keyedCreate.ts) that failed, whatever the status, is followed by a look-up of
//   its key: found = done, not found = its error;
// - any other write succeeds on 2xx or a status the caller names (e.g. 409 for a category that
//   exists already).
// Nothing is retried here: the first error is thrown once every answer is judged, and the caller
// (the outbox) runs its whole, idempotent, save again.
import type { Client } from '@microsoft/microsoft-graph-client';
import { type GraphCalls, graphCallsOf } from './graphCalls';
import type { BatchStep, StepResult } from './batch';
import { GraphAccessError, toGraphAccessError } from './errors';
import { findByKey, type KeyedCreate } from './keyedCreate';

export type ParallelWrite = { keyed: KeyedCreate } | { step: BatchStep; alsoOk?: number[] };

/** A failed batch step as the GraphAccessError a direct request would have given. */
export function stepError(result: StepResult): GraphAccessError {
  if (result.status === 0) return new GraphAccessError('offline');
  const body = result.body as { error?: { code?: unknown } } | undefined;
  const code = typeof body?.error?.code === 'string' ? body.error.code : null;
  return toGraphAccessError(
    Object.assign(new Error('batch step failed'), {
      statusCode: result.status,
      code,
      headers: new Headers(result.headers),
    }),
  );
}

function asStep(write: ParallelWrite): BatchStep {
  if ('step' in write) return write.step;
  return { method: 'POST', url: write.keyed.itemsPath, body: { fields: write.keyed.fields } };
}

/** Sends every write in one parallel $batch (20 at most); throws the first failure. */
export async function writeInParallel(
  client: Client | GraphCalls,
  writes: ParallelWrite[],
): Promise<void> {
  if (!writes.length) return;
  const calls = graphCallsOf(client);
  const results = await calls
    .batcher({ maxAttempts: 1 })
    .run(writes.map((w, i) => ({ key: `write-${i}`, steps: [asStep(w)] })));
  const failures = await Promise.all(
    writes.map(async (write, i): Promise<GraphAccessError | undefined> => {
      const result = results[i]?.[0] ?? { status: 0, headers: {} };
      if (result.status >= 200 && result.status < 300) return undefined;
      if ('step' in write) {
        return write.alsoOk?.includes(result.status) ? undefined : stepError(result);
      }
      const found = await findByKey(calls, write.keyed).catch(() => undefined);
      return found ? undefined : stepError(result);
    }),
  );
  const failure = failures.find((f) => f !== undefined);
  if (failure) throw failure;
}
