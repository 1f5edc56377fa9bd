/** Recipes of the real access matrix for the reception desk: the queue, one dossier, receive, checklist, return, the receipt. */
import { eq } from 'drizzle-orm';
import type { RoleName } from '@thidua/contract';
import { dossierDocuments, dossiers, users } from '../../../src/db/schema/index.ts';
import { newId } from '../../../src/lib/ids.ts';
import { DEMO } from '../../helpers.ts';
import type { AreaRecipes, RecipeCampaign } from '../access-recipes.ts';

export const receptionRecipes: AreaRecipes = async (kit) => {
  const { t, xa, root, ADMIN } = kit;
  const db = t.database.db;
  const [staff] = await db.select({ personId: users.personId }).from(users).where(eq(users.email, DEMO.staff));
  const staffPerson = staff!.personId!;
  let closed: Promise<RecipeCampaign> | undefined;

  /**
   * A dossier of UBND-TH (XA-THACHHAI's, for a new person of the unit, or the staff member's own in
   * a campaign of its own) in `status`, with its three documents; received ones carry a receipt.
   */
  async function dossier(status: 'submitted' | 'received', opts: { personId?: string } = {}) {
    const campaignId = opts.personId
      ? (await kit.campaign('closed')).id
      : (await (closed ??= kit.campaign('closed'))).id;
    const personId = opts.personId ?? (await kit.person()).id;
    const id = newId('ds');
    await db.insert(dossiers).values({
      id,
      campaignId,
      authorityUnitId: root,
      nomineeKind: 'person',
      unitId: xa,
      personId,
      awardTypeId: 'awt_giay_khen_individual',
      status,
      submittedAt: new Date(),
      ...(status === 'received'
        ? { receivedAt: new Date(), receiptNumber: '99/TN-UBND', receivedBy: await t.userId(DEMO.reception) }
        : {}),
    });
    const fileId = await kit.upload(ADMIN, xa);
    await db.insert(dossierDocuments).values(
      (['proposal_letter', 'achievement_report', 'meeting_minutes'] as const).map((kind) => ({
        dossierId: id,
        kind,
        fileId,
        source: 'uploaded',
      })),
    );
    return { id, headers: { 'if-match': '"v1"' } };
  }

  return {
    'GET /api/v1/reception/dossiers': async () => ({ url: '/api/v1/reception/dossiers' }),
    'GET /api/v1/reception/dossiers/:id': async () => ({
      url: `/api/v1/reception/dossiers/${(await dossier('submitted')).id}`,
    }),
    'POST /api/v1/dossiers/:id/receive': async () => {
      const d = await dossier('submitted');
      return {
        url: `/api/v1/dossiers/${d.id}/receive`,
        headers: d.headers,
        body: { checklist: { minutes_signed: true } },
      };
    },
    'PATCH /api/v1/dossiers/:id/checklist': async () => {
      const d = await dossier('submitted');
      return {
        url: `/api/v1/dossiers/${d.id}/checklist`,
        headers: d.headers,
        body: { checklist: { list_matches: true } },
      };
    },
    'POST /api/v1/dossiers/:id/return': async () => {
      const d = await dossier('submitted');
      return {
        url: `/api/v1/dossiers/${d.id}/return`,
        headers: d.headers,
        body: { reasons: ['Biên bản họp xét chưa có chữ ký.'], note: '' },
      };
    },
    'GET /api/v1/dossiers/:id/receipt.docx': async (as: RoleName) => {
      const d = await dossier('received', as === 'staff' ? { personId: staffPerson } : {});
      return { url: `/api/v1/dossiers/${d.id}/receipt.docx` };
    },
  };
};
