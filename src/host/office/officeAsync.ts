// Small promise helpers around Office.js callbacks. Office calls back with an AsyncResult instead of
// throwing, and in rare cases never calls back at all, so every call gets a time limit: a pane that
// waits forever looks like a pane that has checked nothing.

export class OfficeCallError extends Error {
  constructor(
    message: string,
    /** Office's numeric error code where it gave one (never personal data). */
    readonly code?: number,
  ) {
    super(message);
    this.name = 'OfficeCallError';
  }
}

export const DEFAULT_OFFICE_TIMEOUT_MS = 5_000;

type OfficeCallback<T> = (result: Office.AsyncResult<T>) => void;

/**
 * Office.AsyncResultStatus is typed as a numeric enum but is the string 'succeeded' at run time
 * (and in Microsoft's samples); comparing with the string needs no Office global.
 */
function isSucceeded(result: Office.AsyncResult<unknown>): boolean {
  return (result?.status as unknown) === 'succeeded';
}

/**
 * Runs one callback-style Office.js call as a promise. Rejects with an OfficeCallError when Office
 * reports a failure, when the call throws, or when no answer comes within `timeoutMs`.
 */
export function officeCall<T>(
  start: (callback: OfficeCallback<T>) => void,
  what: string,
  timeoutMs: number = DEFAULT_OFFICE_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new OfficeCallError(`${what}: Outlook did not answer in time`));
    }, timeoutMs);
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    try {
      start((result) => {
        finish(() => {
          if (isSucceeded(result)) resolve(result.value);
          else reject(new OfficeCallError(`${what} failed`, result.error?.code));
        });
      });
    } catch {
      finish(() => reject(new OfficeCallError(`${what} is not available`)));
    }
  });
}

/** Resolves undefined instead of rejecting: for optional facts (Reply-To, shared mailbox). */
export async function optional<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch {
    return undefined;
  }
}

/** Races a promise against a timer; the timer never keeps Node or the page alive. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new OfficeCallError(`${what}: no answer in time`)),
      timeoutMs,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new OfficeCallError(`${what} failed`));
      },
    );
  });
}
