import type { Actor } from './actor.ts';
import { Unauthorized } from './errors.ts';

/** What a service needs to know about the call it serves: who, and which request (for the audit). */
export interface Ctx {
  actor: Actor | null;
  requestId: string;
}

/** The context of a signed-in call: services that act for someone take this one. */
export interface ActorCtx extends Ctx {
  actor: Actor;
}

/**
 * The signed-in caller of a route that requires sign-in. The auth hook has already answered 401 on
 * such routes, so this only turns "set by the hook" into a type.
 */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw Unauthorized();
  return request.actor;
}

/** The service context of a signed-in request. */
export function ctxOf(request: { actor: Actor | null; id: string }): ActorCtx {
  return { actor: actorOf(request), requestId: request.id };
}
