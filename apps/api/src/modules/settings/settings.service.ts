/** Run-time settings stored as JSON by key. */
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordAudit } from '../audit/index.ts';

export const DEFAULT_LEVEL_NAMES = ['Cơ quan ban hành', 'Cơ quan, đơn vị', 'Bộ phận trực thuộc'];

export async function getSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row ? (row.value as T) : fallback;
}

export async function putSetting(tx: Tx, ctx: Ctx, key: string, value: unknown): Promise<void> {
  const before = await getSetting<unknown>(tx, key, null);
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  await recordAudit(tx, ctx, { action: 'setting.update', objectType: 'setting', objectId: key, before, after: value });
}

export const getLevelNames = (db: Executor) => getSetting<string[]>(db, 'unit.levelNames', DEFAULT_LEVEL_NAMES);

export function levelName(names: string[], level: number): string {
  return names[Math.min(level, names.length - 1)] ?? `Cấp ${level + 1}`;
}
