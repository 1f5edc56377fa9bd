/**
 * Campaign rows: reading them, and which campaigns an actor sees (the permission table's answer
 * applied to a campaign: its issuing authority and its status); writing them and their attachment
 * rows; and the units a plan names. Used by the campaign's own services and by the modules whose
 * records hang off a campaign. Queries only: the rules live in campaigns.service.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  CAMPAIGN_PUBLIC_STATUSES,
  CAMPAIGN_PUBLISHED_STATUSES,
  type CampaignListQuery,
  type CampaignStatus,
  type PublicCampaignListQuery,
} from '@thidua/contract';
import { campaignAttachments, campaignAwardTypes, campaigns, criteria, units } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { campaignReach, reachesUnit, unitWithin } from '../../lib/access.ts';
import { NotFound } from '../../lib/errors.ts';
import { matchesSearch } from '../../lib/search.ts';
import { updateAtVersion } from '../../lib/versioned.ts';

export type CampaignRow = typeof campaigns.$inferSelect;

/**
 * Which campaigns an actor sees: drafts within the reach of 'campaign.read_draft' (the office and
 * leaders of the issuing authority), published ones within the reach of 'campaign.read' (authority
 * roles: their authority's; unit members: those of the authorities above their unit), public ones
 * for nobody signed in. As a WHERE condition (undefined: all) …
 */
export function visibleCampaigns(actor: Actor | null): SQL | undefined {
  if (!actor) return inArray(campaigns.status, [...CAMPAIGN_PUBLIC_STATUSES]);
  const drafts = campaignReach(actor, 'campaign.read_draft');
  if (drafts.all) return undefined;
  const published = campaignReach(actor, 'campaign.read');
  const publishedWithin = unitWithin(published, campaigns.authorityUnitId);
  return or(
    unitWithin(drafts, campaigns.authorityUnitId),
    and(inArray(campaigns.status, [...CAMPAIGN_PUBLISHED_STATUSES]), publishedWithin),
  );
}

/** … and for one campaign already read. */
export function seesCampaign(actor: Actor | null, row: Pick<CampaignRow, 'status' | 'authorityUnitId'>): boolean {
  const status = row.status as CampaignStatus;
  if (!actor) return CAMPAIGN_PUBLIC_STATUSES.includes(status);
  if (reachesUnit(campaignReach(actor, 'campaign.read_draft'), row.authorityUnitId)) return true;
  return (
    CAMPAIGN_PUBLISHED_STATUSES.includes(status) &&
    reachesUnit(campaignReach(actor, 'campaign.read'), row.authorityUnitId)
  );
}

export async function findCampaignRow(db: Executor, id: string): Promise<CampaignRow | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row ?? null;
}

/** The campaign if the actor may see it (null actor: the public), else null. */
export async function visibleCampaignRow(db: Executor, actor: Actor | null, id: string): Promise<CampaignRow | null> {
  const row = await findCampaignRow(db, id);
  return row && seesCampaign(actor, row) ? row : null;
}

/** The campaign if the actor may see it; 404 otherwise, so drafts and other authorities' stay unknown. */
export async function findVisibleCampaignRow(db: Executor, actor: Actor | null, id: string): Promise<CampaignRow> {
  const row = await visibleCampaignRow(db, actor, id);
  if (!row) throw NotFound('campaign');
  return row;
}

// ---------------------------------------------------------------------------------------------
// A campaign with what its contract object shows beside its row

const campaignColumns = {
  campaign: campaigns,
  authorityName: units.name,
  criteriaCount:
    sql<number>`(select count(*)::int from ${criteria} where ${criteria.campaignId} = ${campaigns.id})`.mapWith(Number),
  attachmentFileIds: sql<
    string[]
  >`coalesce((select json_agg(${campaignAttachments.fileId} order by ${campaignAttachments.position}) from ${campaignAttachments} where ${campaignAttachments.campaignId} = ${campaigns.id}), '[]'::json)`,
};
export type CampaignJoinedRow = {
  campaign: CampaignRow;
  authorityName: string;
  criteriaCount: number;
  attachmentFileIds: string[] | string;
};

function joined(db: Executor) {
  return db.select(campaignColumns).from(campaigns).innerJoin(units, eq(units.id, campaigns.authorityUnitId));
}

export async function findCampaignJoinedRow(db: Executor, id: string): Promise<CampaignJoinedRow | null> {
  const [row] = await joined(db).where(eq(campaigns.id, id));
  return row ?? null;
}

/** One page of the campaigns the actor sees that match the query, newest first, and how many match. */
export async function findCampaignPage(
  db: Executor,
  actor: Actor | null,
  query: CampaignListQuery | PublicCampaignListQuery,
  page: { pageSize: number; offset: number },
): Promise<{ rows: CampaignJoinedRow[]; total: number }> {
  const where: (SQL | undefined)[] = [matchesSearch(campaigns.searchKey, query.q), visibleCampaigns(actor)];
  if (query.status) where.push(eq(campaigns.status, query.status));
  if (query.year)
    where.push(gte(campaigns.startsOn, `${query.year}-01-01`), lt(campaigns.startsOn, `${query.year + 1}-01-01`));
  if ('authorityUnitId' in query && query.authorityUnitId)
    where.push(eq(campaigns.authorityUnitId, query.authorityUnitId));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    joined(db)
      .where(cond)
      .orderBy(desc(campaigns.startsOn), desc(campaigns.createdAt), asc(campaigns.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(campaigns).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Of these campaign ids, those the actor sees. */
export async function findVisibleCampaignIds(db: Executor, actor: Actor | null, ids: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(inArray(campaigns.id, ids), visibleCampaigns(actor)));
  return rows.map((r) => r.id);
}

/** The campaign row, locked for the rest of the transaction. */
export async function lockCampaignRow(tx: Tx, id: string): Promise<CampaignRow | null> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Writing

export async function insertCampaignRow(tx: Tx, values: typeof campaigns.$inferInsert): Promise<void> {
  await tx.insert(campaigns).values(values);
}

/** Writes the changes if the row is still at `expectedVersion` (and bumps it); null when it is not. */
export function updateCampaignRow(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof campaigns.$inferInsert>,
): Promise<{ id: string } | null> {
  return updateAtVersion(tx, campaigns, id, expectedVersion, changes);
}

/** Deletes the campaign if it is still a draft (criteria and attachments cascade); false when it is not. */
export async function deleteDraftCampaignRow(tx: Tx, id: string): Promise<boolean> {
  const deleted = await tx
    .delete(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.status, 'draft')))
    .returning({ id: campaigns.id });
  return deleted.length > 0;
}

/** Makes the campaign's attachment rows exactly these files, in this order. */
export async function replaceCampaignAttachmentRows(tx: Tx, campaignId: string, fileIds: string[]): Promise<void> {
  await tx.delete(campaignAttachments).where(eq(campaignAttachments.campaignId, campaignId));
  if (fileIds.length)
    await tx.insert(campaignAttachments).values(fileIds.map((fileId, position) => ({ campaignId, fileId, position })));
}

// ---------------------------------------------------------------------------------------------
// Units a plan names

/** The units among these ids that exist, with their codes. */
export async function findUnitsByIds(db: Executor, ids: string[]): Promise<{ id: string; code: string }[]> {
  return db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.id, ids));
}

/**
 * The units among these ids that exist, whether archived, and whether they lie under the authority
 * (the authority itself included): what a campaign's named groups may hold.
 */
export async function findUnitsForGroups(
  db: Executor,
  authorityUnitId: string,
  ids: string[],
): Promise<{ id: string; archived: boolean; underAuthority: boolean }[]> {
  if (!ids.length) return [];
  const under = sql<boolean>`${units.id} IN (WITH RECURSIVE under_authority(id) AS (
      SELECT ${authorityUnitId}::text
      UNION SELECT u.id FROM units u JOIN under_authority ON u.parent_id = under_authority.id
    ) SELECT id FROM under_authority)`;
  return db
    .select({ id: units.id, archived: units.archived, underAuthority: under })
    .from(units)
    .where(inArray(units.id, ids));
}

/** The units among these codes that exist, with their ids. */
export async function findUnitsByCodes(db: Executor, codes: string[]): Promise<{ id: string; code: string }[]> {
  return db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes));
}

/** The top authority of the unit tree (the first by level and display order), or null when there is none. */
export async function findTopAuthorityId(db: Executor): Promise<string | null> {
  const [root] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.kind, 'authority'), eq(units.archived, false)))
    .orderBy(asc(units.level), asc(units.displayOrder), asc(units.id))
    .limit(1);
  return root?.id ?? null;
}

/** A clone leads to the award types its original does, in the same order. */
export async function copyCampaignAwardTypes(tx: Tx, fromCampaignId: string, toCampaignId: string): Promise<void> {
  const rows = await tx.select().from(campaignAwardTypes).where(eq(campaignAwardTypes.campaignId, fromCampaignId));
  if (rows.length) await tx.insert(campaignAwardTypes).values(rows.map((r) => ({ ...r, campaignId: toCampaignId })));
}
