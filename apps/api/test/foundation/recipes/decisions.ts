/** Recipes of the real access matrix for public posting, objections and award decisions. */
import type { RoleName } from '@thidua/contract';
import { decisions, dossiers, objections, postings } from '../../../src/db/schema/index.ts';
import { newId } from '../../../src/lib/ids.ts';
import type { AreaRecipes } from '../access-recipes.ts';

export const decisionsRecipes: AreaRecipes = async (kit) => {
  const { t, xa, root, SEC, ADMIN, ok } = kit;
  const db = t.database.db;

  /** A closed campaign of UBND-TH with one approved dossier (a new person of XA-THACHHAI). */
  async function approvedCampaign(): Promise<string> {
    const campaignId = (await kit.campaign('closed')).id;
    await db.insert(dossiers).values({
      id: newId('ds'),
      campaignId,
      authorityUnitId: root,
      nomineeKind: 'person',
      unitId: xa,
      personId: (await kit.person()).id,
      awardTypeId: 'awt_giay_khen_individual',
      status: 'approved',
      submittedAt: new Date(),
      receivedAt: new Date(),
      receiptNumber: '98/TN-UBND',
    });
    return campaignId;
  }

  async function posted(): Promise<{ campaignId: string; postingId: string }> {
    const campaignId = await approvedCampaign();
    const p = await ok(201, 'POST', `/api/v1/campaigns/${campaignId}/postings`, SEC, {});
    return { campaignId, postingId: p.body.id as string };
  }

  async function objection(postingId: string): Promise<string> {
    const o = await kit.send('POST', `/api/v1/public/postings/${postingId}/objections`, null, {
      name: 'Trần Văn Bình',
      contact: '0912 345 678',
      content: 'Đề nghị xem xét lại thành tích.',
    });
    if (o.status !== 201) throw new Error(`objection: ${o.status} ${o.text}`);
    return o.body.id as string;
  }

  async function drafted(): Promise<{ id: string; etag: string }> {
    const campaignId = await approvedCampaign();
    const d = await ok(201, 'POST', `/api/v1/campaigns/${campaignId}/decisions`, SEC, {});
    return { id: d.body.id as string, etag: d.headers.etag! };
  }

  async function issued(): Promise<string> {
    const d = await drafted();
    await ok(
      200,
      'POST',
      `/api/v1/decisions/${d.id}/issue`,
      ADMIN,
      {
        decidedOn: kit.today(),
        signerName: 'Nguyễn Văn An',
        signingCapacity: 'own',
        earlyIssueReason: 'Khen đột xuất.',
      },
      { 'if-match': d.etag },
    );
    return d.id;
  }

  const shared = await posted();
  await objection(shared.postingId);
  const sharedDecision = await drafted();

  return {
    'POST /api/v1/campaigns/:id/postings': async () => ({
      url: `/api/v1/campaigns/${await approvedCampaign()}/postings`,
      table: postings,
      body: {},
    }),
    'GET /api/v1/campaigns/:id/postings': async () => ({ url: `/api/v1/campaigns/${shared.campaignId}/postings` }),
    'GET /api/v1/public/campaigns/:id/posting': async () => ({
      url: `/api/v1/public/campaigns/${shared.campaignId}/posting`,
    }),
    'POST /api/v1/public/postings/:id/objections': async () => ({
      url: `/api/v1/public/postings/${shared.postingId}/objections`,
      table: objections,
      body: { name: 'Lê Thị Cúc', contact: 'cuc@example.vn', content: 'Ý kiến về danh sách niêm yết.' },
    }),
    'GET /api/v1/postings/:id/objections': async () => ({ url: `/api/v1/postings/${shared.postingId}/objections` }),
    'POST /api/v1/objections/:id/answer': async () => ({
      url: `/api/v1/objections/${await objection(shared.postingId)}/answer`,
      body: { answer: 'Đã xác minh, thành tích đúng như báo cáo.' },
    }),
    'POST /api/v1/campaigns/:id/decisions': async () => ({
      url: `/api/v1/campaigns/${await approvedCampaign()}/decisions`,
      table: decisions,
      body: {},
    }),
    'GET /api/v1/decisions': async () => ({ url: '/api/v1/decisions' }),
    'GET /api/v1/decisions/:id': async () => ({ url: `/api/v1/decisions/${sharedDecision.id}` }),
    'GET /api/v1/decisions/:id/document.docx': async () => ({
      url: `/api/v1/decisions/${sharedDecision.id}/document.docx`,
    }),
    'PATCH /api/v1/decisions/:id': async () => {
      const d = await drafted();
      return { url: `/api/v1/decisions/${d.id}`, headers: { 'if-match': d.etag }, body: { fundSource: 'Quỹ thi đua' } };
    },
    'POST /api/v1/decisions/:id/issue': async () => {
      const d = await drafted();
      return {
        url: `/api/v1/decisions/${d.id}/issue`,
        headers: { 'if-match': d.etag },
        body: {
          decidedOn: kit.today(),
          signerName: 'Nguyễn Văn An',
          signingCapacity: 'deputy',
          earlyIssueReason: 'Khen thưởng đột xuất.',
        },
      };
    },
    'PUT /api/v1/decisions/:id/signed-file': async (as: RoleName) => {
      const id = await issued();
      return { url: `/api/v1/decisions/${id}/signed-file`, body: { fileId: await kit.upload(kit.accountOf(as)) } };
    },
  };
};
