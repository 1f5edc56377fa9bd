/** Steps the findings tests share: the office records a finding for XA-THACHHAI, the unit remedies it. */
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { uploadPdf } from '../submissions/support.ts';

export async function recordFinding(t: TestApp, campaignId: string, body: Record<string, unknown> = {}) {
  const today = todayInVietnam();
  return t.api
    .post(`/api/v1/campaigns/${campaignId}/findings`)
    .set('authorization', await t.auth(DEMO.secretariat))
    .send({
      unitId: await t.unitId('XA-THACHHAI'),
      title: 'Chưa niêm yết công khai đầy đủ thủ tục hành chính',
      inspectionName: 'Đoàn kiểm tra CCHC năm 2022',
      inspectedOn: today,
      dueOn: addDays(today, 14),
      ...body,
    });
}

/** XA-THACHHAI's officer reports the remedy, with a freshly uploaded photo unless files are given. */
export async function remedyFinding(t: TestApp, id: string, fileIds?: string[]) {
  return t.api
    .post(`/api/v1/findings/${id}/remedy`)
    .set('authorization', await t.auth(DEMO.unitOfficer))
    .send({
      text: 'Đã niêm yết bổ sung 12 thủ tục hành chính.',
      fileIds: fileIds ?? [await uploadPdf(t, DEMO.unitOfficer, 'anh-niem-yet.pdf')],
    });
}
