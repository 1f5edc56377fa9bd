/**
 * Official documents generated from the data: for now the campaign plan (kế hoạch) as DOCX. No
 * mapper: the module answers with files, not contract objects (the campaign comes already mapped).
 */
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { searchKey } from '../../lib/search.ts';
import { getCampaign, listCriteria } from '../campaigns/index.ts';
import { unitNamesOf } from './documents.repository.ts';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The plan of a campaign the actor may see (null: the public, who see open and later campaigns). */
export async function campaignPlanDocx(
  db: Executor,
  actor: Actor | null,
  campaignId: string,
): Promise<{ content: Buffer; filename: string }> {
  const campaign = await getCampaign(db, actor, campaignId);
  const criteria = await listCriteria(db, actor, campaignId);
  const participantUnitNames = await unitNamesOf(db, campaign.participants.unitIds);
  // The DOCX library is loaded on the first plan asked for, not at start-up.
  const { buildPlanDocx } = await import('./plan-docx.ts');
  const content = await buildPlanDocx({ campaign, criteria, participantUnitNames });
  const slug =
    searchKey(campaign.number)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || campaign.id;
  return { content, filename: `ke-hoach-${slug}.docx` };
}

/** Content-Disposition for a download, with the name in ASCII and in UTF-8 (RFC 6266). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
