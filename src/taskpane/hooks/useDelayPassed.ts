import { useEffect, useState } from 'react';

/**
 * False until `ms` have passed since `since` last changed (a key: the thing being waited for),
 * then true. One timer, cleared when the key changes or the component goes; tests drive it with
 * jest's fake timers.
 */
export function useDelayPassed(since: string | null, ms: number): boolean {
  const [passedFor, setPassedFor] = useState<string | null>(null);
  useEffect(() => {
    if (since === null) return undefined;
    const timer = setTimeout(() => setPassedFor(since), ms);
    return () => clearTimeout(timer);
  }, [since, ms]);
  return since !== null && passedFor === since;
}
