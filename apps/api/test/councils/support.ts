/**
 * Makings of the council tests: a council of Thạch Hà with seven voting members (the chairman, the
 * head of home affairs and heads of offices) and a secretary, meetings on a closed campaign's
 * received dossiers, and reading the vote tables directly.
 */
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { people, units } from '../../src/db/schema/index.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { insertDossier, type AwardCampaign } from '../awards/support.ts';

export interface TestCouncil {
  id: string;
  chair: string;
  /** The seven who vote, chair first. */
  voting: string[];
  secretary: string;
}

async function personAt(t: TestApp, unitCode: string, position: string): Promise<string> {
  const [p] = await t.database.db
    .select({ id: people.id })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(units.code, unitCode), like(people.position, `${position}%`)))
    .orderBy(asc(people.id))
    .limit(1);
  if (!p) throw new Error(`no ${position} at ${unitCode}`);
  return p.id;
}

export async function councilOfSeven(t: TestApp, authorityUnitId: string): Promise<TestCouncil> {
  const chair = await personAt(t, 'UBND-TH', 'Chủ tịch');
  const voting = [
    chair,
    await personAt(t, 'NV', 'Trưởng phòng'),
    await personAt(t, 'VP', 'Trưởng phòng'),
    await personAt(t, 'TP', 'Trưởng phòng'),
    await personAt(t, 'TCKH', 'Trưởng phòng'),
    await personAt(t, 'KTHT', 'Trưởng phòng'),
    await personAt(t, 'VHTT', 'Trưởng phòng'),
  ];
  const secretary = await personAt(t, 'NV', 'Chuyên viên');
  const auth = await t.auth(DEMO.secretariat);
  const c = await t.api.post('/api/v1/councils').set('authorization', auth).send({
    authorityUnitId,
    name: 'Hội đồng Thi đua - Khen thưởng huyện Thạch Hà',
    term: '2021–2026',
    validFrom: '2021-07-01',
    validTo: '2026-06-30',
  });
  if (c.status !== 201) throw new Error(`council: ${c.status} ${c.text}`);
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member'];
  const m = await t.api
    .put(`/api/v1/councils/${c.body.id}/members`)
    .set('authorization', auth)
    .send([...voting.map((personId, i) => ({ personId, role: roles[i] })), { personId: secretary, role: 'secretary' }]);
  if (m.status !== 200) throw new Error(`members: ${m.status} ${m.text}`);
  return { id: c.body.id, chair, voting, secretary };
}

/**
 * People to nominate, each once (one live dossier per nominee and campaign): those of the unit, then
 * those of two more communes (the tests are about the vote, not about whose staff they are).
 */
export async function nomineesOf(t: TestApp, unitId: string): Promise<string[]> {
  const more = await Promise.all(['XA-THACHKHE', 'XA-DINHBAN'].map((code) => t.unitId(code)));
  const rows = await t.database.db
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .where(inArray(people.unitId, [unitId, ...more]))
    .orderBy(asc(people.id));
  return [...rows.filter((r) => r.unitId === unitId), ...rows.filter((r) => r.unitId !== unitId)].map((r) => r.id);
}

/** `n` received dossiers of people of the campaign's unit, taking them from `pool`. */
export async function receivedDossiers(t: TestApp, c: AwardCampaign, pool: string[], n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const personId = pool.shift();
    if (!personId) throw new Error('no more nominees');
    ids.push((await insertDossier(t, c, { status: 'received', personId })).id);
  }
  return ids;
}

/** A meeting of the council on the campaign, the attendance given and the proposals set (still planned). */
export async function plannedMeeting(
  t: TestApp,
  council: TestCouncil,
  c: AwardCampaign,
  opts: { method?: 'show_of_hands' | 'secret_ballot'; present: string[]; dossierIds: string[] },
): Promise<string> {
  const auth = await t.auth(DEMO.secretariat);
  const m = await t.api
    .post(`/api/v1/councils/${council.id}/meetings`)
    .set('authorization', auth)
    .send({
      campaignId: c.campaignId,
      heldAt: '2026-12-04T01:30:00.000Z',
      place: 'Phòng họp số 1, UBND huyện Thạch Hà',
      method: opts.method ?? 'show_of_hands',
      chairPersonId: council.chair,
      secretaryPersonId: council.secretary,
    });
  if (m.status !== 201) throw new Error(`meeting: ${m.status} ${m.text}`);
  const id = m.body.id as string;
  const a = await t.api
    .put(`/api/v1/council-meetings/${id}/attendance`)
    .set('authorization', auth)
    .send(council.voting.map((personId) => ({ personId, present: opts.present.includes(personId) })));
  if (a.status !== 200) throw new Error(`attendance: ${a.status} ${a.text}`);
  const p = await t.api
    .put(`/api/v1/council-meetings/${id}/proposals`)
    .set('authorization', auth)
    .send({ dossierIds: opts.dossierIds });
  if (p.status !== 200) throw new Error(`proposals: ${p.status} ${p.text}`);
  return id;
}

export async function vote(
  t: TestApp,
  meetingId: string,
  v: { dossierId: string; personId: string; choice: 'for' | 'against' | 'abstain'; inWriting?: boolean },
  who: string = DEMO.secretariat,
) {
  return t.api
    .post(`/api/v1/council-meetings/${meetingId}/votes`)
    .set('authorization', await t.auth(who))
    .send(v);
}
