/**
 * Recipes of the real access matrix for the council and its vote: councils and members, meetings,
 * attendance, proposals, opening, votes (recorded, and a member's own), the member's own meetings,
 * close, minutes, and the leader's approve / reject outside a meeting.
 */
import type { RoleName } from '@thidua/contract';
import { councilMeetings, councils, dossiers, votes } from '../../../src/db/schema/index.ts';
import { newId } from '../../../src/lib/ids.ts';
import { ACCOUNT_PASSWORD } from '../../helpers.ts';
import type { AreaRecipes, RecipeCampaign } from '../access-recipes.ts';

export const councilsRecipes: AreaRecipes = async (kit) => {
  const { t, ok, xa, root, SEC, ADMIN, unique } = kit;
  const db = t.database.db;
  let closed: Promise<RecipeCampaign> | undefined;
  const campaignId = async () => (await (closed ??= kit.campaign('closed'))).id;

  /** A council of UBND-TH: the voters given (the first chairs) and a secretary; its id and ETag. */
  async function council(voters: string[] = []) {
    const c = await ok(201, 'POST', '/api/v1/councils', SEC, {
      authorityUnitId: root,
      name: `Hội đồng TĐKT ${unique('hd')}`,
      term: '2021–2026',
      validFrom: '2021-07-01',
    });
    const secretary = (await kit.person()).id;
    const members = [
      ...voters.map((personId, i) => ({ personId, role: i === 0 ? 'chair' : 'member' })),
      { personId: secretary, role: 'secretary' },
    ];
    const m = await ok(200, 'PUT', `/api/v1/councils/${c.body.id}/members`, SEC, members);
    return { id: c.body.id as string, etag: m.headers.etag!, secretary };
  }

  /** A received dossier of UBND-TH for a new person of XA-THACHHAI, in `status`. */
  async function dossier(status: 'received' | 'in_review') {
    const id = newId('ds');
    await db.insert(dossiers).values({
      id,
      campaignId: await campaignId(),
      authorityUnitId: root,
      nomineeKind: 'person',
      unitId: xa,
      personId: (await kit.person()).id,
      awardTypeId: 'awt_giay_khen_individual',
      status,
      submittedAt: new Date(),
      receivedAt: new Date(),
      receiptNumber: '98/TN-UBND',
    });
    return id;
  }

  /** A meeting of a fresh council whose one voter is present, with one proposal; opened when 'voting'. */
  async function meeting(state: 'planned' | 'voting', voter?: string) {
    const voterId = voter ?? (await kit.person()).id;
    const c = await council([voterId]);
    const m = await ok(201, 'POST', `/api/v1/councils/${c.id}/meetings`, SEC, {
      campaignId: await campaignId(),
      heldAt: new Date().toISOString(),
      place: 'Phòng họp số 1',
      method: 'show_of_hands',
      chairPersonId: voterId,
      secretaryPersonId: c.secretary,
    });
    const id = m.body.id as string;
    await ok(200, 'PUT', `/api/v1/council-meetings/${id}/attendance`, SEC, [{ personId: voterId, present: true }]);
    const dossierId = await dossier('received');
    await ok(200, 'PUT', `/api/v1/council-meetings/${id}/proposals`, SEC, { dossierIds: [dossierId] });
    if (state === 'voting') await ok(200, 'POST', `/api/v1/council-meetings/${id}/open-voting`, SEC);
    return { id, dossierId, voter: voterId, secretary: c.secretary };
  }

  /** An account holding `role` whose person sits on a council: it votes for itself. */
  async function memberAccount(role: RoleName) {
    const personId = (await kit.person()).id;
    const email = `${unique(role.replace('_', ''))}@thachha.gov.vn`;
    await ok(201, 'POST', '/api/v1/users', ADMIN, {
      email,
      fullName: `Thành viên hội đồng ${role}`,
      password: ACCOUNT_PASSWORD,
      mustChangePassword: false,
      personId,
      roles: [{ role, unitId: ['unit_officer', 'unit_head', 'staff'].includes(role) ? xa : root }],
    });
    return { email, personId };
  }

  const shared = await meeting('voting');
  const sharedCouncil = (await ok(200, 'GET', `/api/v1/council-meetings/${shared.id}`, SEC)).body.councilId as string;

  return {
    'GET /api/v1/councils': async () => ({ url: '/api/v1/councils' }),
    'POST /api/v1/councils': async () => ({
      url: '/api/v1/councils',
      table: councils,
      body: { authorityUnitId: root, name: `Hội đồng ${unique('hd')}`, term: '2021–2026', validFrom: '2021-07-01' },
    }),
    'GET /api/v1/councils/:id': async () => ({ url: `/api/v1/councils/${sharedCouncil}` }),
    'PATCH /api/v1/councils/:id': async () => {
      const c = await council();
      return { url: `/api/v1/councils/${c.id}`, headers: { 'if-match': c.etag }, body: { term: '2026–2031' } };
    },
    'PUT /api/v1/councils/:id/members': async () => {
      const c = await council();
      return { url: `/api/v1/councils/${c.id}/members`, body: [{ personId: (await kit.person()).id, role: 'chair' }] };
    },
    'GET /api/v1/councils/:id/meetings': async () => ({ url: `/api/v1/councils/${sharedCouncil}/meetings` }),
    'POST /api/v1/councils/:id/meetings': async () => {
      const voter = (await kit.person()).id;
      const c = await council([voter]);
      return {
        url: `/api/v1/councils/${c.id}/meetings`,
        table: councilMeetings,
        body: {
          campaignId: await campaignId(),
          heldAt: new Date().toISOString(),
          place: 'Phòng họp',
          method: 'secret_ballot',
          chairPersonId: voter,
          secretaryPersonId: c.secretary,
        },
      };
    },
    'GET /api/v1/council-meetings/:id': async () => ({ url: `/api/v1/council-meetings/${shared.id}` }),
    'PUT /api/v1/council-meetings/:id/attendance': async () => {
      const m = await meeting('planned');
      return {
        url: `/api/v1/council-meetings/${m.id}/attendance`,
        body: [{ personId: m.voter, present: false, note: 'Đi công tác' }],
      };
    },
    'PUT /api/v1/council-meetings/:id/proposals': async () => {
      const m = await meeting('planned');
      return {
        url: `/api/v1/council-meetings/${m.id}/proposals`,
        body: { dossierIds: [m.dossierId, await dossier('received')] },
      };
    },
    'POST /api/v1/council-meetings/:id/open-voting': async () => {
      const m = await meeting('planned');
      return { url: `/api/v1/council-meetings/${m.id}/open-voting` };
    },
    'POST /api/v1/council-meetings/:id/votes': async () => {
      const m = await meeting('voting');
      return {
        url: `/api/v1/council-meetings/${m.id}/votes`,
        table: votes,
        body: { dossierId: m.dossierId, personId: m.voter, choice: 'for' },
      };
    },
    'POST /api/v1/council-meetings/:id/my-votes': async (as: RoleName) => {
      const member = await memberAccount(as);
      const m = await meeting('voting', member.personId);
      return {
        url: `/api/v1/council-meetings/${m.id}/my-votes`,
        account: member.email,
        table: votes,
        body: { dossierId: m.dossierId, choice: 'against' },
      };
    },
    // A member's own list: an empty one for an account not on a council, 403 for a role without council.vote.
    'GET /api/v1/me/council-meetings': async () => ({ url: '/api/v1/me/council-meetings' }),
    'POST /api/v1/council-meetings/:id/close': async () => {
      const m = await meeting('voting');
      return { url: `/api/v1/council-meetings/${m.id}/close` };
    },
    'GET /api/v1/council-meetings/:id/minutes.docx': async () => ({
      url: `/api/v1/council-meetings/${shared.id}/minutes.docx`,
    }),
    'POST /api/v1/dossiers/:id/approve': async () => ({
      url: `/api/v1/dossiers/${await dossier('in_review')}/approve`,
      body: { note: 'Thành tích tiêu biểu.' },
    }),
    'POST /api/v1/dossiers/:id/reject': async () => ({
      url: `/api/v1/dossiers/${await dossier('in_review')}/reject`,
      body: { note: 'Chưa đủ thành tích.' },
    }),
  };
};
