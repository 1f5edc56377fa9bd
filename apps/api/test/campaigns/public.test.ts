import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { BUNDLED, addDays, binary, createDraft, docxParagraphs, move, today, uploadPdf } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the public campaign pages', () => {
  it('without a token, open, closed and finalized campaigns are listed, drafts and archived ones are not', async () => {
    const draft = await createDraft(t, { title: 'Kế hoạch công khai thử nghiệm nháp' });
    const open = await createDraft(t, { title: 'Kế hoạch công khai thử nghiệm mở' });
    await move(t, open.id, 'open');
    const archived = await createDraft(t, { title: 'Kế hoạch công khai thử nghiệm lưu trữ' });
    await move(t, archived.id, 'open', 'close', 'finalize', 'archive');
    const res = await t.api.get('/api/v1/public/campaigns?q=cong khai thu nghiem');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([open.id]);
    expect(res.headers['cache-control'] ?? '').not.toMatch(/no-store/);
    for (const id of [draft.id, archived.id])
      expect((await t.api.get(`/api/v1/public/campaigns/${id}`)).status).toBe(404);
  });

  it('a published campaign reads with its criteria and none of the internal fields', async () => {
    const open = await createDraft(t, { attachmentFileIds: [await uploadPdf(t, DEMO.secretariat)] });
    await move(t, open.id, 'open');
    const res = await t.api.get(`/api/v1/public/campaigns/${open.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: open.id,
      status: 'open',
      title: 'Phát động phong trào thi đua chuyển đổi số',
    });
    expect(res.body.criteria).toEqual([
      expect.objectContaining({ code: '1.2.a.8', kind: 'ratio', comparator: 'gt', threshold: 30 }),
    ]);
    for (const hidden of ['attachmentFileIds', 'templateId', 'clonedFromId', 'version', 'createdAt'])
      expect(res.body, hidden).not.toHaveProperty(hidden);
    expect(res.body.criteria[0]).not.toHaveProperty('campaignId');
    expect(res.body.criteria[0]).not.toHaveProperty('version');
  });
});

describe('the plan as DOCX', () => {
  async function planFromBundled(startsOn = '2022-03-01'): Promise<string> {
    const res = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ templateId: BUNDLED, number: '12/KH-UBND-NV', startsOn, issuedOn: '2022-02-25' });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${res.text}`);
    return res.body.id;
  }

  it('opens as a Word document with the Vietnamese title, number, criteria codes, signature and distribution list', async () => {
    const id = await planFromBundled();
    const res = await t.api
      .get(`/api/v1/campaigns/${id}/plan.docx`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ke-hoach-12-kh-ubnd-nv\.docx"/);
    const paragraphs = docxParagraphs(res.body as Buffer);
    expect(paragraphs).toContain('KẾ HOẠCH');
    expect(paragraphs).toContain(
      'Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2022 đến 19/5/2022)',
    );
    expect(paragraphs).toContain('ỦY BAN NHÂN DÂN');
    expect(paragraphs).toContain('HUYỆN THẠCH HÀ');
    expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(paragraphs).toContain('Số: 12/KH-UBND-NV');
    expect(paragraphs).toContain('Thạch Hà, ngày 25 tháng 02 năm 2022');
    for (const heading of [
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. ĐỐI TƯỢNG VÀ NỘI DUNG',
      'III. TIÊU CHUẨN THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG',
      'IV. TỔ CHỨC THỰC HIỆN',
    ])
      expect(paragraphs).toContain(heading);
    expect(paragraphs).toContain(
      '1.1. Tiêu chuẩn chung: Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; nội quy, quy chế của cơ quan, đơn vị.',
    );
    expect(paragraphs).toContain('1.2.a.8. Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ;');
    for (const code of ['1.2.a.1', '1.2.a.4', '1.2.a.9', '1.2.a.11', '1.2.b.1', '1.2.b.2'])
      expect(
        paragraphs.some((p) => p.startsWith(`${code}. `)),
        code,
      ).toBe(true);
    expect(paragraphs).toContain('+ Tờ trình đề nghị khen thưởng;');
    expect(paragraphs).toContain('Nơi nhận:');
    expect(paragraphs).toContain('- Lưu: VT, NV.');
    expect(paragraphs).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(paragraphs).toContain('CHỦ TỊCH');
    expect(paragraphs).toContain('Nguyễn Văn Khoa');
  });

  it('is laid out on A4 with the Decree 30 margins, in Times New Roman', async () => {
    const id = await planFromBundled();
    const res = await t.api
      .get(`/api/v1/campaigns/${id}/plan.docx`)
      .set('authorization', await t.auth(DEMO.leader))
      .buffer(true)
      .parse(binary);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['word/document.xml']!);
    // A4 is 11906 × 16838 twips; 20 mm ≈ 1134, 30 mm ≈ 1701, 15 mm ≈ 850.
    expect(xml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
    expect(xml).toMatch(/<w:pgMar w:top="113[34]" w:right="85[01]" w:bottom="113[34]" w:left="170[01]"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
  });

  it('of a draft is not public; of an open campaign it is, without sign-in', async () => {
    const id = await planFromBundled(addDays(today(), -3));
    expect((await t.api.get(`/api/v1/public/campaigns/${id}/plan.docx`)).status).toBe(404);
    expect(
      (await t.api.get(`/api/v1/campaigns/${id}/plan.docx`).set('authorization', await t.auth(DEMO.unitOfficer)))
        .status,
    ).toBe(404);
    await move(t, id, 'open');
    const res = await t.api.get(`/api/v1/public/campaigns/${id}/plan.docx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(docxParagraphs(res.body as Buffer)).toContain('KẾ HOẠCH');
  });

  it('an unsigned plan leaves the number and the date to be written in', async () => {
    const res = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ templateId: BUNDLED, number: '/KH-UBND-NV', startsOn: '2022-03-01' });
    const doc = await t.api
      .get(`/api/v1/campaigns/${res.body.id}/plan.docx`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .buffer(true)
      .parse(binary);
    const paragraphs = docxParagraphs(doc.body as Buffer);
    expect(paragraphs).toContain('Số:       /KH-UBND-NV');
    expect(paragraphs).toContain('Thạch Hà, ngày      tháng      năm 2022');
  });
});

describe('the OpenAPI document', () => {
  it('documents the campaign routes under their tags, with examples', async () => {
    const res = await t.api.get('/api/v1/openapi.json');
    const doc = res.body;
    const tags = doc.tags.map((tag: { name: string }) => tag.name);
    for (const tag of ['campaigns', 'criteria', 'enrollments', 'campaign-templates', 'public'])
      expect(tags).toContain(tag);
    for (const path of [
      '/api/v1/campaigns',
      '/api/v1/campaigns/{id}/open',
      '/api/v1/campaigns/{id}/criteria/order',
      '/api/v1/campaigns/{id}/enrollments',
      '/api/v1/campaign-templates',
      '/api/v1/public/campaigns/{id}',
      '/api/v1/campaigns/{id}/plan.docx',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const create = doc.paths['/api/v1/campaigns'].post.requestBody.content['application/json'];
    expect(create.examples.example1.value).toMatchObject({ templateId: 'bundled-cchc-2022' });
  });
});
