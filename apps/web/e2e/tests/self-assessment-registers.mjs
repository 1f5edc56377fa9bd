/**
 * The registers that feed the derived criteria, in the browser: the standing office records an
 * inspection finding for XA-THACHHAI with the inspection's minutes, the unit's officer reports the
 * remedy with evidence, the office verifies it (100 % remedied); the officer registers an
 * initiative with its authors and a file, the office records its recognition.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pickUnit, signIn, signOut } from '../lib/session.mjs';

export const name = 'the office records a finding and the unit remedies it; the unit registers an initiative and the office recognises it';

const OFFICE = 'noivu@thachha.gov.vn';
const OFFICER = 'canbo.thachhai@thachha.gov.vn';
const FINDING = 'Chưa niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa';
const INITIATIVE = 'Số hóa hồ sơ hộ tịch và trả kết quả qua Zalo';

/** dd/MM/yyyy of a day `days` from today in Vietnam. */
function vnDate(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d).split('-');
  return `${day}/${m}/${y}`;
}

async function typeDate(page, label, value) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

export async function run({ page, baseUrl }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-registers-'));
  const pdf = (name) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    return file;
  };
  try {
    // ── The office records a finding ────────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICE);
    await page.goto(`${baseUrl}/ton-tai`);
    await page.getByTestId('findings-register').waitFor();
    await page.getByTestId('create-finding').click();
    const form = page.getByRole('dialog', { name: 'Ghi nhận tồn tại, hạn chế' });
    await pickUnit(page, form.getByLabel('Đơn vị'), 'thach hai', 'UBND xã Thạch Hải');
    await form.getByLabel('Tồn tại, hạn chế').fill(FINDING);
    await form.getByLabel('Đoàn kiểm tra').fill('Đoàn kiểm tra công tác CCHC theo Quyết định số 215/QĐ-UBND');
    await typeDate(page, 'Ngày kiểm tra', vnDate(-3));
    await typeDate(page, 'Hạn khắc phục', vnDate(20));
    await form.locator('input[type=file]').setInputFiles(pdf('bien-ban-kiem-tra.pdf'));
    await form.getByTestId('attached-file').filter({ hasText: 'bien-ban-kiem-tra.pdf' }).waitFor();
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row').filter({ hasText: FINDING });
    await row.getByText('Chưa khắc phục').waitFor();
    await signOut(page);

    // ── The unit reports its remedy ─────────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICER);
    await page.goto(`${baseUrl}/ton-tai`);
    await row.getByTestId('remedy-button').click();
    const remedy = page.getByRole('dialog', { name: 'Kết quả khắc phục' });
    // Without evidence the remedy is not sent.
    await remedy.getByLabel('Đơn vị đã khắc phục như thế nào').fill('Đã niêm yết bổ sung 12 thủ tục hành chính (ảnh chụp kèm theo).');
    await remedy.getByRole('button', { name: 'Gửi báo cáo khắc phục' }).click();
    await remedy.getByText('Cần đính kèm ít nhất một tài liệu kiểm chứng kết quả khắc phục.').waitFor();
    await remedy.locator('input[type=file]').setInputFiles(pdf('anh-niem-yet.pdf'));
    await remedy.getByTestId('attached-file').waitFor();
    await remedy.getByRole('button', { name: 'Gửi báo cáo khắc phục' }).click();
    await remedy.waitFor({ state: 'hidden' });
    await row.getByText('Đã báo cáo khắc phục').waitFor();
    // The office's record and documents are readable by the unit.
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('attached-file').filter({ hasText: 'bien-ban-kiem-tra.pdf' }).waitFor();

    // ── The unit registers an initiative ────────────────────────────────────────────────────
    await page.goto(`${baseUrl}/sang-kien`);
    await page.getByTestId('create-initiative').click();
    const initiative = page.getByRole('dialog', { name: 'Đăng ký sáng kiến' });
    await initiative.getByLabel('Tên sáng kiến, giải pháp').fill(INITIATIVE);
    await initiative.getByLabel('Tóm tắt nội dung, hiệu quả').fill('Quét và lưu 4.200 sổ hộ tịch; thông báo kết quả qua Zalo OA của UBND xã.');
    await initiative.getByLabel('Tác giả').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await initiative.locator('input[type=file]').setInputFiles(pdf('mo-ta-sang-kien.pdf'));
    await initiative.getByTestId('attached-file').waitFor();
    await initiative.getByRole('button', { name: 'Đăng ký' }).click();
    await initiative.waitFor({ state: 'hidden' });
    const initiativeRow = page.locator('.ant-table-row').filter({ hasText: INITIATIVE });
    assert.equal(await initiativeRow.getByTestId('initiative-status').innerText(), 'Đã đăng ký');
    // Recognition is the office's.
    assert.equal(await page.getByTestId('recognise-button').count(), 0);
    await signOut(page);

    // ── The office verifies the remedy and recognises the initiative ───────────────────────
    await signIn(page, baseUrl, OFFICE);
    await page.goto(`${baseUrl}/ton-tai`);
    await row.getByTestId('verify-button').click();
    await page.getByRole('button', { name: 'Xác nhận đã khắc phục' }).click();
    await row.getByText('Đã xác nhận khắc phục').waitFor();
    await page.locator('.ant-statistic').filter({ hasText: 'Tỷ lệ đã khắc phục' }).getByText('100%').waitFor();

    await page.goto(`${baseUrl}/sang-kien`);
    await initiativeRow.getByTestId('recognise-button').click();
    const recognise = page.getByRole('dialog', { name: 'Ghi nhận công nhận sáng kiến' });
    await recognise.getByLabel('Cơ quan, hội đồng công nhận').fill('Hội đồng Sáng kiến huyện Thạch Hà');
    await recognise.getByLabel('Số quyết định').fill('1520/QĐ-UBND');
    await typeDate(page, 'Ngày quyết định', vnDate(-1));
    await recognise.locator('input[type=file]').setInputFiles(pdf('quyet-dinh-1520.pdf'));
    await recognise.getByTestId('attached-file').waitFor();
    await recognise.getByRole('button', { name: 'Ghi nhận công nhận' }).click();
    await recognise.waitFor({ state: 'hidden' });
    await initiativeRow.getByText('QĐ số 1520/QĐ-UBND').waitFor();
    assert.equal(await initiativeRow.getByTestId('initiative-status').innerText(), 'Đã được công nhận');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
