import { useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';

/**
 * One Idempotency-Key per staff action: made at the first press, kept while the same action is
 * retried after a lost answer (so it posts once), dropped after an answer. A press while the
 * request is out is ignored, and `busy` disables the button in the click's own event, before a
 * second click of a double click arrives. (The wallet feature has its own; features share nothing.)
 */
export function useKeyedAction<A, T>(send: (argument: A, idempotency_key: string) => Promise<T>) {
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  return {
    busy,
    async run(argument: A): Promise<T | undefined> {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      key.current ??= newIdempotencyKey();
      try {
        const result = await send(argument, key.current);
        key.current = null;
        return result;
      } catch (error) {
        // A refusal was answered: the next press is a new action. A lost answer keeps the key.
        if (error instanceof ApiError && error.status < 500) key.current = null;
        return undefined;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
  };
}
