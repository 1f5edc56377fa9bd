/** Recipes of the real access matrix for award dossiers (the unit's side): lists, create, read, change, delete, documents, submit. */
import { eq } from 'drizzle-orm';
import type { RoleName } from '@thidua/contract';
import { campaignAwardTypes, dossierDocuments, dossiers, users } from '../../../src/db/schema/index.ts';
import { newId } from '../../../src/lib/ids.ts';
import { DEMO } from '../../helpers.ts';
import type { AreaRecipes } from '../access-recipes.ts';

export const dossiersRecipes: AreaRecipes = async (kit) => {
  const { t, xa, root } = kit;
  const db = t.database.db;
  const [staff] = await db.select({ personId: users.personId }).from(users).where(eq(users.email, DEMO.staff));
  const staffPerson = staff!.personId!;

  /** A closed campaign of UBND-TH leading to Giấy khen (collective and individual). */
  async function closedCampaign(): Promise<string> {
    const { id } = await kit.campaign('closed');
    await db.insert(campaignAwardTypes).values([
      { campaignId: id, awardTypeId: 'awt_giay_khen_collective', position: 0 },
      { campaignId: id, awardTypeId: 'awt_giay_khen_individual', position: 1 },
    ]);
    return id;
  }
  let shared: Promise<string> | undefined;

  /** The nominee a role's call is about: the staff member's own, else a new person of XA-THACHHAI. */
  async function nomineeFor(as: RoleName): Promise<{ campaignId: string; personId: string }> {
    if (as === 'staff') return { campaignId: await closedCampaign(), personId: staffPerson };
    return { campaignId: await (shared ??= closedCampaign()), personId: (await kit.person()).id };
  }

  /** A draft person dossier within the role's reach, with the three documents when `ready`. */
  async function dossier(as: RoleName, opts: { documents?: boolean } = {}): Promise<string> {
    const n = await nomineeFor(as);
    const id = newId('ds');
    await db.insert(dossiers).values({
      id,
      campaignId: n.campaignId,
      authorityUnitId: root,
      nomineeKind: 'person',
      unitId: xa,
      personId: n.personId,
      awardTypeId: 'awt_giay_khen_individual',
      achievement: 'Hoàn thành xuất sắc nhiệm vụ.',
      status: 'draft',
    });
    if (opts.documents) {
      const fileId = await kit.upload(DEMO.unitHead);
      await db.insert(dossierDocuments).values(
        (['proposal_letter', 'achievement_report', 'meeting_minutes'] as const).map((kind) => ({
          dossierId: id,
          kind,
          fileId,
          source: 'uploaded',
        })),
      );
    }
    return id;
  }

  return {
    'GET /api/v1/campaigns/:id/dossiers': async () => ({
      url: `/api/v1/campaigns/${await (shared ??= closedCampaign())}/dossiers`,
    }),
    'GET /api/v1/dossiers': async () => ({ url: '/api/v1/dossiers' }),
    'POST /api/v1/campaigns/:id/dossiers': async (as) => {
      const n = await nomineeFor(as);
      return {
        url: `/api/v1/campaigns/${n.campaignId}/dossiers`,
        body: {
          nomineeKind: 'person',
          unitId: xa,
          personId: n.personId,
          awardTypeId: 'awt_giay_khen_individual',
          achievement: 'Hoàn thành xuất sắc nhiệm vụ.',
        },
        table: dossiers,
      };
    },
    'GET /api/v1/dossiers/:id': async (as) => ({ url: `/api/v1/dossiers/${await dossier(as)}` }),
    'PATCH /api/v1/dossiers/:id': async (as) => ({
      url: `/api/v1/dossiers/${await dossier(as)}`,
      headers: { 'if-match': '"v1"' },
      body: { achievement: 'Thành tích đã sửa.' },
    }),
    'DELETE /api/v1/dossiers/:id': async (as) => ({ url: `/api/v1/dossiers/${await dossier(as)}` }),
    'PUT /api/v1/dossiers/:id/documents/:kind': async (as) => ({
      url: `/api/v1/dossiers/${await dossier(as)}/documents/meeting_minutes`,
      body: { fileId: await kit.uploadOf(as) },
    }),
    'POST /api/v1/dossiers/:id/documents/:kind/draft': async (as) => ({
      url: `/api/v1/dossiers/${await dossier(as)}/documents/proposal_letter/draft`,
      body: {},
    }),
    'DELETE /api/v1/dossiers/:id/documents/:kind': async (as) => ({
      url: `/api/v1/dossiers/${await dossier(as, { documents: true })}/documents/meeting_minutes`,
    }),
    'POST /api/v1/dossiers/:id/submit': async (as) => ({
      url: `/api/v1/dossiers/${await dossier(as, { documents: true })}/submit`,
    }),
  };
};
