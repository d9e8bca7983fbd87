// One way to load something for a component: loading, then the value or the error, with a retry.
// Replaces the hand-written `let live = true ... return () => { live = false }` effects: a result
// that arrives after the component has gone, or after what it loads has changed (another email,
// another person), is dropped, and the load's AbortSignal says so to whoever wants to stop early.
import { useCallback, useEffect, useRef, useState } from 'react';

/** What is loaded: a stable function (a LazyService, or one made with useCallback). */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export type Async<T> = (
  | { state: 'loading'; value?: undefined; error?: undefined }
  | { state: 'error'; value?: undefined; error: unknown }
  | { state: 'done'; value: T; error?: undefined }
) & {
  /** Back to loading, and load again (the "Try again" button). */
  retry: () => void;
  /**
   * Load again while what was loaded stays shown; resolves once the new result is in (say, an
   * email's state after an action on it). A result for something no longer shown is dropped.
   */
  refresh: () => Promise<void>;
};

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Request<T> {
  load: Loader<T>;
  reloadKey: unknown;
  attempt: number;
}

function settle<T>(load: Loader<T>, signal: AbortSignal): Promise<Outcome<T>> {
  // A load that throws before returning its promise fails like one that rejects.
  return new Promise<T>((resolve) => resolve(load(signal))).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Loads with `load` when the component mounts and again whenever `load` (or `reloadKey`) changes;
 * `null` loads nothing yet and stays 'loading'. `load` must be stable between renders — a
 * LazyService from the composition root, or a function from useCallback with what it reads as
 * its dependencies — since a new function means "load again". `reloadKey` loads again when
 * something the load does not read has changed (say, a case's stage after a decision); it is
 * compared with Object.is, so it must be a string, number or other stable value (an object made
 * in render would load again on every render). A failed refresh() shows the failure in place of
 * the value, with "Try again".
 */
export function useAsync<T>(
  load: Loader<T> | null | undefined,
  reloadKey?: string | number | boolean | null,
): Async<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<(Request<T> & { outcome: Outcome<T> }) | null>(null);
  // The request now shown and its signal (aborted when it is no longer), for refresh().
  const current = useRef<{ request: Request<T>; signal: AbortSignal; seq: number } | null>(null);

  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    const request: Request<T> = { load, reloadKey, attempt };
    const mine = { request, signal: controller.signal, seq: 0 };
    current.current = mine;
    void settle(load, controller.signal).then((outcome) => {
      if (!controller.signal.aborted && mine.seq === 0) setResult({ ...request, outcome });
    });
    return () => controller.abort();
  }, [load, reloadKey, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const refresh = useCallback(async () => {
    const mine = current.current;
    if (!mine || mine.signal.aborted) return;
    const seq = ++mine.seq;
    const outcome = await settle(mine.request.load, mine.signal);
    // Only the newest refresh of the request still shown lands.
    if (!mine.signal.aborted && seq === mine.seq) setResult({ ...mine.request, outcome });
  }, []);

  const fresh =
    load &&
    result &&
    result.load === load &&
    Object.is(result.reloadKey, reloadKey) &&
    result.attempt === attempt
      ? result.outcome
      : null;
  if (!fresh) return { state: 'loading', retry, refresh };
  return fresh.ok
    ? { state: 'done', value: fresh.value, retry, refresh }
    : { state: 'error', error: fresh.error, retry, refresh };
}
