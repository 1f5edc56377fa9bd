/** Queries on the settings table (JSON values by key). */
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';

export async function findSetting(db: Executor, key: string): Promise<typeof settings.$inferSelect | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row ?? null;
}

/** Inserts the setting or replaces its value. */
export async function upsertSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
