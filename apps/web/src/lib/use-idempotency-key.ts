/**
 * One Idempotency-Key per distinct body a form submits: pressing "Save" again after a network
 * failure resends the same key (the server answers once, no duplicate record), while a corrected
 * body after a refusal gets a fresh key (the server would refuse a reused key with another body).
 */
import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from './api-client.ts';

export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ json: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const json = JSON.stringify(body);
    if (last.current?.json !== json) last.current = { json, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
}
