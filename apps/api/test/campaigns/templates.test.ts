import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { BUNDLED, createDraft } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * Section III.1 of ../shared/seed/plan-cchc-2022.vi.txt, criterion by criterion, written out here
 * from the plan text (list dashes and trailing ";" or "." dropped). The general criterion applies
 * to collectives and individuals alike. The eighth collective bullet holds two measured criteria.
 */
const SEED_CRITERIA = [
  {
    code: '1.1',
    target: 'collective',
    group: 'general',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title:
      'Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; nội quy, quy chế của cơ quan, đơn vị',
  },
  {
    code: '1.1',
    target: 'individual',
    group: 'general',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title:
      'Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; nội quy, quy chế của cơ quan, đơn vị',
  },
  {
    code: '1.2.a.1',
    target: 'collective',
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title:
      'Triển khai thực hiện có hiệu quả Kế hoạch số 01/KH-UBND ngày 06/01/2022 của UBND huyện về kế hoạch CCHC năm 2022',
  },
  {
    code: '1.2.a.2',
    target: 'collective',
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title: 'Xây dựng, ban hành Kế hoạch CCHC năm 2022 của đơn vị và triển khai thực hiện có hiệu quả',
  },
  {
    code: '1.2.a.3',
    target: 'collective',
    group: 'specific',
    kind: 'derived',
    comparator: 'gte',
    threshold: 1,
    derivedSource: 'recognised_initiatives_count',
    title:
      'Có ít nhất 01 ý tưởng, giải pháp mới về thực hiện công tác CCHC trên địa bàn được cấp có thẩm quyền công nhận',
  },
  {
    code: '1.2.a.4',
    target: 'collective',
    group: 'specific',
    kind: 'derived',
    comparator: 'eq',
    threshold: 100,
    derivedSource: 'findings_remedied_ratio',
    title:
      'Xây dựng và tổ chức thực hiện kế hoạch kiểm tra và tự kiểm tra công tác CCHC đảm bảo thực chất và đúng quy định (100% tồn tại, hạn chế được đoàn kiểm tra CCHC cấp huyện, xã chỉ ra thuộc lĩnh vực cá nhân phụ trách được khắc phục triệt để)',
  },
  {
    code: '1.2.a.5',
    target: 'collective',
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title:
      'Giải quyết thủ tục hành chính của tổ chức, cá nhân kịp thời, đúng và trước hạn (Hồ sơ quá hạn được thực hiện việc xin lỗi công dân theo quy định)',
  },
  {
    code: '1.2.a.6',
    target: 'collective',
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title: 'Thủ tục hành chính có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến',
  },
  {
    code: '1.2.a.7',
    target: 'collective',
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title:
      'Ban hành danh mục thông tin công khai minh bạch trên Cổng/Trang thông tin điện tử của các cơ quan, đơn vị nhằm bảo đảm quyền và cơ hội tiếp cận thông tin của người dân, doanh nghiệp',
  },
  {
    code: '1.2.a.8',
    target: 'collective',
    group: 'specific',
    kind: 'ratio',
    comparator: 'gt',
    threshold: 30,
    derivedSource: null,
    title: 'Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ',
  },
  {
    code: '1.2.a.9',
    target: 'collective',
    group: 'specific',
    kind: 'ratio',
    comparator: 'eq',
    threshold: 100,
    derivedSource: null,
    title:
      '100% thủ tục hành chính thực hiện qua bộ phận tiếp nhận và trả kết quả cấp xã, Trung tâm Hành chính công cấp huyện',
  },
  {
    code: '1.2.a.10',
    target: 'collective',
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title:
      'Tác nghiệp hoàn toàn văn bản trên môi trường mạng (tiếp nhận, giao xử lý, dự thảo và trình duyệt); trừ văn bản mật',
  },
  {
    code: '1.2.a.11',
    target: 'collective',
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title: 'Rà soát thực hiện sáp nhập thôn, tổ dân phố đảm bảo quy định',
  },
  {
    code: '1.2.b.1',
    target: 'individual',
    group: 'specific',
    kind: 'text',
    comparator: null,
    threshold: null,
    derivedSource: null,
    title: 'Tham mưu tổ chức thực hiện tốt công tác cải cách hành chính thuộc lĩnh vực phụ trách',
  },
  {
    code: '1.2.b.2',
    target: 'individual',
    group: 'specific',
    kind: 'count',
    comparator: 'gte',
    threshold: 1,
    derivedSource: null,
    title: 'Có giải pháp mới đem lại hiệu quả trong công tác CCHC ở cơ quan, đơn vị',
  },
];

const pick = (c: Record<string, unknown>) => ({
  code: c.code,
  target: c.target,
  group: c.group,
  kind: c.kind,
  comparator: c.comparator,
  threshold: c.threshold,
  derivedSource: c.derivedSource,
  title: c.title,
});

async function createFromBundled(body: Record<string, unknown> = {}) {
  return t.api
    .post('/api/v1/campaigns')
    .set('authorization', await t.auth(DEMO.secretariat))
    .send({ templateId: BUNDLED, number: '/KH-UBND-NV', startsOn: '2022-03-01', ...body });
}

describe('the bundled template of the 2022 reform plan', () => {
  it('the standing office finds it in the template gallery', async () => {
    const res = await t.api.get('/api/v1/campaign-templates').set('authorization', await t.auth(DEMO.secretariat));
    expect(res.status).toBe(200);
    const bundled = res.body.items.find((i: { id: string }) => i.id === BUNDLED);
    expect(bundled).toMatchObject({
      source: 'bundled',
      criteriaCount: 15,
      campaignTitle: 'Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2022 đến 19/5/2022)',
    });
  });

  it('a campaign created from it has the seed plan criteria, criterion by criterion, with their thresholds', async () => {
    const res = await createFromBundled();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      templateId: BUNDLED,
      title: 'Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2022 đến 19/5/2022)',
      startsOn: '2022-03-01',
      endsOn: '2022-05-19',
      submissionDeadline: '2022-05-19',
      authorityName: 'UBND huyện Thạch Hà',
      participants: {
        kinds: ['party_mass', 'office', 'public_service', 'commune'],
        unitIds: [],
        individualsTakePart: true,
      },
      signer: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Khoa' },
      criteriaCount: SEED_CRITERIA.length,
    });
    const criteria = await t.api
      .get(`/api/v1/campaigns/${res.body.id}/criteria`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(criteria.status).toBe(200);
    expect(criteria.body.items.map(pick)).toEqual(SEED_CRITERIA);
    expect(criteria.body.items.map((c: { order: number }) => c.order)).toEqual(SEED_CRITERIA.map((_, i) => i));
  });

  it('carries the emulation contents of section II and the award provisions of section III.2 word for word', async () => {
    const res = await createFromBundled();
    expect(res.body.contents.collective).toEqual([
      'Thi đua đẩy mạnh công tác cải cách hành chính, góp phần hoàn thành xuất sắc, vượt chỉ tiêu các nhiệm vụ chính trị được giao.',
      'Công khai, minh bạch thủ tục hành chính, rút ngắn thời gian giải quyết công việc tại cơ quan, đơn vị;',
      'Ứng dụng công nghệ thông tin trong hoạt động, quản lý, điều hành;',
      'Tổ chức phong trào thi đua CCHC thiết thực, hiệu quả.',
    ]);
    expect(res.body.contents.individual).toHaveLength(6);
    expect(res.body.contents.individual[0]).toBe('Chấp hành nghiêm kỷ cương, kỷ luật hành chính;');
    expect(res.body.awardProvisions).toContain('+ Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng;');
    expect(res.body.recipients).toEqual([
      'Sở Nội vụ;',
      'Ban TĐ- KT tỉnh;',
      'TTr: Huyện ủy, HĐND huyện;',
      'Chủ tịch, các PCT UBND huyện;',
      'Các cơ quan, đơn vị trực thuộc;',
      'UBND các xã, thị trấn;',
      'Lưu: VT, NV.',
    ]);
  });

  it('created for another year, its dates move with the start and the title and closing quote the new dates', async () => {
    const res = await createFromBundled({ startsOn: '2023-03-01', number: '05/KH-UBND-NV' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      startsOn: '2023-03-01',
      endsOn: '2023-05-19',
      submissionDeadline: '2023-05-19',
      year: 2023,
    });
    expect(res.body.title).toBe(
      'Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2023 đến 19/5/2023)',
    );
    expect(res.body.closing).toContain('từ ngày 01/3/2023 đến 19/5/2023');
  });

  it('fields given with the template id override the template', async () => {
    const res = await createFromBundled({
      title: 'Thi đua CCHC năm 2023',
      endsOn: '2022-06-30',
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Thi đua CCHC năm 2023',
      endsOn: '2022-06-30',
      participants: { kinds: ['commune'], individualsTakePart: false },
    });
  });

  it('an unknown template id is a field error on templateId', async () => {
    const res = await createFromBundled({ templateId: 'no-such-template' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/templateId', code: 'template.not_found' })]);
  });

  it('a unit officer cannot read the template gallery', async () => {
    const res = await t.api.get('/api/v1/campaign-templates').set('authorization', await t.auth(DEMO.unitOfficer));
    expect(res.status).toBe(403);
  });
});

describe('export, import and clone', () => {
  it('export → import → create gives back the same campaign and criteria', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const original = await createFromBundled({
      participants: { kinds: ['commune'], unitIds: [await t.unitId('TP')], individualsTakePart: true },
      dossierDeadline: '2022-06-30',
    });
    expect(original.status).toBe(201);
    const exported = await t.api.get(`/api/v1/campaigns/${original.body.id}/export`).set('authorization', auth);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ format: 'thidua.campaign-template', version: 1 });
    expect(exported.body.campaign.participantUnitCodes).toEqual(['TP']);

    const imported = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(exported.body);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ source: 'saved', criteriaCount: 15 });
    const listed = await t.api.get('/api/v1/campaign-templates').set('authorization', auth);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(imported.body.id);

    const again = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', auth)
      .send({ templateId: imported.body.id, number: original.body.number, startsOn: original.body.startsOn });
    expect(again.status).toBe(201);
    const omit = (c: Record<string, unknown>, keys: string[]) =>
      Object.fromEntries(Object.entries(c).filter(([k]) => !keys.includes(k)));
    const strip = (c: Record<string, unknown>) => omit(c, ['id', 'templateId', 'createdAt', 'updatedAt', 'version']);
    expect(strip(again.body)).toEqual(strip(original.body));
    const [a, b] = await Promise.all(
      [original.body.id, again.body.id].map((id) =>
        t.api.get(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth),
      ),
    );
    const plain = (c: Record<string, unknown>) => omit(c, ['id', 'campaignId', 'createdAt', 'updatedAt', 'version']);
    expect(b!.body.items.map(plain)).toEqual(a!.body.items.map(plain));
  });

  it('a template with a bad field is refused with an error that points at it', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const doc = (await t.api.get(`/api/v1/campaign-templates/${BUNDLED}`).set('authorization', auth)).body.document;

    const wrongType = structuredClone(doc);
    wrongType.criteria[3].threshold = 'một trăm';
    const typeRes = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(wrongType);
    expect(typeRes.status).toBe(400);
    expect(typeRes.body.errors.map((e: { field: string }) => e.field)).toContain('/criteria/3/threshold');

    const outOfRange = structuredClone(doc);
    outOfRange.criteria[9].threshold = 130; // 1.2.a.8, a ratio
    const rangeRes = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(outOfRange);
    expect(rangeRes.status).toBe(400);
    expect(rangeRes.body.code).toBe('template.invalid');
    expect(rangeRes.body.errors).toEqual([
      expect.objectContaining({ field: '/criteria/9/threshold', code: 'criterion.ratio_threshold_range' }),
    ]);

    const noSource = structuredClone(doc);
    delete noSource.criteria[4].derivedSource;
    noSource.criteria[5].code = noSource.criteria[6].code;
    const sourceRes = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(noSource);
    expect(sourceRes.status).toBe(400);
    expect(sourceRes.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      '/criteria/4/derivedSource criterion.source_required',
      '/criteria/6/code criterion.code_taken',
    ]);

    const unknownUnit = structuredClone(doc);
    unknownUnit.campaign.participantUnitCodes = ['KHONG-CO'];
    const unitRes = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(unknownUnit);
    expect(unitRes.status).toBe(400);
    expect(unitRes.body.errors).toEqual([
      expect.objectContaining({ field: '/campaign/participantUnitCodes/0', code: 'template.unit_code_unknown' }),
    ]);

    const otherVersion = { ...structuredClone(doc), version: 2 };
    const versionRes = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(otherVersion);
    expect(versionRes.status).toBe(400);
    expect(versionRes.body.errors[0].field).toBe('/version');
  });

  it('a bundled template cannot be deleted; an imported one can', async () => {
    const auth = await t.auth(DEMO.secretariat);
    expect((await t.api.delete(`/api/v1/campaign-templates/${BUNDLED}`).set('authorization', auth)).status).toBe(409);
    const doc = (await t.api.get(`/api/v1/campaign-templates/${BUNDLED}`).set('authorization', auth)).body.document;
    const imported = await t.api
      .post('/api/v1/campaign-templates')
      .set('authorization', auth)
      .send({ ...doc, name: 'Bản sao để xoá' });
    expect(
      (await t.api.delete(`/api/v1/campaign-templates/${imported.body.id}`).set('authorization', auth)).status,
    ).toBe(200);
    expect((await t.api.get(`/api/v1/campaign-templates/${imported.body.id}`).set('authorization', auth)).status).toBe(
      404,
    );
  });

  it('a campaign cloned for the next year keeps its criteria and moves every date by a year', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const source = await createFromBundled({ number: '12/KH-UBND-NV', dossierDeadline: '2022-06-30' });
    const clone = await t.api
      .post(`/api/v1/campaigns/${source.body.id}/clone`)
      .set('authorization', auth)
      .send({ year: 2023 });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({
      status: 'draft',
      number: '/KH-UBND-NV',
      clonedFromId: source.body.id,
      startsOn: '2023-03-01',
      endsOn: '2023-05-19',
      submissionDeadline: '2023-05-19',
      dossierDeadline: '2023-06-30',
      issuedOn: null,
      criteriaCount: 15,
      title: 'Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2023 đến 19/5/2023)',
    });
    const criteria = await t.api.get(`/api/v1/campaigns/${clone.body.id}/criteria`).set('authorization', auth);
    expect(criteria.body.items.map(pick)).toEqual(SEED_CRITERIA);
  });

  it('a clone shifted by days moves every date by that many days', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const source = await createFromBundled();
    const clone = await t.api
      .post(`/api/v1/campaigns/${source.body.id}/clone`)
      .set('authorization', auth)
      .send({ shiftDays: 10, number: '07/KH-UBND-NV' });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({ number: '07/KH-UBND-NV', startsOn: '2022-03-11', endsOn: '2022-05-29' });
  });

  it('a clone needs exactly one of year and shiftDays', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const { id } = await createDraft(t);
    const both = await t.api
      .post(`/api/v1/campaigns/${id}/clone`)
      .set('authorization', auth)
      .send({ year: 2030, shiftDays: 3 });
    const none = await t.api.post(`/api/v1/campaigns/${id}/clone`).set('authorization', auth).send({});
    expect(both.status).toBe(400);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('campaign.clone_shift_required');
  });
});
