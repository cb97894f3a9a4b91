import { useCallback, useRef } from 'react';

/**
 * Runs an action once at a time: a second click before the first request settles is dropped.
 * A disabled button alone is not enough, since two clicks can land before React renders the
 * disabled state.
 */
export function useSingleFlight(): (action: () => Promise<unknown>) => void {
  const busy = useRef(false);
  return useCallback((action) => {
    if (busy.current) return;
    busy.current = true;
    void action()
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  }, []);
}
