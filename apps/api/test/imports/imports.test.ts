import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { auditEvents, people, units } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Signing in is audited too: sign in up front so that audit counts below see only the imports.
  for (const who of [DEMO.admin, DEMO.secretariat, DEMO.unitOfficer, DEMO.staff]) await t.auth(who);
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(path: string, file: Buffer, fileName: string, as: string = DEMO.admin, contentType = XLSX) {
  return t.api
    .post(path)
    .set('authorization', await t.auth(as))
    .attach('file', file, { filename: fileName, contentType });
}

async function unitByCode(code: string) {
  const [u] = await t.database.db.select().from(units).where(eq(units.code, code));
  return u;
}

async function countOf(table: typeof units | typeof people | typeof auditEvents) {
  const [r] = await t.database.db.select({ n: count() }).from(table);
  return r!.n;
}

const UNIT_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Loại',
  'Mã đơn vị cấp trên',
  'Thứ tự',
  'Địa chỉ',
  'Điện thoại',
  'Email',
];

describe('importing units', () => {
  it('an administrator imports an XLSX of units and gets the tree with parents and levels', async () => {
    const auditBefore = await countOf(auditEvents);
    const file = await workbook([
      ['STT', ...UNIT_HEADER],
      [
        1,
        'DANGUY',
        'Đảng ủy Khối cơ quan',
        'Đoàn thể',
        'UBND-TH',
        300,
        'Thạch Hà',
        '0239 3845 111',
        'danguy@thachha.gov.vn',
      ],
      [2, 'DANGUY-CB1', 'Chi bộ Văn phòng', 'other', 'DANGUY', 10, null, null, null],
      [3, 'DANGUY-CB1-T1', 'Tổ Đảng số 1', 'Khác', 'DANGUY-CB1', null, null, null, null],
      [
        4,
        'XA-THACHHAI',
        'UBND xã Thạch Hải',
        'UBND xã, thị trấn',
        'UBND-TH',
        200,
        'Xã Thạch Hải',
        null,
        'thachhai@thachha.gov.vn',
      ],
    ]);
    const res = await upload('/api/v1/units/import', file, 'don-vi.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'units',
      dryRun: false,
      committed: true,
      total: 4,
      created: 3,
      updated: 1,
      unchanged: 0,
      errors: [],
      ignoredColumns: ['STT'],
    });

    const root = await unitByCode('UBND-TH');
    const party = await unitByCode('DANGUY');
    const cell = await unitByCode('DANGUY-CB1');
    const team = await unitByCode('DANGUY-CB1-T1');
    expect(party).toMatchObject({
      parentId: root!.id,
      level: 1,
      kind: 'party_mass',
      displayOrder: 300,
      email: 'danguy@thachha.gov.vn',
    });
    expect(cell).toMatchObject({ parentId: party!.id, level: 2, kind: 'other' });
    expect(team).toMatchObject({ parentId: cell!.id, level: 3, kind: 'other', displayOrder: 0 });
    // The search key is the one the units service writes: searching without diacritics finds it.
    expect(team!.searchKey).toBe('to dang so 1 danguy-cb1-t1');
    const found = await t.api.get('/api/v1/units?q=to dang so 1').set('authorization', await t.auth(DEMO.admin));
    expect(found.body.items.map((u: { code: string }) => u.code)).toEqual(['DANGUY-CB1-T1']);
    // The existing commune was updated in place, its version bumped.
    const commune = await unitByCode('XA-THACHHAI');
    expect(commune).toMatchObject({
      address: 'Xã Thạch Hải',
      email: 'thachhai@thachha.gov.vn',
      displayOrder: 200,
      version: 2,
    });

    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'units.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({
      fileName: 'don-vi.xlsx',
      format: 'xlsx',
      total: 4,
      created: 3,
      updated: 1,
    });
    expect(await countOf(auditEvents)).toBe(auditBefore + 1);
  });

  it('importing the same sheet twice changes nothing the second time', async () => {
    const file = await workbook([
      UNIT_HEADER,
      [
        'DANGUY',
        'Đảng ủy Khối cơ quan',
        'Đoàn thể',
        'UBND-TH',
        300,
        'Thạch Hà',
        '0239 3845 111',
        'danguy@thachha.gov.vn',
      ],
    ]);
    const res = await upload('/api/v1/units/import', file, 'lan-hai.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 1, committed: true });
    expect((await unitByCode('DANGUY'))!.version).toBe(1);
  });

  it('moving a unit under another re-levels its whole subtree, rows not in the sheet included', async () => {
    const file = await workbook([
      ['code', 'name', 'kind', 'parentCode'],
      ['DANGUY', 'Đảng ủy Khối cơ quan', 'party_mass', 'VP'],
    ]);
    const res = await upload('/api/v1/units/import', file, 'english-keys.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.updated).toBe(1);
    expect((await unitByCode('DANGUY'))!.level).toBe(2);
    expect((await unitByCode('DANGUY-CB1'))!.level).toBe(3);
    expect((await unitByCode('DANGUY-CB1-T1'))!.level).toBe(4);
  });

  it('a sheet with errors gets every problem by row and column, and nothing is written', async () => {
    const before = { units: await countOf(units), audit: await countOf(auditEvents) };
    const file = await workbook([
      UNIT_HEADER,
      ['MOI-1', 'Đơn vị mới hợp lệ', 'Phòng chuyên môn', 'UBND-TH', 1, null, null, null],
      ['MOI-2', 'Đơn vị có cấp trên lạ', 'office', 'KHONG-CO', null, null, null, null],
      ['MOI-3', 'Đơn vị loại sai', 'Hợp tác xã', 'UBND-TH', null, null, null, null],
      ['MOI-4', null, 'office', 'UBND-TH', null, null, null, null],
      ['MOI-1', 'Trùng mã với dòng 2', 'office', 'UBND-TH', null, null, null, null],
      ['MOI-5', 'Email sai', 'office', 'UBND-TH', null, null, null, 'khong-phai-email'],
      ['MOI 6', 'Mã có dấu cách', 'office', 'MOI-7', 'mười', null, null, null],
      ['MOI-7', 'Cấp trên ở dưới', 'office', null, null, null, null, null],
    ]);
    const res = await upload('/api/v1/units/import', file, 'loi.xlsx');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'import.rows_invalid',
      status: 422,
      kind: 'units',
      committed: false,
      total: 8,
    });
    const byRow = (row: number) =>
      res.body.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual(['Mã đơn vị cấp trên:import.parent_not_found']);
    expect(byRow(4)).toEqual(['Loại:import.bad_kind']);
    expect(byRow(5)).toEqual(['Tên đơn vị:import.required']);
    expect(byRow(6)).toEqual(['Mã đơn vị:import.duplicate_code']);
    expect(byRow(7)).toEqual(['Email:import.bad_email']);
    expect(byRow(8).sort()).toEqual([
      'Mã đơn vị cấp trên:import.parent_later',
      'Mã đơn vị:import.bad_code',
      'Thứ tự:import.not_integer',
    ]);
    expect(res.body.errors).toHaveLength(8);
    // The messages are Vietnamese and name the offending value.
    const messages = res.body.errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toContain('Không tìm thấy đơn vị cấp trên có mã "KHONG-CO"');
    expect(messages).toContain('Loại đơn vị "Hợp tác xã" không hợp lệ');
    expect(messages).toContain('Chưa nhập Tên đơn vị.');
    expect(messages).toContain('Mã đơn vị "MOI-1" bị trùng với dòng 2.');
    expect(messages).toContain('Email "khong-phai-email" không đúng định dạng.');
    expect(await unitByCode('MOI-1')).toBeUndefined();
    expect(await countOf(units)).toBe(before.units);
    expect(await countOf(auditEvents)).toBe(before.audit);
  });

  it('English is answered when asked for', async () => {
    const file = await workbook([UNIT_HEADER, ['MOI-9', 'Đơn vị', 'office', 'KHONG-CO']]);
    const res = await t.api
      .post('/api/v1/units/import')
      .set('authorization', await t.auth(DEMO.admin))
      .set('accept-language', 'en')
      .attach('file', file, 'x.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toBe('No parent unit with code "KHONG-CO" in the rows above or in the system.');
  });

  it('a unit cannot be placed under its own descendant', async () => {
    const file = await workbook([UNIT_HEADER, ['DANGUY', 'Đảng ủy Khối cơ quan', 'party_mass', 'DANGUY-CB1-T1']]);
    const res = await upload('/api/v1/units/import', file, 'vong.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.errors).toMatchObject([{ row: 2, field: 'Mã đơn vị cấp trên', code: 'import.parent_cycle' }]);
  });

  it('a sheet without the required columns is refused with the missing headers named', async () => {
    const file = await workbook([
      ['Tên', 'Địa chỉ'],
      ['Phòng X', 'Hà Tĩnh'],
    ]);
    const res = await upload('/api/v1/units/import', file, 'thieu-cot.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.errors).toMatchObject([
      {
        row: 1,
        field: 'Mã đơn vị',
        code: 'import.missing_column',
        message: 'Thiếu cột bắt buộc "Mã đơn vị" ở dòng tiêu đề (dòng 1).',
      },
    ]);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const before = { units: await countOf(units), audit: await countOf(auditEvents) };
    const file = await workbook([
      UNIT_HEADER,
      ['THU-1', 'Đơn vị thử', 'office', 'UBND-TH'],
      ['THU-2', 'Đơn vị thử con', 'office', 'THU-1'],
      ['NV', 'Phòng Nội vụ huyện Thạch Hà', 'office', 'UBND-TH', '', 'Số 9 đường Thử, Thạch Hà', '', ''],
    ]);
    const nv = (await unitByCode('NV'))!;
    const res = await upload('/api/v1/units/import?dryRun=true', file, 'thu.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, committed: false, total: 3, created: 2, updated: 1, errors: [] });
    // The existing unit that would change, field by field, with the column names of the sheet.
    expect(res.body.changes).toEqual([
      {
        row: 4,
        record: 'NV — Phòng Nội vụ',
        fields: [
          { field: 'Tên đơn vị', before: 'Phòng Nội vụ', after: 'Phòng Nội vụ huyện Thạch Hà' },
          { field: 'Địa chỉ', before: nv.address ?? null, after: 'Số 9 đường Thử, Thạch Hà' },
        ],
      },
    ]);
    expect(await unitByCode('THU-1')).toBeUndefined();
    expect((await unitByCode('NV'))!.name).toBe('Phòng Nội vụ');
    expect(await countOf(units)).toBe(before.units);
    expect(await countOf(auditEvents)).toBe(before.audit);
  });

  it('a unit officer and a secretariat may not import units', async () => {
    const file = await workbook([UNIT_HEADER, ['THU-3', 'Đơn vị thử', 'office', 'UBND-TH']]);
    expect((await upload('/api/v1/units/import', file, 'x.xlsx', DEMO.unitOfficer)).status).toBe(403);
    expect((await upload('/api/v1/units/import', file, 'x.xlsx', DEMO.secretariat)).status).toBe(403);
    const anonymous = await t.api.post('/api/v1/units/import').attach('file', file, 'x.xlsx');
    expect(anonymous.status).toBe(401);
    expect(await unitByCode('THU-3')).toBeUndefined();
  });
});

describe('importing people', () => {
  const csv = (lines: string[]) =>
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);

  it('the secretariat imports staff from a CSV with BOM and Vietnamese headers', async () => {
    const auditBefore = await countOf(auditEvents);
    const file = csv([
      'Họ và tên,Mã đơn vị,Chức vụ,Email,Điện thoại,Giới tính,Năm sinh',
      'Nguyễn Thị Lành,NV,Chuyên viên,lanh.nv@thachha.gov.vn,0912 000 111,Nữ,1988',
      'Trần  Văn Đức,XA-THACHHAI,"Công chức Tư pháp - Hộ tịch",,,"Nam",1979',
      '',
      'Lê Hữu Phước,TP,"Chuyên viên, pháp chế",,,Nam,1990',
    ]);
    const res = await upload('/api/v1/people/import', file, 'can-bo.csv', DEMO.secretariat, 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: 'people', committed: true, total: 3, created: 3, updated: 0, errors: [] });
    const [lanh] = await t.database.db.select().from(people).where(eq(people.email, 'lanh.nv@thachha.gov.vn'));
    expect(lanh).toMatchObject({
      fullName: 'Nguyễn Thị Lành',
      unitId: await t.unitId('NV'),
      position: 'Chuyên viên',
      gender: 'female',
      birthYear: 1988,
      phone: '0912 000 111',
    });
    const duc = await t.database.db.select().from(people).where(eq(people.fullName, 'Trần Văn Đức'));
    expect(duc).toHaveLength(1);
    expect(duc[0]).toMatchObject({ unitId: await t.unitId('XA-THACHHAI'), gender: 'male', email: null });
    // Searchable without diacritics, as people created through the API are.
    const found = await t.api.get('/api/v1/people?q=tran van duc').set('authorization', await t.auth(DEMO.secretariat));
    expect(found.body.items.map((p: { fullName: string }) => p.fullName)).toContain('Trần Văn Đức');
    const phuoc = await t.api
      .get('/api/v1/people?q=phap che&searchIn=all')
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(phuoc.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Lê Hữu Phước']);
    expect(await countOf(auditEvents)).toBe(auditBefore + 1);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.import'));
    expect(event).toMatchObject({
      actorEmail: DEMO.secretariat,
      after: { fileName: 'can-bo.csv', format: 'csv', created: 3, updated: 0, total: 3 },
    });
  });

  it('a person already in the unit (same name, same email or none) is updated, not duplicated', async () => {
    const file = csv([
      'Họ và tên;Mã đơn vị;Chức vụ;Email;Năm sinh',
      'trần văn đức;XA-THACHHAI;Phó Chủ tịch UBND;;1978',
      'Nguyễn Thị Lành;NV;Chuyên viên;khac@thachha.gov.vn;1988',
    ]);
    const res = await upload('/api/v1/people/import', file, 'cap-nhat.csv', DEMO.admin, 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1 });
    // The report says which existing person changed, and how (the first import wrote the CSV's values).
    expect(res.body.changes).toEqual([
      {
        row: 2,
        record: 'Trần Văn Đức — XA-THACHHAI',
        fields: [
          { field: 'Chức vụ', before: 'Công chức Tư pháp - Hộ tịch', after: 'Phó Chủ tịch UBND' },
          { field: 'Năm sinh', before: '1979', after: '1978' },
        ],
      },
    ]);
    const duc = await t.database.db.select().from(people).where(eq(people.fullName, 'Trần Văn Đức'));
    expect(duc).toHaveLength(1);
    expect(duc[0]).toMatchObject({ position: 'Phó Chủ tịch UBND', birthYear: 1978, version: 2 });
    // Another email is another person.
    expect(await t.database.db.select().from(people).where(eq(people.fullName, 'Nguyễn Thị Lành'))).toHaveLength(2);
  });

  it('a sheet of people with errors lists each row and writes nothing', async () => {
    const before = await countOf(people);
    const file = csv([
      'Họ và tên,Mã đơn vị,Email,Giới tính,Năm sinh',
      'Phạm Văn Hợp lệ,NV,,Nam,1980',
      ',NV,,,',
      'Hoàng Thị Mai,KHONG-CO,,Nữ,1990',
      'Đỗ Văn Năm,NV,sai-email,Nam,3000',
      'Bùi Thị Hạnh,NV,,Không rõ,năm ngoái',
      'Phạm Văn Hợp lệ,NV,,Nam,1981',
    ]);
    const res = await upload('/api/v1/people/import', file, 'loi.csv', DEMO.secretariat, 'text/csv');
    expect(res.status).toBe(422);
    const summary = res.body.errors.map(
      (e: { row: number; field: string; code: string }) => `${e.row} ${e.field} ${e.code}`,
    );
    expect(summary).toEqual([
      '3 Họ và tên import.required',
      '4 Mã đơn vị import.unit_not_found',
      '5 Email import.bad_email',
      '5 Năm sinh import.out_of_range',
      '6 Giới tính import.bad_gender',
      '6 Năm sinh import.not_integer',
      '7 Họ và tên import.duplicate_person',
    ]);
    expect(
      res.body.errors.find((e: { row: number; field: string }) => e.row === 5 && e.field === 'Năm sinh').message,
    ).toBe('Năm sinh phải từ 1900 đến 2100 (đang ghi: 3000).');
    expect(await countOf(people)).toBe(before);
  });

  it('a unit officer may not import people', async () => {
    const file = csv(['Họ và tên,Mã đơn vị', 'Ngô Văn Thử,XA-THACHHAI']);
    const res = await upload('/api/v1/people/import', file, 'x.csv', DEMO.unitOfficer, 'text/csv');
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.database.db.select().from(people).where(eq(people.fullName, 'Ngô Văn Thử'))).toHaveLength(0);
  });
});

describe('what is not a sheet', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  it('an image called .xlsx is refused with 415 problem+json', async () => {
    const res = await upload('/api/v1/units/import', PNG, 'don-vi.xlsx');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('import.unsupported_type');
  });

  it('a renamed executable, an HTML page and a Word document are refused with 415', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    expect((await upload('/api/v1/people/import', exe, 'can-bo.csv', DEMO.admin, 'text/csv')).status).toBe(415);
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    expect((await upload('/api/v1/people/import', html, 'can-bo.csv', DEMO.admin, 'text/csv')).status).toBe(415);
    // A DOCX is a ZIP like an XLSX: told apart by its content.
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Báo cáo')] }] }));
    expect((await upload('/api/v1/units/import', docx, 'don-vi.xlsx')).status).toBe(415);
  });

  it('a request that is not an upload is refused with 415', async () => {
    const res = await t.api
      .post('/api/v1/units/import')
      .set('authorization', await t.auth(DEMO.admin))
      .send({ rows: [] });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('import.not_multipart');
  });

  it('an upload without a file is refused with 400', async () => {
    const res = await t.api
      .post('/api/v1/units/import')
      .set('authorization', await t.auth(DEMO.admin))
      .field('note', 'không có tệp');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import.no_file');
  });

  it('a file over 5 MB is refused with 413', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x61);
    const res = await upload('/api/v1/people/import', big, 'lon.csv', DEMO.admin, 'text/csv');
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('a CSV in a legacy code page is refused with advice to save as UTF-8', async () => {
    const latin = Buffer.from([0x48, 0xe4, 0x20, 0x54, 0xec, 0x6e, 0x68, 0x2c, 0x4e, 0x56, 0x0a]);
    const res = await upload('/api/v1/people/import', latin, 'cp1258.csv', DEMO.admin, 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import.not_utf8');
  });
});

describe('templates', () => {
  it('any signed-in user downloads the templates, which import back cleanly once filled', async () => {
    const res = await t.api
      .get('/api/v1/people/import/template.xlsx')
      .set('authorization', await t.auth(DEMO.staff))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="mau-nhap-can-bo.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      'Họ và tên',
      'Mã đơn vị',
      'Chức vụ',
      'Email',
      'Điện thoại',
      'Giới tính',
      'Năm sinh',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('Nguyễn Thị Hoa');
    // The example row names no real unit, and an import refuses it even so: left in, it writes nothing.
    expect(sheet.getRow(2).getCell(2).value).toBe('VI-DU');
    const check = await upload('/api/v1/people/import?dryRun=true', res.body as Buffer, 'mau.xlsx', DEMO.admin);
    expect(check.status, JSON.stringify(check.body)).toBe(422);
    expect(check.body.errors).toEqual([
      { row: 2, field: 'Mã đơn vị', code: 'import.example_row', message: expect.stringContaining('dòng ví dụ') },
    ]);
    // Filled in with a real unit, the template is a valid sheet.
    sheet.getRow(2).getCell(2).value = 'NV';
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await upload('/api/v1/people/import?dryRun=true', filled, 'mau.xlsx', DEMO.admin);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ total: 1, created: 1, errors: [], changes: [] });

    const unitTemplate = await t.api
      .get('/api/v1/units/import/template.xlsx')
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(unitTemplate.status).toBe(200);
    // The units template's example row would overwrite nothing either: refused, nothing written.
    const unitsBefore = await countOf(units);
    const unitsCheck = await upload('/api/v1/units/import', unitTemplate.body as Buffer, 'mau.xlsx', DEMO.admin);
    expect(unitsCheck.status).toBe(422);
    expect(unitsCheck.body.errors).toMatchObject([{ row: 2, field: 'Mã đơn vị', code: 'import.example_row' }]);
    expect(await countOf(units)).toBe(unitsBefore);
    expect((await t.api.get('/api/v1/units/import/template.xlsx')).status).toBe(401);
  });
});
