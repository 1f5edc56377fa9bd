/**
 * The scoreboard of the seed campaign (the demo 2022 reform plan), for three communes whose reviews,
 * penalties and bands are worked out by hand below, through the API and in the XLSX read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scoreboard, ScoreboardRow } from '@thidua/contract';
import { eq } from 'drizzle-orm';
import { campaigns } from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { demoCampaignId } from '../submissions/support.ts';
import {
  criteriaOf,
  download,
  extendDeadline,
  insertFinding,
  insertReviews,
  insertSubmission,
  readWorkbook,
  setCriterion,
  setRules,
  vnTime,
} from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the scoreboard of the seed campaign, computed by hand', () => {
  it('ranks three communes by total, breaks their tie on criteria met, and exports the same in the XLSX', async () => {
    const campaignId = await demoCampaignId(t);
    const [campaign] = await t.database.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    const deadline = campaign!.submissionDeadline;
    const today = todayInVietnam();

    // Rules: −5 per finding open past its due date, −3 for a late first submit; four bands.
    await setRules(t, campaignId, {
      penalties: [
        { kind: 'open_finding', points: 5 },
        { kind: 'late_submission', points: 3 },
      ],
      bands: [
        { label: 'Xuất sắc', minPoints: 50 },
        { label: 'Tốt', minPoints: 40 },
        { label: 'Khá', minPoints: 25 },
        { label: 'Trung bình', minPoints: 0 },
      ],
      tieBreak: ['total', 'criteria_met', 'fewer_open_findings', 'earlier_first_submission'],
    });
    // Three criteria of the plan get weights 2, 1 and 1.5 (the third is worth 20 points).
    const crit = await criteriaOf(t, campaignId);
    expect(crit.length).toBeGreaterThan(3);
    const [c1, c2, c3] = crit as [(typeof crit)[0], (typeof crit)[0], (typeof crit)[0]];
    await setCriterion(t, c1.id, { weight: 2, maxScore: 10 });
    await setCriterion(t, c2.id, { weight: 1, maxScore: 10 });
    await setCriterion(t, c3.id, { weight: 1.5, maxScore: 20 });

    const thachHai = await t.unitId('XA-THACHHAI');
    const thachHa = await t.unitId('XA-THACHHA');
    const dinhBan = await t.unitId('XA-DINHBAN');

    // Thạch Hải, accepted, on time: 10×2 + 8×1 + 16×1.5 = 52; one finding open past its due date (−5)
    // → 47, Tốt; 3 criteria met. Its remedied finding past due and its open finding not yet due cost nothing.
    const a = await insertSubmission(t, campaignId, thachHai, 'accepted', vnTime(addDays(deadline, -10), 9));
    await insertReviews(t, a, [
      { criterionId: c1.id, verdict: 'met', score: 10 },
      { criterionId: c2.id, verdict: 'met', score: 8 },
      { criterionId: c3.id, verdict: 'met', score: 16 },
    ]);
    await insertFinding(t, campaignId, thachHai, { status: 'open', dueOn: addDays(today, -3) });
    await insertFinding(t, campaignId, thachHai, { status: 'remedied', dueOn: addDays(today, -3) });
    await insertFinding(t, campaignId, thachHai, { status: 'open', dueOn: addDays(today, 10) });

    // Thạch Hà, submitted the day after the deadline (23:30 in Vietnam, 16:30 UTC): late (−3).
    // 9×2 + 0 (not met: 0 by default) + 20×1.5 (met: the maximum by default) = 48 → 45, Tốt; 2 criteria met.
    // Its review goes through the review API (the office's autosave); the others' are written as rows.
    const b = await insertSubmission(t, campaignId, thachHa, 'submitted', vnTime(addDays(deadline, 1), 23.5));
    const reviewed = await t.api
      .patch(`/api/v1/submissions/${b}/review`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .set('if-match', '"v1"')
      .send({
        criteria: [
          { criterionId: c1.id, verdict: 'met', score: 9 },
          { criterionId: c2.id, verdict: 'not_met' },
          { criterionId: c3.id, verdict: 'met' },
        ],
      });
    expect(reviewed.status, reviewed.text).toBe(200);

    // Đỉnh Bàn, returned; submitted two days after the campaign's deadline but within its own
    // extension: not late. 10×2 + 6×1 + 14×1.5 = 47, no penalty → 47, Tốt; 2 criteria met: equal to
    // Thạch Hải on total, behind it on criteria met.
    await extendDeadline(t, campaignId, dinhBan, addDays(deadline, 5));
    const c = await insertSubmission(t, campaignId, dinhBan, 'returned', vnTime(addDays(deadline, 2), 8));
    await insertReviews(t, c, [
      { criterionId: c1.id, verdict: 'met', score: 10 },
      { criterionId: c2.id, verdict: 'not_met', score: 6 },
      { criterionId: c3.id, verdict: 'met', score: 14 },
    ]);

    const auth = await t.auth(DEMO.secretariat);
    const res = await t.api.get(`/api/v1/campaigns/${campaignId}/scoreboard`).set('authorization', auth);
    expect(res.status).toBe(200);
    const board = res.body as Scoreboard;
    expect(board.provisional).toBe(true);
    expect(board.campaign.title).toBe(campaign!.title);
    expect(board.criteriaTotal).toBe(crit.length);
    const byCode = new Map(board.rows.map((r) => [r.unit.code, r]));
    const row = (code: string) => byCode.get(code)!;

    expect(row('XA-THACHHAI')).toMatchObject({
      rank: 1,
      weightedScore: 52,
      criteriaMet: 3,
      criteriaReviewed: 3,
      criteriaTotal: crit.length,
      penalties: { openFindings: 1, late: false, points: 5 },
      total: 47,
      band: 'Tốt',
      submissionStatus: 'accepted',
    });
    expect(row('XA-DINHBAN')).toMatchObject({
      rank: 2,
      weightedScore: 47,
      criteriaMet: 2,
      penalties: { openFindings: 0, late: false, points: 0 },
      total: 47,
      band: 'Tốt',
      submissionStatus: 'returned',
    });
    expect(row('XA-THACHHA')).toMatchObject({
      rank: 3,
      weightedScore: 48,
      criteriaMet: 2,
      penalties: { openFindings: 0, late: true, points: 3 },
      total: 45,
      band: 'Tốt',
      submissionStatus: 'submitted',
    });
    // The board lists them first, in rank order; every other participant follows, with nothing reviewed.
    expect(board.rows.slice(0, 3).map((r) => r.unit.code)).toEqual(['XA-THACHHAI', 'XA-DINHBAN', 'XA-THACHHA']);
    const others = board.rows.slice(3);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) {
      expect(r).toMatchObject({ rank: 4, total: 0, criteriaReviewed: 0, band: null });
      expect(['not_started', 'draft']).toContain(r.submissionStatus);
    }

    // The XLSX says the same, in its official layout.
    const xlsx = await download(t, `/api/v1/campaigns/${campaignId}/scoreboard.xlsx`, auth);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toMatch(
      /^attachment; filename="Bang xep hang thi dua .*\.xlsx"; filename\*=UTF-8''/,
    );
    const book = await readWorkbook(xlsx.body as Buffer);
    expect(book.text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA');
    expect(book.text).toContain('ỦY BAN NHÂN DÂN\nHUYỆN THẠCH HÀ');
    expect(book.text).toContain(campaign!.title);
    expect(book.text.some((s) => s.startsWith('KẾT QUẢ TẠM TÍNH'))).toBe(true);
    expect(book.text.some((s) => /ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(s))).toBe(true);
    expect(book.ws.pageSetup.orientation).toBe('landscape');
    expect(book.ws.pageSetup.paperSize).toBe(9);
    const sheetRow = (code: string) => book.rows.find((r) => r['Mã đơn vị'] === code)!;
    const expected: [string, number, number, number, string, string][] = [
      ['XA-THACHHAI', 1, 47, 5, 'Tốt', ''],
      ['XA-DINHBAN', 2, 47, 0, 'Tốt', ''],
      ['XA-THACHHA', 3, 45, 3, 'Tốt', 'Có'],
    ];
    for (const [code, rank, total, points, band, late] of expected) {
      expect(sheetRow(code)).toMatchObject({
        'Xếp hạng': rank,
        'Tổng điểm': total,
        'Điểm trừ': points,
        'Xếp loại': band,
        'Nộp muộn': late,
      });
    }
    expect(book.rows.slice(0, 3).map((r) => r['Mã đơn vị'])).toEqual(['XA-THACHHAI', 'XA-DINHBAN', 'XA-THACHHA']);
    expect(book.rows).toHaveLength(board.rows.length);

    // The CSV: UTF-8 with a BOM, Vietnamese headers, one line per row.
    const csv = await download(t, `/api/v1/campaigns/${campaignId}/scoreboard.csv`, auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'STT,Xếp hạng,Mã đơn vị,Tên đơn vị,Điểm chấm (có trọng số),Số tiêu chí đạt,Số tiêu chí đã chấm,Tồn tại quá hạn chưa khắc phục,Nộp muộn,Điểm trừ,Tổng điểm,Xếp loại,Trạng thái tự đánh giá',
    );
    expect(lines[1]).toBe('1,1,XA-THACHHAI,UBND xã Thạch Hải,52,3,3,1,,5,47,Tốt,Đã tiếp nhận');
    expect(lines).toHaveLength(board.rows.length + 1);

    // Without criteria met in the chain, the two at 47 share the first place (RANK: the next is third).
    await setRules(t, campaignId, { ...board.rules, tieBreak: ['total'] });
    const shared = (await t.api.get(`/api/v1/campaigns/${campaignId}/scoreboard`).set('authorization', auth))
      .body as Scoreboard;
    const ranks = new Map(shared.rows.map((r: ScoreboardRow) => [r.unit.code, r.rank]));
    expect([ranks.get('XA-THACHHAI'), ranks.get('XA-DINHBAN'), ranks.get('XA-THACHHA')]).toEqual([1, 1, 3]);
  });
});
