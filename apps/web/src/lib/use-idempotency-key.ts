/**
 * One Idempotency-Key per distinct body a form submits: pressing "Save" again after a network
 * failure resends the same key (the server answers once, no duplicate record), while a corrected
 * body after a refusal gets a fresh key (the server would refuse a reused key with another body).
 * `session` identifies one opening of the form (e.g. the dialog's target object): pass it, or the
 * same body typed again in a later opening is answered with the first record instead of creating.
 */
import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from './api-client.ts';

export function useIdempotencyKey(session?: unknown): (body: unknown) => string {
  const last = useRef<{ session: unknown; json: string; key: string } | null>(null);
  return useCallback(
    (body: unknown) => {
      const json = JSON.stringify(body);
      let current = last.current;
      if (!current || current.session !== session || current.json !== json) {
        current = { session, json, key: newIdempotencyKey() };
        last.current = current;
      }
      return current.key;
    },
    [session],
  );
}
