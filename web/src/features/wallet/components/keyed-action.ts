import { useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../../shared/api/client';

/**
 * One Idempotency-Key per user action: made at the first press, kept while the same action is
 * retried after a lost answer (so it pays once), dropped after an answer or when the person
 * changes what they ask for. A press while the request is out is ignored, and `busy` disables
 * the button at once (set in the click's own event, before any second click can arrive).
 */
export function useKeyedAction<T>(send: (key: string) => Promise<T>) {
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  return {
    busy,
    /** The person changed the request: the next press is a new action. */
    changed() {
      key.current = null;
    },
    async run(): Promise<T | undefined> {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      key.current ??= newIdempotencyKey();
      try {
        const result = await send(key.current);
        key.current = null;
        return result;
      } catch (error) {
        // A refusal was answered (and released the key): the next press is a new action.
        if (error instanceof ApiError && error.status < 500) key.current = null;
        return undefined;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
  };
}
