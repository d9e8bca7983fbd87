// How a save's failure reaches the reviewer: a refusal, a conflict that names who saved first and
// when, or a plain failure (GraphAccessError's words: no personal data, no tokens).
import { toGraphAccessError } from '../../graph/errors';
import { ChangedByOtherError } from '../../graph/repositories/itemChanges';
import { formatDayTime } from '../../policy/dates/format';
import type { TransitionOutcome } from './types';

/** "Changed by Helen Marsh at 14:05 on 3 March 2026 — reload and try again". */
export function conflictMessage(changedBy?: string, changedAt?: string): string {
  const at = changedAt && !Number.isNaN(Date.parse(changedAt)) ? new Date(changedAt) : undefined;
  const when = at ? ` at ${formatDayTime(at)}` : '';
  return `Changed by ${changedBy ?? 'someone else'}${when} — reload and try again`;
}

/** A save that threw, as the outcome the reviewer reads. */
export function failureOutcome(e: unknown): TransitionOutcome {
  if (e instanceof ChangedByOtherError)
    return {
      ok: false,
      kind: 'conflict',
      message: conflictMessage(e.changedBy, e.changedAt),
      ...(e.changedBy ? { changedBy: e.changedBy } : {}),
      ...(e.changedAt ? { changedAt: e.changedAt } : {}),
    };
  return { ok: false, kind: 'failed', message: toGraphAccessError(e).message };
}
