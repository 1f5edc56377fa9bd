/**
 * Imports that hostile or huge workbooks cannot exhaust or stall: sizes a ZIP declares are not
 * trusted (only bytes actually inflated count), images are never inflated, a sheet inflating past
 * its limit, too many rows, columns or characters are refused as soon as the limit is crossed, and
 * the parse runs off the event loop, so the server keeps answering while the largest legal import runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { eq } from 'drizzle-orm';
import { people } from '../../src/db/schema/index.ts';
import { readSheet } from '../../src/modules/imports/sheet-reader.ts';
import { MAX_DATA_ROWS, parseSheet } from '../../src/modules/imports/sheet-parse.ts';
import { DomainError } from '../../src/lib/errors.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.auth(DEMO.admin);
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

async function upload(path: string, file: Buffer, fileName = 'tep.xlsx') {
  return t.api
    .post(path)
    .set('authorization', await t.auth(DEMO.admin))
    .attach('file', file, { filename: fileName, contentType: XLSX });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A row of inline strings, as some generators write them. */
const row = (n: number, cells: string[]) =>
  `<row r="${n}">${cells.map((c) => `<c t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join('')}</row>`;
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A minimal workbook whose first sheet is `sheet` (XML, or its already deflated bytes), plus `extra` entries. */
function workbook(sheet: string | Uint8Array, extra: Zippable = {}): Buffer {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Cán bộ" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    ...extra,
  };
  if (typeof sheet === 'string') files['xl/worksheets/sheet1.xml'] = strToU8(sheet);
  else files['xl/worksheets/sheet1.xml.placeholder'] = new Uint8Array(0);
  const zip = Buffer.from(zipSync(files, { level: 6 }));
  return typeof sheet === 'string' ? zip : swapIn(zip, 'xl/worksheets/sheet1.xml.placeholder', sheet);
}

/** Rebuilds a ZIP so that entry `placeholder` becomes the deflated `data` named without ".placeholder", claiming 1,000 bytes. */
function swapIn(zip: Buffer, placeholder: string, deflated: Uint8Array): Buffer {
  const files = readEntries(zip);
  const name = placeholder.replace(/\.placeholder$/, '');
  return writeZip(
    files.map((f) => (f.name === placeholder ? { name, method: 8, data: Buffer.from(deflated), size: 1000 } : f)),
  );
}

interface RawEntry {
  name: string;
  method: number;
  data: Buffer;
  size: number;
}

function readEntries(zip: Buffer): RawEntry[] {
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out: RawEntry[] = [];
  let off = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(off + 10);
    const csize = zip.readUInt32LE(off + 20);
    const size = zip.readUInt32LE(off + 24);
    const nameLen = zip.readUInt16LE(off + 28);
    const name = zip.subarray(off + 46, off + 46 + nameLen).toString('utf8');
    const local = zip.readUInt32LE(off + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    out.push({ name, method, data: zip.subarray(start, start + csize), size });
    off += 46 + nameLen + zip.readUInt16LE(off + 30) + zip.readUInt16LE(off + 32);
  }
  return out;
}

/** A ZIP whose headers say `size` for each entry, whatever the data inflates to (CRC left 0: never checked). */
function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `total` bytes made of `head`, then `filler` repeated, then `tail`, deflated as a stream (never held inflated). */
async function deflatedStream(head: string, filler: string, total: number, tail: string): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  z.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => z.on('end', r));
  z.write(head);
  const block = Buffer.from(filler.repeat(Math.ceil((4 * MiB) / filler.length)));
  for (let written = 0; written < total; written += block.length) {
    if (!z.write(block)) await new Promise((r) => z.once('drain', r));
  }
  z.end(tail);
  await done;
  return Buffer.concat(chunks);
}

const PEOPLE_HEADER = ['Họ và tên', 'Mã đơn vị', 'Chức vụ', 'Email', 'Điện thoại', 'Giới tính', 'Năm sinh'];

describe('workbooks that lie about their sizes', () => {
  it('an image entry that claims 1,000 bytes but inflates to 256 MiB (past every limit) is never inflated: the sheet imports', async () => {
    const bomb = await deflatedStream('', '\0', 256 * MiB, '');
    const base = workbook(sheetXml(row(1, PEOPLE_HEADER) + row(2, ['Trần Thị Ảnh', 'NV', 'Chuyên viên'])));
    const file = writeZip([...readEntries(base), { name: 'xl/media/image1.png', method: 8, data: bomb, size: 1000 }]);
    expect(file.length).toBeLessThan(5 * MiB);
    const rssBefore = process.memoryUsage().rss;
    const res = await upload('/api/v1/people/import?dryRun=true', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 1, created: 1, errors: [] });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * MiB);
  });

  it('a sheet that claims 1,000 bytes but inflates past the limit is refused with 413 as soon as the limit is crossed', async () => {
    const head = sheetXml(row(1, PEOPLE_HEADER)).replace('</sheetData></worksheet>', '');
    const deflated = await deflatedStream(head, `${' '.repeat(1000)}<row/>`, 200 * MiB, '</sheetData></worksheet>');
    const file = workbook(deflated);
    expect(file.length).toBeLessThan(5 * MiB);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const res = await upload('/api/v1/people/import', file);
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ code: 'import.part_too_large' });
    expect(res.body.detail).toContain('xl/worksheets/sheet1.xml');
    expect(res.body.detail).toContain('64 MB');
    // Stopped at the limit, well before the time budget (20 s) and without holding the sheet.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * MiB);
  });

  it('a workbook with thousands of entries is refused with 413 without reading them', async () => {
    const extra: Zippable = {};
    for (let i = 0; i < 1200; i++) extra[`xl/media/image${i}.png`] = new Uint8Array(1);
    const res = await upload('/api/v1/people/import', workbook(sheetXml(row(1, PEOPLE_HEADER)), extra));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('import.too_many_entries');
  });
});

describe('sheets over the caps', () => {
  it(`a sheet of ${MAX_DATA_ROWS + 1} data rows is refused with 422 and the limit named`, async () => {
    let rows = row(1, PEOPLE_HEADER);
    for (let i = 1; i <= MAX_DATA_ROWS + 1; i++) rows += row(i + 1, [`Người ${i}`, 'NV']);
    const res = await upload('/api/v1/people/import?dryRun=true', workbook(sheetXml(rows)));
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body).toMatchObject({ code: 'import.too_many_rows' });
    expect(res.body.detail).toContain('20000');
  });

  it('a value in column 300, or a cell of 40,000 characters, is refused with 422', async () => {
    const far = `<row r="2"><c r="KN2" t="inlineStr"><is><t>x</t></is></c></row>`;
    const wide = await upload('/api/v1/people/import', workbook(sheetXml(row(1, PEOPLE_HEADER) + far)));
    expect(wide.status).toBe(422);
    expect(wide.body).toMatchObject({ code: 'import.too_many_columns' });
    const long = await upload(
      '/api/v1/people/import',
      workbook(sheetXml(row(1, PEOPLE_HEADER) + row(2, ['x'.repeat(40_000), 'NV']))),
    );
    expect(long.status).toBe(422);
    expect(long.body).toMatchObject({ code: 'import.cell_too_long' });
    const csv = Buffer.from(`${PEOPLE_HEADER.join(',')}\n"${'y'.repeat(40_000)}",NV\n`);
    const longCsv = await t.api
      .post('/api/v1/people/import')
      .set('authorization', await t.auth(DEMO.admin))
      .attach('file', csv, { filename: 'can-bo.csv', contentType: 'text/csv' });
    expect(longCsv.status).toBe(422);
    expect(longCsv.body).toMatchObject({ code: 'import.cell_too_long' });
  });

  it('a CSV of more data rows than the cap is refused with 422; blank lines do not count', async () => {
    const lines = [PEOPLE_HEADER.join(',')];
    for (let i = 1; i <= MAX_DATA_ROWS + 1; i++) lines.push(`Người ${i},NV`);
    const res = await t.api
      .post('/api/v1/people/import?dryRun=true')
      .set('authorization', await t.auth(DEMO.admin))
      .attach('file', Buffer.from(lines.join('\n')), { filename: 'can-bo.csv', contentType: 'text/csv' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('import.too_many_rows');
    const blank = [PEOPLE_HEADER.join(','), ...Array<string>(MAX_DATA_ROWS + 10).fill(''), 'Lê Văn Trống,NV'];
    const ok = await t.api
      .post('/api/v1/people/import?dryRun=true')
      .set('authorization', await t.auth(DEMO.admin))
      .attach('file', Buffer.from(blank.join('\n')), { filename: 'can-bo.csv', contentType: 'text/csv' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ total: 1, errors: [] });
  });

  it('a parse that overruns its time budget is stopped (the thread terminated) with 422 import.too_slow', async () => {
    const file = workbook(sheetXml(row(1, PEOPLE_HEADER) + row(2, ['Ngô Thị Chậm', 'NV'])));
    const err = await readSheet(file, 'x.xlsx', { timeBudgetMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ status: 422, code: 'import.too_slow' });
  });
});

describe('what the reader reads', () => {
  it('an Excel workbook: shared strings, numbers, dates shown as dates, formulas by result, first sheet only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(['Họ và tên', 'Năm sinh', 'Ngày', 'Tổng', 'Đúng']);
    ws.addRow(['Phạm Thị Ngọc & "Hà"', 1985, new Date(Date.UTC(1985, 4, 1)), { formula: 'B2+1', result: 1986 }, true]);
    ws.getCell('C2').numFmt = 'dd/mm/yyyy';
    ws.getCell('A4').value = { richText: [{ text: 'Đỗ ' }, { text: 'Văn Bốn', font: { bold: true } }] };
    wb.addWorksheet('Khác').addRow(['không đọc']);
    const sheet = await parseSheet(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(sheet.headers).toEqual(['Họ và tên', 'Năm sinh', 'Ngày', 'Tổng', 'Đúng']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['Phạm Thị Ngọc & "Hà"', '1985', '1985-05-01', '1986', 'TRUE'] },
      { row: 4, cells: ['Đỗ Văn Bốn'] },
    ]);
  });
});

describe('the server keeps answering', () => {
  it(`while the largest legal import (${MAX_DATA_ROWS} rows) runs, /health/live answers within 1 s`, async () => {
    let rows = row(1, PEOPLE_HEADER);
    for (let i = 1; i <= MAX_DATA_ROWS; i++)
      rows += row(i + 1, [
        `Người Thử Tải ${i}`,
        'NV',
        'Chuyên viên',
        `tai${i}@thachha.gov.vn`,
        '0912 000 000',
        i % 2 ? 'Nam' : 'Nữ',
        '1990',
      ]);
    const file = workbook(sheetXml(rows));
    expect(file.length).toBeLessThan(5 * MiB);
    let finished = false;
    const started = Date.now();
    const importing = upload('/api/v1/people/import', file).then((res) => {
      finished = true;
      return res;
    });
    const latencies: number[] = [];
    while (!finished) {
      const t0 = Date.now();
      const res = await t.api.get('/health/live');
      expect(res.status).toBe(200);
      latencies.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await importing;
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toMatchObject({ committed: true, total: MAX_DATA_ROWS, created: MAX_DATA_ROWS });
    const [one] = await t.database.db
      .select()
      .from(people)
      .where(eq(people.email, `tai${MAX_DATA_ROWS}@thachha.gov.vn`));
    expect(one).toMatchObject({ fullName: `Người Thử Tải ${MAX_DATA_ROWS}` });
    // Several probes while it ran, each answered promptly (loose bound: the machine may be busy).
    expect(latencies.length, `import took ${Date.now() - started} ms`).toBeGreaterThan(3);
    expect(Math.max(...latencies), latencies.join(',')).toBeLessThan(1000);
  });
});
