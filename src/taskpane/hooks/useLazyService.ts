import { useEffect, useState } from 'react';

/**
 * A service whose code is loaded only when it is first wanted (see `lazyService` in the
 * composition root). Undefined until loaded; a failed load leaves it undefined, and the next
 * time it is wanted the load is tried again.
 */
export function useLazyService<T>(
  load: (() => Promise<T>) | undefined,
  wanted: boolean,
): T | undefined {
  const [value, setValue] = useState<{ service: T } | undefined>(undefined);
  useEffect(() => {
    if (!load || !wanted) return;
    let live = true;
    load().then(
      (service) => live && setValue({ service }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load, wanted]);
  return value?.service;
}
