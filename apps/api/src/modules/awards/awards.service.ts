/**
 * The award register (Law Art. 89). The decisions module writes an award per awardee when a
 * decision is issued; here they are read, exported, revoked and published.
 *
 * Who sees what is the permission table's 'award.read' on the award's recipient: the authority's
 * roles (office, leader, observer…) the awards of the units within their authority, unit roles
 * their own unit's, a staff member their own. An award out of reach answers 404, as an unknown id.
 * Revoking ('award.revoke', the leader) keeps the award in the register with when, by whom and
 * why; it is audited with the reason. The public sees the awards of a finalized campaign, without
 * the bonus amounts and without revoked awards.
 */
import type {
  Award,
  AwardHistoryQuery,
  AwardListQuery,
  AwardPage,
  PublicAwardList,
  RevokeAwardBody,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { assertCan, can, reachOf } from '../../lib/access.ts';
import { Conflict, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { recordAudit } from '../audit/index.ts';
import { todayInVietnam, visibleCampaignRow } from '../campaigns/index.ts';
import { toAward, toPublicAward } from './awards.mapper.ts';
import { registerXlsx } from './awards.export.ts';
import {
  findAllAwards,
  findAwardRow,
  findAwardsPage,
  findCampaignAwards,
  findJoinedAward,
  personExists,
  revokeAtVersion,
  unitExists,
  type AwardFilter,
  type AwardRow,
} from './awards.repository.ts';

/** At most this many rows in one XLSX export (narrow the filters for more). */
export const EXPORT_LIMIT = 10_000;

const targetOf = (row: Pick<AwardRow, 'unitId' | 'personId'>) => ({ unitId: row.unitId, personId: row.personId });

/** Whether the actor may read the award: its unit is within reach, or it is the actor's own. */
function canRead(actor: Actor, row: Pick<AwardRow, 'unitId' | 'personId'>): boolean {
  // A unit-wide grant reaches the unit's awards, those of its people included.
  return can(actor, 'award.read', { unitId: row.unitId, personId: null }) || can(actor, 'award.read', targetOf(row));
}

function filterOf(actor: Actor, query: Partial<AwardListQuery>): AwardFilter {
  return {
    reach: reachOf(actor, 'award.read'),
    q: query.q,
    unitId: query.unitId,
    personId: query.personId,
    campaignId: query.campaignId,
    awardTypeId: query.awardTypeId,
    year: query.year,
    includeRevoked: query.includeRevoked,
  };
}

async function readAward(db: Executor, id: string): Promise<Award> {
  const row = await findJoinedAward(db, id);
  if (!row) throw NotFound('award');
  return toAward(row);
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

export async function listAwards(db: Executor, actor: Actor, query: AwardListQuery): Promise<AwardPage> {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findAwardsPage(db, filterOf(actor, query), { limit: pageSize, offset });
  return { items: rows.map(toAward), page, pageSize, total };
}

export async function getAward(db: Executor, actor: Actor, id: string): Promise<Award> {
  const row = await findAwardRow(db, id);
  if (!row || !canRead(actor, row)) throw NotFound('award');
  return readAward(db, id);
}

/** A unit's awards (its collective awards and those of its people), as far as the caller sees them. */
export async function unitAwards(
  db: Executor,
  actor: Actor,
  unitId: string,
  query: AwardHistoryQuery,
): Promise<AwardPage> {
  if (!(await unitExists(db, unitId))) throw NotFound('unit');
  return listAwards(db, actor, { ...query, unitId });
}

/** A person's awards, as far as the caller sees them. */
export async function personAwards(
  db: Executor,
  actor: Actor,
  personId: string,
  query: AwardHistoryQuery,
): Promise<AwardPage> {
  if (!(await personExists(db, personId))) throw NotFound('person');
  return listAwards(db, actor, { ...query, personId });
}

/** The register as an XLSX, with the list's filters (every matching row, up to EXPORT_LIMIT). */
export async function exportAwards(
  db: Executor,
  actor: Actor,
  query: AwardListQuery,
  today = todayInVietnam(),
): Promise<Buffer> {
  const rows = (await findAllAwards(db, filterOf(actor, query), EXPORT_LIMIT)).map(toAward);
  const first = rows[0];
  const scope = [
    query.year ? `Năm ${query.year}` : null,
    query.campaignId && first ? `Đợt thi đua: ${first.campaignTitle}` : null,
    query.awardTypeId && first ? `Hình thức: ${first.awardTypeName}` : null,
    query.unitId && first ? `Đơn vị: ${first.unitName}` : null,
    query.personId && first ? `Cá nhân: ${first.personName ?? first.recipientName}` : null,
    query.q ? `Tìm: "${query.q}"` : null,
    query.includeRevoked === false ? 'Không gồm khen thưởng đã thu hồi' : null,
  ]
    .filter(Boolean)
    .join('; ');
  return registerXlsx(rows, scope || 'Tất cả khen thưởng trong phạm vi được xem', today);
}

/**
 * The awards of a finalized campaign, for the public page: 404 for a campaign the public does not
 * see (a draft, an unknown id), 409 while it is not finalized.
 */
export async function publicCampaignAwards(db: Executor, campaignId: string): Promise<PublicAwardList> {
  const campaign = await visibleCampaignRow(db, null, campaignId);
  if (!campaign) throw NotFound('campaign');
  if (campaign.status !== 'finalized') throw Conflict('award.results_not_published');
  const rows = await findCampaignAwards(db, campaignId);
  return { campaignId, items: rows.map(toPublicAward) };
}

// ── Revocation ────────────────────────────────────────────────────────────────────────────────

export async function revokeAward(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: RevokeAwardBody,
): Promise<Award> {
  const { actor } = ctx;
  const reason = body.reason.trim();
  return db.transaction(async (tx) => {
    const row = await findAwardRow(tx, id, true);
    if (!row || !canRead(actor, row)) throw NotFound('award');
    assertCan(actor, 'award.revoke', { unitId: row.unitId });
    if (!reason) throw Invalid([{ field: '/reason', code: 'award.reason_required' }], 'award.reason_required');
    if (row.revokedAt) throw Conflict('award.already_revoked');
    if (row.version !== expectedVersion) throw PreconditionFailed();
    const before = await readAward(tx, id);
    const done = await revokeAtVersion(tx, id, expectedVersion, {
      revokedAt: new Date(),
      revokedBy: actor.userId,
      revocationReason: reason,
    });
    if (!done) throw PreconditionFailed();
    const after = await readAward(tx, id);
    await recordAudit(tx, ctx, { action: 'award.revoke', objectType: 'award', objectId: id, before, after });
    return after;
  });
}
