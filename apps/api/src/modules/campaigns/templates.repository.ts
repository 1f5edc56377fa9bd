/** Saved campaign templates (imported documents, in campaign_templates). Queries only: the rules live in templates.service.ts. */
import { asc, desc, eq } from 'drizzle-orm';
import { campaignTemplates } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';

export type TemplateRow = typeof campaignTemplates.$inferSelect;

export async function findSavedTemplateRow(db: Executor, id: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(campaignTemplates).where(eq(campaignTemplates.id, id));
  return row ?? null;
}

/** Saved templates, newest first. */
export async function listSavedTemplateRows(db: Executor): Promise<TemplateRow[]> {
  return db.select().from(campaignTemplates).orderBy(desc(campaignTemplates.createdAt), asc(campaignTemplates.id));
}

export async function insertTemplateRow(tx: Tx, values: typeof campaignTemplates.$inferInsert): Promise<TemplateRow> {
  const [row] = await tx.insert(campaignTemplates).values(values).returning();
  return row!;
}

/** Deletes the saved template; its row, or null when there was none. */
export async function deleteTemplateRow(tx: Tx, id: string): Promise<TemplateRow | null> {
  const [row] = await tx.delete(campaignTemplates).where(eq(campaignTemplates.id, id)).returning();
  return row ?? null;
}
