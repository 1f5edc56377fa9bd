/**
 * Whether an authority may grant an award type on a date (the dated authority matrix), and if not,
 * whether an authority above it in the same tree may (the dossier then goes upward after the vote).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { awardSettingsOf, grantPowerFor, grantPowersOn, type GrantorLevel } from '../award-types/index.ts';

export interface GrantPowerAnswer {
  /** The authority itself may grant it. */
  inPower: boolean;
  /** It may not, but an authority above it may. */
  upward: boolean;
  /** Legal references of the matrix rows valid on the date (for the refusal). */
  legalReferences: string[];
  /** The levels that may grant it on the date. */
  levels: GrantorLevel[];
}

/** Authority units above `unitId` (kind authority or commune), nearest first. */
async function authoritiesAbove(tx: Executor, unitId: string): Promise<string[]> {
  const { rows } = (await tx.execute(sql`
    with recursive up as (
      select id, parent_id, kind, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.kind, up.depth + 1 from units u join up on u.id = up.parent_id
    )
    select id from up where depth > 0 and kind in ('authority', 'commune') order by depth`)) as unknown as {
    rows: { id: string }[];
  };
  return rows.map((r) => r.id);
}

export async function grantPowerOf(
  tx: Executor,
  authorityUnitId: string,
  awardTypeId: string,
  onDate: string,
): Promise<GrantPowerAnswer> {
  const settings = await awardSettingsOf(tx, authorityUnitId);
  const rows = await grantPowersOn(tx, awardTypeId, onDate);
  const legalReferences = [...new Set(rows.map((r) => r.legalReference).filter(Boolean))];
  const levels = [...new Set(rows.map((r) => r.grantorLevel as GrantorLevel))];
  if (await grantPowerFor(tx, settings.grantorLevel, awardTypeId, onDate))
    return { inPower: true, upward: false, legalReferences, levels };
  for (const above of await authoritiesAbove(tx, authorityUnitId)) {
    const s = await awardSettingsOf(tx, above);
    if (await grantPowerFor(tx, s.grantorLevel, awardTypeId, onDate))
      return { inPower: false, upward: true, legalReferences, levels };
  }
  return { inPower: false, upward: false, legalReferences, levels };
}
