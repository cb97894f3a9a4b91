import { useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';

/**
 * One Idempotency-Key per action: made at the first press, kept while the same action is retried
 * after a lost answer (so it happens once), dropped after an answer. The error of the last press is
 * kept for the form to show. (Features share nothing: the ledger has its own.)
 */
export function useKeyedAction<A, T>(send: (argument: A, idempotency_key: string) => Promise<T>) {
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    busy,
    error,
    reset: () => setError(null),
    async run(argument: A): Promise<T | undefined> {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      setError(null);
      key.current ??= newIdempotencyKey();
      try {
        const result = await send(argument, key.current);
        key.current = null;
        return result;
      } catch (caught) {
        if (caught instanceof ApiError && caught.status < 500) key.current = null;
        setError(caught);
        return undefined;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
  };
}
