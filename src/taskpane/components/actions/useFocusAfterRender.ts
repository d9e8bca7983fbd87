import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to one of `targets` once it is on the page: the element that opens (a confirmation)
 * or that says the result is often rendered by the same state change that asks for focus, so the
 * focus waits for the render that shows it (issue 13, item 5: focus never lost after an action).
 * The caller changes state as it asks (opening, working, done), which brings that render.
 */
export function useFocusAfterRender<K extends string>(
  targets: Record<K, RefObject<HTMLElement | null>>,
): (target: K) => void {
  const wanted = useRef<K | null>(null);
  useEffect(() => {
    const target = wanted.current;
    if (target === null) return;
    const el = targets[target].current;
    // Not rendered yet, or disabled while an action runs: tried again after the next render.
    if (!el || (el as HTMLButtonElement).disabled) return;
    wanted.current = null;
    el.focus();
  });
  return useCallback((target: K) => {
    wanted.current = target;
  }, []);
}
