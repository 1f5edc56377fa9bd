/**
 * Run-time settings stored as JSON by key. No mapper: settings leave the module as plain values
 * (the level names), never as contract objects of their own.
 */
import type { Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordAudit } from '../audit/index.ts';
import { findSetting, upsertSetting } from './settings.repository.ts';

export const DEFAULT_LEVEL_NAMES = ['Cơ quan ban hành', 'Cơ quan, đơn vị', 'Bộ phận trực thuộc'];

export async function getSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
  const row = await findSetting(db, key);
  return row ? (row.value as T) : fallback;
}

export async function putSetting(tx: Tx, ctx: Ctx, key: string, value: unknown): Promise<void> {
  const before = await getSetting<unknown>(tx, key, null);
  await upsertSetting(tx, key, value);
  await recordAudit(tx, ctx, { action: 'setting.update', objectType: 'setting', objectId: key, before, after: value });
}

export const getLevelNames = (db: Executor) => getSetting<string[]>(db, 'unit.levelNames', DEFAULT_LEVEL_NAMES);

export function levelName(names: string[], level: number): string {
  return names[Math.min(level, names.length - 1)] ?? `Cấp ${level + 1}`;
}
