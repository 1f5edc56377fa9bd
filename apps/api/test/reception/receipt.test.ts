/**
 * The printable receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả), read back from the DOCX: the
 * authority and its desk, the receipt number and date, the unit, the nominee, the award proposed,
 * the documents received, the due date and the receiver; who may download it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount } from '../factories.ts';
import { binary, docxParagraphs } from '../campaigns/support.ts';
import { closedCampaignWithAcceptedUnit, insertDossier, type AwardCampaign } from '../awards/support.ts';
import { dueDate } from '../../src/modules/reception/receipt-docx.ts';
import { todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { addDocuments, deskCall } from './support.ts';

let t: TestApp;
let c: AwardCampaign;

beforeAll(async () => {
  t = await createTestApp();
  c = await closedCampaignWithAcceptedUnit(t);
});
afterAll(() => t.close());

const receipt = async (id: string, auth: string) =>
  t.api.get(`/api/v1/dossiers/${id}/receipt.docx`).set('authorization', auth).buffer(true).parse(binary);

describe('the receipt', () => {
  it('prints the receipt in the Decree 30 layout, for the desk and for the unit', async () => {
    const { id } = await insertDossier(t, c, { status: 'submitted' });
    await addDocuments(t, id);
    const received = await deskCall(t, DEMO.reception, 'post', id, 'receive');
    expect(received.status, received.text).toBe(200);
    const number = received.body.receiptNumber as string;

    const res = await receipt(id, await t.auth(DEMO.reception));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('giay-tiep-nhan-');
    const text = docxParagraphs(res.body as Buffer);
    const all = text.join('\n');
    const today = todayInVietnam();
    const [y, m, d] = today.split('-');
    expect(text).toContain('UBND HUYỆN THẠCH HÀ');
    expect(text).toContain('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(`Số: ${number}`);
    expect(all).toContain(`ngày ${d} tháng ${Number(m) <= 2 ? m : String(Number(m))} năm ${y}`);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Đơn vị nộp hồ sơ: UBND xã Thạch Hải');
    expect(text).toContain('Tập thể được đề nghị: UBND xã Thạch Hải');
    expect(all).toMatch(/Hình thức khen thưởng đề nghị: Giấy khen/);
    expect(all).toContain(`ngày ${d}/${m}/${y}`);
    // The documents received, one row each.
    expect(text).toEqual(expect.arrayContaining(['STT', 'Tên giấy tờ', 'Hình thức', 'Số lượng']));
    expect(all).toContain('Tờ trình đề nghị khen thưởng (Mẫu số 01) (ho-so-da-ky.pdf)');
    expect(all).toContain('Báo cáo thành tích (ho-so-da-ky.pdf)');
    expect(all).toContain('Biên bản họp xét khen thưởng (ho-so-da-ky.pdf)');
    expect(all).toMatch(/Thời gian giải quyết: 20 ngày làm việc; ngày hẹn trả kết quả: \d\d\/\d\d\/\d{4}\./);
    expect(text).toContain('NGƯỜI TIẾP NHẬN');
    const [desk] = await t.database.db.select().from(users).where(eq(users.email, DEMO.reception));
    expect(desk!.fullName).toBeTruthy();
    expect(text).toContain(desk!.fullName);

    // The unit reads its own receipt; the leader and the office of the authority too.
    for (const who of [DEMO.unitHead, DEMO.unitOfficer, DEMO.secretariat, DEMO.leader])
      expect((await receipt(id, await t.auth(who))).status, who).toBe(200);
  });

  it('is not there before the receipt (409), nor for another authority’s desk or another unit (404)', async () => {
    const person = await t.api
      .post('/api/v1/people')
      .set('authorization', await t.auth(DEMO.admin))
      .send({ unitId: c.unitId, fullName: 'Trần Thị Lan' });
    const { id } = await insertDossier(t, c, { status: 'submitted', personId: person.body.id });
    const early = await receipt(id, await t.auth(DEMO.reception));
    expect(early.status).toBe(409);
    await addDocuments(t, id);
    expect((await deskCall(t, DEMO.reception, 'post', id, 'receive')).status).toBe(200);
    const ts = await makeAccount(t, 'reception', await t.unitId('UBND-TS'));
    expect((await receipt(id, ts.auth)).status).toBe(404);
    expect((await receipt(id, await t.auth(DEMO.otherUnitOfficer))).status).toBe(404);
    // The demo staff member is another person of the unit: not their dossier.
    expect((await receipt(id, await t.auth(DEMO.staff))).status).toBe(404);
    const mine = docxParagraphs((await receipt(id, await t.auth(DEMO.unitHead))).body as Buffer);
    expect(mine).toContain('Cá nhân được đề nghị: Trần Thị Lan');
  });

  it('sets the due date 20 working days on, without weekends and Tết', () => {
    const tet = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    // Received on Friday 13 Feb 2026: counting starts on Monday 23 Feb, after Tết.
    expect(dueDate('2026-02-13', tet)).toBe('2026-03-20');
    // Received on Friday 9 Jan 2026: from Monday 12 Jan, four weeks.
    expect(dueDate('2026-01-09', new Set())).toBe('2026-02-06');
  });
});
