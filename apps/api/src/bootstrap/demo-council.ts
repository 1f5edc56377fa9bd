/**
 * The demo's emulation and commendation council: Thạch Hà's for the 2021–2026 term, chaired by the
 * chairman of the People's Committee (the demo leader's person), the head of home affairs as standing
 * vice chair, the heads of a few offices as members, and a specialist of home affairs as secretary
 * (who records and does not vote). AWARDS.md "The council and its vote".
 */
import { and, asc, eq, like } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { councilMembers, councils, people, units } from '../db/schema/index.ts';
import { newId } from '../lib/ids.ts';

async function personAt(tx: Tx, unitCode: string, position: string): Promise<string | null> {
  const [p] = await tx
    .select({ id: people.id })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(units.code, unitCode), like(people.position, `${position}%`)))
    .orderBy(asc(people.id))
    .limit(1);
  return p?.id ?? null;
}

export async function loadDemoCouncil(tx: Tx): Promise<void> {
  const [root] = await tx.select({ id: units.id }).from(units).where(eq(units.code, 'UBND-TH'));
  if (!root) return;
  const seats: [string, string, 'chair' | 'vice_chair' | 'member' | 'secretary'][] = [
    ['UBND-TH', 'Chủ tịch', 'chair'],
    ['NV', 'Trưởng phòng', 'vice_chair'],
    ['VP', 'Trưởng phòng', 'member'],
    ['TP', 'Trưởng phòng', 'member'],
    ['TCKH', 'Trưởng phòng', 'member'],
    ['VHTT', 'Trưởng phòng', 'member'],
    ['GDDT', 'Trưởng phòng', 'member'],
    ['NV', 'Chuyên viên', 'secretary'],
  ];
  const id = newId('co');
  await tx.insert(councils).values({
    id,
    authorityUnitId: root.id,
    name: 'Hội đồng Thi đua - Khen thưởng huyện Thạch Hà',
    term: '2021–2026',
    validFrom: '2021-07-01',
    validTo: '2026-06-30',
  });
  const members: { councilId: string; personId: string; role: string; position: number }[] = [];
  for (const [unitCode, position, role] of seats) {
    const personId = await personAt(tx, unitCode, position);
    if (personId) members.push({ councilId: id, personId, role, position: members.length });
  }
  await tx.insert(councilMembers).values(members);
}
