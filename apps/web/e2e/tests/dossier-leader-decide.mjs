/**
 * The leader decides a dossier under review outside a council meeting: two received dossiers of
 * Thạch Hải put to a meeting of a test council (in review), the leader approves one and rejects
 * the other from the dossier page, each with its reason, and the API agrees.
 */
import assert from 'node:assert/strict';
import { LEADER, OFFICE, closedAwardCampaign, receivedDossier, thachHa } from '../lib/awards.mjs';
import { apiAs, apiGetAs, openDialog, signIn } from '../lib/session.mjs';

export const name = 'the leader approves one dossier under review and rejects another, each with a reason';

/**
 * Puts received dossiers before a council meeting of UBND-TH (they move to in_review), then takes
 * them off its agenda again: under review, in no open meeting, the leader may decide them alone.
 */
async function putToMeeting(baseUrl, campaign, dossierIds) {
  const { call } = await apiAs(baseUrl, OFFICE);
  const town = await thachHa(baseUrl);
  const council = await call('POST', '/councils', {
    authorityUnitId: town.th,
    name: 'Hội đồng Thi đua - Khen thưởng (phê duyệt ngoài cuộc họp)',
    term: '2021–2026',
    validFrom: '2021-07-01',
  });
  await call('PUT', `/councils/${council.body.id}/members`, [
    { personId: town.chair.id, role: 'chair' },
    { personId: town.secretary.id, role: 'secretary' },
  ]);
  const meeting = await call('POST', `/councils/${council.body.id}/meetings`, {
    campaignId: campaign.id,
    heldAt: new Date().toISOString(),
    place: 'Phòng họp số 2, UBND huyện Thạch Hà',
    method: 'show_of_hands',
    chairPersonId: town.chair.id,
    secretaryPersonId: town.secretary.id,
  });
  await call('PUT', `/council-meetings/${meeting.body.id}/proposals`, { dossierIds });
  await call('PUT', `/council-meetings/${meeting.body.id}/proposals`, { dossierIds: [] });
}

async function decide(page, baseUrl, dossierId, button, reason) {
  await page.goto(`${baseUrl}/ho-so/${dossierId}`);
  const dialog = await openDialog(
    page,
    page.getByTestId(button),
    button === 'dossier-approve' ? 'Phê duyệt' : 'Không phê duyệt',
  );
  await dialog.getByTestId('dossier-decide-note').fill(reason);
  await dialog.getByTestId('dossier-decide-ok').click();
  await dialog.waitFor({ state: 'hidden' });
}

export async function run({ page, baseUrl }) {
  const campaign = await closedAwardCampaign(baseUrl);
  const town = await thachHa(baseUrl);
  const collective = await receivedDossier(baseUrl, campaign);
  const individual = await receivedDossier(baseUrl, campaign, { personId: town.person.id });
  await putToMeeting(baseUrl, campaign, [collective.id, individual.id]);
  assert.equal((await apiGetAs(baseUrl, OFFICE, `/dossiers/${individual.id}`)).status, 'in_review');

  await signIn(page, baseUrl, LEADER);
  await decide(
    page,
    baseUrl,
    individual.id,
    'dossier-approve',
    'Thành tích nổi bật, đã được Hội đồng thống nhất qua ý kiến bằng văn bản.',
  );
  await page.getByTestId('dossier-approve').waitFor({ state: 'detached' });
  await decide(page, baseUrl, collective.id, 'dossier-reject', 'Chưa đủ tiêu chuẩn: tỷ lệ hồ sơ trực tuyến chưa đạt.');
  await page.getByTestId('dossier-reject').waitFor({ state: 'detached' });

  assert.equal((await apiGetAs(baseUrl, OFFICE, `/dossiers/${individual.id}`)).status, 'approved');
  assert.equal((await apiGetAs(baseUrl, OFFICE, `/dossiers/${collective.id}`)).status, 'rejected');
}
