/** Recipes of the real access matrix for the award register: the list, its XLSX, one award, histories, revocation, the public list. */
import { eq } from 'drizzle-orm';
import { awards, decisions, dossiers, users } from '../../../src/db/schema/index.ts';
import { newId } from '../../../src/lib/ids.ts';
import { DEMO } from '../../helpers.ts';
import type { AreaRecipes } from '../access-recipes.ts';

export const awardsRecipes: AreaRecipes = async (kit) => {
  const { t, xa, root } = kit;
  const [staff] = await t.database.db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.email, DEMO.staff));
  const staffPerson = staff!.personId!;

  /** An issued decision with one award to the person (of XA-THACHHAI), written as the decisions module writes them. */
  async function award(campaignId: string, personId: string): Promise<string> {
    const db = t.database.db;
    const dossierId = newId('ds');
    await db.insert(dossiers).values({
      id: dossierId,
      campaignId,
      authorityUnitId: root,
      nomineeKind: 'person',
      unitId: xa,
      personId,
      awardTypeId: 'awt_giay_khen_individual',
      status: 'awarded',
    });
    const decisionId = newId('dc');
    await db.insert(decisions).values({
      id: decisionId,
      campaignId,
      authorityUnitId: root,
      status: 'issued',
      subject: 'Về việc tặng Giấy khen',
      number: '05/QĐ-UBND',
      registerNumber: 5,
      decidedOn: kit.today(),
      signerName: 'Chủ tịch UBND huyện',
      baseSalary: 2_340_000,
      issuedAt: new Date(),
    });
    const id = newId('aw');
    await db.insert(awards).values({
      id,
      decisionId,
      dossierId,
      campaignId,
      awardTypeId: 'awt_giay_khen_individual',
      issuerUnitId: root,
      unitId: xa,
      personId,
      recipientName: 'Nhân viên Thạch Hải',
      decisionNumber: '05/QĐ-UBND',
      decidedOn: kit.today(),
      coefficient: '0.3',
      baseSalary: 2_340_000,
      amount: 702_000,
    });
    return id;
  }

  // Read by every role holding award.read: the staff member's own award, in their unit.
  const closed = await kit.campaign('closed');
  const shared = await award(closed.id, staffPerson);
  let finalized: Promise<string> | undefined;
  const finalizedCampaign = () =>
    (finalized ??= (async () => {
      const c = await kit.campaign('finalized');
      await award(c.id, staffPerson);
      return c.id;
    })());

  return {
    'GET /api/v1/awards': async () => ({ url: `/api/v1/awards?campaignId=${closed.id}` }),
    'GET /api/v1/awards.xlsx': async () => ({ url: `/api/v1/awards.xlsx?campaignId=${closed.id}` }),
    'GET /api/v1/awards/:id': async () => ({ url: `/api/v1/awards/${shared}` }),
    'GET /api/v1/units/:id/awards': async () => ({ url: `/api/v1/units/${xa}/awards` }),
    'GET /api/v1/people/:id/awards': async () => ({ url: `/api/v1/people/${staffPerson}/awards` }),
    'POST /api/v1/awards/:id/revoke': async () => {
      // A fresh award each call (a person of its own: one award per nominee and campaign).
      const person = await kit.person();
      return {
        url: `/api/v1/awards/${await award(closed.id, person.id)}/revoke`,
        headers: { 'if-match': '"v1"' },
        body: { reason: 'Kê khai thành tích không trung thực.' },
      };
    },
    'GET /api/v1/public/campaigns/:id/awards': async () => ({
      url: `/api/v1/public/campaigns/${await finalizedCampaign()}/awards`,
    }),
  };
};
