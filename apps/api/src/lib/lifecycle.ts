/**
 * The lifecycle engine: every state move of a resource (campaigns, submissions, findings,
 * initiatives; dossiers, decisions and inquiries next) is one call of `moveState` inside the
 * caller's transaction. It locks the row, checks its state against the resource's transition table
 * (kept in the contract, where the web reads it too), runs the resource's own guard (dates,
 * evidence, …), updates on the condition that the state is still the one it read — with the
 * resource's columns and `version + 1` — and audits, all or nothing. A wrong state is
 * `409 <resource>.illegal_transition`; its message comes from the catalogue, which renders the keys
 * `<resource>.action.<action>` and `<resource>.status.<status>` in the reader's language.
 * Who may act stays with the caller: permissions answer 403/404 before the state is asked.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.ts';
import { recordAudit } from '../modules/audit/index.ts';
import type { Ctx } from './context.ts';
import type { VersionedTable } from './versioned.ts';
import { Conflict, NotFound, type DomainError } from './errors.ts';

/** One shape for every resource: each action names the states it may start from and the one it leads to. */
export type Transitions<A extends string, S extends string> = {
  readonly [K in A]: { readonly from: readonly S[]; readonly to: S };
};

/** Whether `action` may start from `status`. */
export function canMove<A extends string, S extends string>(
  transitions: Transitions<A, S>,
  action: A,
  status: string,
): boolean {
  return (transitions[action].from as readonly string[]).includes(status);
}

/**
 * 409 `<resource>.illegal_transition`. The params are catalogue keys (the action, the current status
 * and the statuses the action starts from, comma-separated) that the message renders as labels.
 */
export function illegalTransition<A extends string, S extends string>(
  resource: string,
  transitions: Transitions<A, S>,
  action: A,
  status: string,
): DomainError {
  return Conflict(`${resource}.illegal_transition`, {
    action: `${resource}.action.${action}`,
    status: `${resource}.status.${status}`,
    allowed: transitions[action].from.map((s) => `${resource}.status.${s}`).join(','),
  });
}

/** A table with a lifecycle: an id, a status and the version every write bumps. */
export type LifecycleTable = VersionedTable & { status: PgColumn };

export interface Move<T extends LifecycleTable, A extends string, S extends string> {
  /** Names the error code (`<resource>.illegal_transition`), the audit action (`<resource>.<action>`) and object type. */
  resource: string;
  table: T;
  transitions: Transitions<A, S>;
  action: A;
  id: string;
  /** The resource's own conditions, on the locked row once its state is allowed: throw to refuse. */
  guard?: (row: T['$inferSelect']) => void | Promise<void>;
  /** Columns set with the new status (timestamps, who decided …); may write related rows of the move too. */
  changes?: (row: T['$inferSelect']) => Partial<T['$inferInsert']> | Promise<Partial<T['$inferInsert']>>;
  /** What the audit event keeps; by default `{status}` before and `{status, version}` after. */
  audit?: {
    before?: (row: T['$inferSelect']) => unknown;
    after?: (row: T['$inferSelect']) => unknown;
  };
}

/**
 * Moves one row along its lifecycle and returns it as written. The lock is FOR NO KEY UPDATE, the
 * lock the UPDATE itself takes: racing moves queue on it, and the one that comes second finds the
 * new state (409), while inserts of rows that reference this one (their foreign-key checks) go on.
 */
export async function moveState<T extends LifecycleTable, A extends string, S extends string>(
  tx: Tx,
  ctx: Ctx,
  move: Move<T, A, S>,
): Promise<T['$inferSelect']> {
  type Row = T['$inferSelect'];
  const { resource, table, transitions, action, id } = move;
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('no key update')) as Row[];
  if (!row) throw NotFound(resource);
  const status = (row as { status: string }).status;
  if (!canMove(transitions, action, status)) throw illegalTransition(resource, transitions, action, status);
  await move.guard?.(row);
  const before = move.audit?.before ? await move.audit.before(row) : { status };
  const changes = (await move.changes?.(row)) ?? {};
  const { to } = transitions[action];
  const [after] = (await tx
    .update(table)
    .set({ ...changes, status: to, updatedAt: new Date(), version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.status, status)))
    .returning()) as Row[];
  // Unreachable while the lock holds; kept so a caller's mistake cannot write over another move.
  if (!after) throw illegalTransition(resource, transitions, action, status);
  await recordAudit(tx, ctx, {
    action: `${resource}.${action}`,
    objectType: resource,
    objectId: id,
    before,
    after: move.audit?.after ? await move.audit.after(after) : { status: to, version: after.version },
  });
  return after;
}
