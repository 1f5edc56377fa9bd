/**
 * A council member who is not office staff votes from "Phiếu biểu quyết của tôi": a head of office
 * whose account holds only unit_head at their office (council.vote, not council.read) sits on a
 * council of Thạch Hà; the office opens a meeting on two received dossiers. The member finds the page
 * in the side menu (not the council list), reads each proposal's nominee, unit, award type,
 * achievement and documents (downloading one), votes for one and against the other, sees "voted" on
 * both; after the office closes the meeting the page shows each result. Screenshot:
 * apps/web/test-results/council-my-ballots.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  closedCampaignWithAcceptedUnit,
  receivedDossier,
  thachHa,
  unitAndPersonDossiers,
  OFFICE,
} from '../lib/awards.mjs';
import { ACCOUNT_PASSWORD, apiAs, apiGetAs, signIn } from '../lib/session.mjs';

export const name =
  "a council member who is not office staff votes from 'Phiếu biểu quyết của tôi' and sees the results (screenshot)";

const SHOT = fileURLToPath(new URL('../../test-results/council-my-ballots.png', import.meta.url));
const ADMIN = { email: 'admin@thidua.local', password: 'Quantri@Thidua2022' };

/** A head of an office of UBND-TH with an account holding only unit_head at that office. */
async function headOfOffice(baseUrl) {
  const admin = await apiAs(baseUrl, ADMIN.email, ADMIN.password);
  const tree = (await admin.call('GET', '/units/tree')).body.items;
  const office = tree.find((u) => u.code === 'TCKH');
  const person = (
    await admin.call('POST', '/people', {
      unitId: office.id,
      fullName: 'Phan Văn Kế',
      position: 'Trưởng phòng Tài chính - Kế hoạch',
    })
  ).body;
  const email = `tp.tckh.${Date.now().toString(36)}@thachha.gov.vn`;
  await admin.call('POST', '/users', {
    email,
    fullName: person.fullName,
    password: ACCOUNT_PASSWORD,
    mustChangePassword: false,
    personId: person.id,
    roles: [{ role: 'unit_head', unitId: office.id }],
  });
  return { email, person };
}

export async function run({ page, baseUrl }) {
  const campaign = await closedCampaignWithAcceptedUnit(baseUrl);
  const { unitDossier, personDossier } = await unitAndPersonDossiers(baseUrl, campaign, receivedDossier);
  const member = await headOfOffice(baseUrl);
  const town = await thachHa(baseUrl);

  // ── The office: a council (the chair and the head of office vote), a meeting held now, voting open ──
  const { call } = await apiAs(baseUrl, OFFICE);
  const council = await call('POST', '/councils', {
    authorityUnitId: town.th,
    name: 'Hội đồng Thi đua - Khen thưởng (phiếu của tôi)',
    term: '2021–2026',
    validFrom: '2021-07-01',
  });
  await call('PUT', `/councils/${council.body.id}/members`, [
    { personId: town.chair.id, role: 'chair' },
    { personId: member.person.id, role: 'member' },
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
  const m = `/council-meetings/${meeting.body.id}`;
  await call('PUT', `${m}/attendance`, [
    { personId: town.chair.id, present: true },
    { personId: member.person.id, present: true },
  ]);
  await call('PUT', `${m}/proposals`, { dossierIds: [unitDossier.id, personDossier.id] });
  await call('POST', `${m}/open-voting`);

  // ── The member: the page is in the side menu, the council list is not ───────────────────────
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, baseUrl, member.email);
  await page.getByRole('link', { name: 'Phiếu biểu quyết của tôi' }).first().click();
  await page.waitForURL(/\/hoi-dong\/phieu-cua-toi$/);
  assert.equal(await page.getByRole('link', { name: 'Hội đồng thi đua - khen thưởng' }).count(), 0);
  const card = page.locator(`[data-meeting-id="${meeting.body.id}"]`);
  await card.getByTestId('my-meeting-status').getByText('Đang biểu quyết').waitFor();
  await card.getByText('Còn 2 hồ sơ chưa biểu quyết').waitFor();

  const unitCard = card.getByTestId(`my-proposal-${unitDossier.id}`);
  await unitCard.getByText(unitDossier.nomineeName, { exact: false }).first().waitFor();
  await unitCard.getByTestId('my-state-pending').getByText('Chưa biểu quyết').waitFor();
  // The achievement and the documents, opened under the proposal.
  await unitCard.getByText('Thành tích và tài liệu hồ sơ').click();
  await unitCard.getByText('Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.').waitFor();
  // The member reads a document, though their own roles do not reach the nominee's commune.
  const download = page.waitForEvent('download');
  await unitCard
    .getByTestId('dossier-document-proposal_letter')
    .getByRole('button', { name: /proposal_letter-da-ky\.pdf/ })
    .click();
  assert.equal((await download).suggestedFilename(), 'proposal_letter-da-ky.pdf');

  // ── Votes: for the collective dossier, against the individual one ───────────────────────────
  for (const [dossierId, choice, shown] of [
    [unitDossier.id, 'for', 'Đã biểu quyết: Đồng ý'],
    [personDossier.id, 'against', 'Đã biểu quyết: Không đồng ý'],
  ]) {
    const proposal = card.getByTestId(`my-proposal-${dossierId}`);
    await proposal.getByTestId(`my-vote-${dossierId}`).getByTestId(`vote-${choice}`).click();
    await proposal.getByTestId('my-state-voted').getByText(shown).waitFor();
    assert.equal(await proposal.getByTestId(`my-vote-${dossierId}`).count(), 0, 'no second vote offered');
  }
  await card.getByText('Đã biểu quyết tất cả hồ sơ').waitFor();
  const recorded = await apiGetAs(baseUrl, OFFICE, `/api/v1${m}`);
  assert.deepEqual(
    recorded.votes.map((v) => [v.dossierId, v.personId, v.choice]).sort(),
    [
      [personDossier.id, member.person.id, 'against'],
      [unitDossier.id, member.person.id, 'for'],
    ].sort(),
  );

  // ── The office records the chair's votes and closes; the member sees the results ────────────
  for (const dossierId of [unitDossier.id, personDossier.id])
    await call('POST', `${m}/votes`, { dossierId, personId: town.chair.id, choice: 'for' });
  const closed = (await call('POST', `${m}/close`)).body;
  const result = Object.fromEntries(closed.proposals.map((p) => [p.dossier.id, p.result]));
  assert.equal(result[unitDossier.id], 'passed');
  await page.reload();
  await card.getByTestId('my-meeting-status').getByText('Đã kết thúc').waitFor();
  await card.getByTestId(`my-proposal-${unitDossier.id}`).getByTestId('my-result').getByText('Đạt · 2/2').waitFor();
  const personResult = result[personDossier.id] === 'passed' ? 'Đạt · 1/2' : 'Không đạt · 1/2';
  await card.getByTestId(`my-proposal-${personDossier.id}`).getByTestId('my-result').getByText(personResult).waitFor();
  await card.getByTestId(`my-proposal-${unitDossier.id}`).getByText('Đã biểu quyết: Đồng ý').waitFor();

  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await card.screenshot({ path: SHOT });
  assert.ok(fs.statSync(SHOT).size > 10_000, 'the screenshot was written');
}
