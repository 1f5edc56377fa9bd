/**
 * Field reports on the self-assessment (issue 11), in a campaign of its own made from the bundled
 * plan: the officer attaches the inspection plan and a note to a derived criterion (1.2.a.4) that
 * requires evidence; the head's submit dialog lists the criteria left unanswered once, as
 * unanswered (not also as missing evidence), and lets them submit; the office's "Tất cả" shows every
 * participating unit with its state — not enrolled, drafting with its count, submitted. Screenshots
 * at 1440×900 and 390×844 go to SHOTS_DIR (default: test-results/field-ready).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiAs, openDialog, signIn, signOut } from '../lib/session.mjs';
import { withPdfFiles } from '../lib/self-assessment.mjs';

export const name =
  'a derived criterion takes evidence, the submit dialog reports unanswered criteria once and submits, the office sees every unit (screenshots)';

const SHOTS = process.env.SHOTS_DIR ?? fileURLToPath(new URL('../../test-results/field-ready', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const OFFICER = 'canbo.thachhai@thachha.gov.vn';
const HEAD = 'chutich.thachhai@thachha.gov.vn';
const OTHER = 'canbo.tuphap@thachha.gov.vn';
const vnDay = (days) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A campaign from the bundled plan under a title of its own; XA-THACHHAI and TP enrolled, TP drafting, XA-THACHHAI started. */
async function campaignWithDrafts(baseUrl) {
  const office = await apiAs(baseUrl, OFFICE);
  const tree = (await office.call('GET', '/units/tree')).body.items;
  const xa = tree.find((u) => u.code === 'XA-THACHHAI').id;
  const tp = tree.find((u) => u.code === 'TP').id;
  const title = `Thi đua tự đánh giá tại cơ sở ${Date.now().toString(36)}`;
  const created = await office.call('POST', '/campaigns', {
    templateId: 'bundled-cchc-2022',
    number: '/KH-UBND-NV',
    title,
    startsOn: vnDay(-3),
    endsOn: vnDay(60),
    submissionDeadline: vnDay(30),
    participants: { kinds: ['commune'], unitIds: [tp], individualsTakePart: false },
    followsDates: false,
  });
  const id = created.body.id;
  await office.call('POST', `/campaigns/${id}/open`);
  for (const unitId of [xa, tp])
    await office.call('POST', `/campaigns/${id}/enrollments`, { unitId, commitment: 'Cam kết thực hiện.' });
  const criteria = (await office.call('GET', `/campaigns/${id}/criteria?target=collective`)).body.items;
  const code = (c) => criteria.find((x) => x.code === c).id;
  // Phòng Tư pháp drafts two answers and stops there.
  const other = await apiAs(baseUrl, OTHER);
  const draft = await other.call('POST', `/campaigns/${id}/submissions`, {});
  await other.call(
    'PATCH',
    `/submissions/${draft.body.id}`,
    {
      answers: [
        { criterionId: code('1.1'), answer: { value: false } },
        { criterionId: code('1.2.a.5'), answer: { value: false } },
      ],
    },
    { 'if-match': draft.etag },
  );
  // XA-THACHHAI: two negative answers; the criteria that require evidence stay blank.
  const officer = await apiAs(baseUrl, OFFICER);
  const own = await officer.call('POST', `/campaigns/${id}/submissions`, {});
  await officer.call(
    'PATCH',
    `/submissions/${own.body.id}`,
    {
      answers: [
        { criterionId: code('1.1'), answer: { value: false } },
        { criterionId: code('1.2.a.10'), answer: { value: false } },
      ],
    },
    { 'if-match': own.etag },
  );
  return { id, title, submissionId: own.body.id };
}

async function shoot(page, name, locator) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: false });
  assert.ok(fs.statSync(file).size > 5_000, `${name} was written`);
}

const card = (page, code) => page.getByTestId(`criterion-${code}`);

export async function run({ page, baseUrl }) {
  const campaign = await campaignWithDrafts(baseUrl);
  await page.setViewportSize({ width: 1440, height: 900 });

  // ── Bug 4: the officer attaches the inspection plan and a note to a derived criterion ─────────
  await signIn(page, baseUrl, OFFICER);
  await page.goto(`${baseUrl}/tu-danh-gia/${campaign.submissionId}`);
  await page.getByTestId('self-assessment-form').waitFor();
  const derived = card(page, '1.2.a.4');
  await derived.getByTestId('derived-answer').waitFor();
  await derived.getByText('Bắt buộc có minh chứng').waitFor();
  await withPdfFiles('thidua-field-ready-', async (pdf) => {
    await derived.locator('input[type=file]').setInputFiles(pdf('ke-hoach-kiem-tra-cchc.pdf'));
    await derived.getByTestId('attached-file').filter({ hasText: 'ke-hoach-kiem-tra-cchc.pdf' }).waitFor();
  });
  await derived.getByLabel('Ghi chú của tiêu chuẩn 1.2.a.4').fill('Kế hoạch kiểm tra CCHC năm nay kèm theo.');
  await page
    .getByTestId('autosave-status')
    .filter({ hasText: /Đã lưu lúc/ })
    .waitFor();
  // Saved on the server: read back through the API.
  const { call: asOfficer } = await apiAs(baseUrl, OFFICER);
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 20; i++) {
      const a = (await asOfficer('GET', `/submissions/${campaign.submissionId}`)).body.answers.find(
        (x) => x.code === '1.2.a.4',
      );
      if (a.files.length === 1 && a.note) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the derived criterion’s file and note were not saved');
  });
  await derived.scrollIntoViewIfNeeded();
  await shoot(page, 'derived-evidence-1440.png', derived);
  await page.setViewportSize({ width: 390, height: 844 });
  await derived.scrollIntoViewIfNeeded();
  await shoot(page, 'derived-evidence-390.png', derived);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signOut(page);

  // ── Bug 1: the head's dialog reports the unanswered criteria once, and submits ──────────────
  await signIn(page, baseUrl, HEAD);
  await page.goto(`${baseUrl}/tu-danh-gia/${campaign.submissionId}`);
  await page.getByTestId('self-assessment-form').waitFor();
  assert.equal(await page.getByTestId('evidence-missing').count(), 0, 'no criterion flagged for missing evidence');
  let dialog = await openDialog(page, page.getByTestId('submit-button'), 'Nộp báo cáo tự đánh giá');
  await dialog.getByTestId('summary-unanswered').waitFor();
  assert.equal(await dialog.getByTestId('summary-evidence-missing').count(), 0, 'no red list');
  const unanswered = await dialog.getByTestId('summary-unanswered').locator('li').allInnerTexts();
  assert.ok(
    unanswered.some((l) => l.startsWith('1.2.a.8')),
    `1.2.a.8 is unanswered: ${unanswered.join(' | ')}`,
  );
  const ok = dialog.getByRole('button', { name: 'Nộp báo cáo' });
  assert.equal(await ok.isEnabled(), true, 'the submit button is enabled');
  await shoot(page, 'submit-dialog-1440.png');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.setViewportSize({ width: 390, height: 844 });
  dialog = await openDialog(page, page.getByTestId('submit-button'), 'Nộp báo cáo tự đánh giá');
  await shoot(page, 'submit-dialog-390.png');
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('submitted-banner').waitFor();
  await signOut(page);

  // ── Bug 5: the office's "Tất cả" lists every participating unit with its state ──────────────
  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/phong-trao/${campaign.id}/tu-danh-gia`);
  await page.getByTestId('submission-list').waitFor();
  await page.locator('.ant-segmented-item').filter({ hasText: 'Tất cả' }).click();
  const states = page.getByTestId('unit-states');
  await states.waitFor();
  const row = (name) => states.locator('tr.ant-table-row').filter({ hasText: name });
  await row('UBND xã Thạch Hải').getByTestId('unit-state').filter({ hasText: 'Chờ thẩm định' }).waitFor();
  const drafting = row('Phòng Tư pháp');
  await drafting.getByTestId('unit-state').filter({ hasText: 'Đang soạn' }).waitFor();
  assert.match(await drafting.getByTestId('unit-answered').innerText(), /^\d+\/\d+ tiêu chuẩn$/);
  assert.equal(await drafting.getByTestId('submission-link').count(), 0, 'a draft does not open for the office');
  await states.getByTestId('unit-state').filter({ hasText: 'Chưa đăng ký' }).first().waitFor();
  await shoot(page, 'all-units-1440.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await states.waitFor();
  await shoot(page, 'all-units-390.png');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The reviewer sees the file attached to the derived criterion.
  await row('UBND xã Thạch Hải').getByTestId('submission-link').click();
  await page.getByTestId('submission-review').waitFor();
  await page
    .getByTestId('evidence-1.2.a.4')
    .getByTestId('attached-file')
    .filter({ hasText: 'ke-hoach-kiem-tra-cchc.pdf' })
    .first()
    .waitFor();
}
