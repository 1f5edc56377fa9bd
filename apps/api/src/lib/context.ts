import type { Actor } from './actor.ts';

/** What a service needs to know about the call it serves: who, and which request (for the audit). */
export interface Ctx {
  actor: Actor | null;
  requestId: string;
}

/** The service context of a request. */
export function ctxOf(request: { actor: Actor | null; id: string }): Ctx {
  return { actor: request.actor, requestId: request.id };
}
