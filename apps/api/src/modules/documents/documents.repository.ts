/** The few rows the generated documents read beyond what the campaigns module hands over. */
import { inArray } from 'drizzle-orm';
import { units } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';

/** The names of the given units (no query for none). */
export async function unitNamesOf(db: Executor, unitIds: string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db.select({ name: units.name }).from(units).where(inArray(units.id, unitIds));
  return rows.map((u) => u.name);
}
