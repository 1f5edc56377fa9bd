/**
 * Reading campaign rows, and which campaigns an actor sees (the permission table's answer applied to
 * a campaign: its issuing authority and its status). Used by the campaign's own services and by the
 * modules whose records hang off a campaign.
 */
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { CAMPAIGN_PUBLIC_STATUSES, CAMPAIGN_PUBLISHED_STATUSES, type CampaignStatus } from '@thidua/contract';
import { campaigns } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { campaignReach, reachesUnit, unitWithin } from '../../lib/access.ts';
import { NotFound } from '../../lib/errors.ts';

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

/** The campaign if the actor may see it (null actor: the public); 404 otherwise, so drafts stay unknown. */
export async function findVisibleCampaignRow(db: Executor, actor: Actor | null, id: string): Promise<CampaignRow> {
  const row = await findCampaignRow(db, id);
  if (!row || !seesCampaign(actor, row)) throw NotFound('campaign');
  return row;
}
