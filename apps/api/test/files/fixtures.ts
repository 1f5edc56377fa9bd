/** Real small files of each kind, built in the test (no binary fixtures in the repository). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import type { TestApp } from '../helpers.ts';

export const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** A valid one-page PDF; `padTo` grows it with a comment block to a given size. */
export function pdf(padTo = 0): Buffer {
  const head =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n';
  const tail = 'trailer<</Root 1 0 R>>\n%%EOF\n';
  const padding = Math.max(0, padTo - head.length - tail.length);
  const pad = padding ? '%' + 'x'.repeat(Math.max(0, padding - 2)) + '\n' : '';
  return Buffer.from(head + pad + tail, 'latin1');
}

/** A 1×1 PNG. */
export function png(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** The start of a JFIF JPEG (SOI, APP0) and its end marker. */
export function jpeg(): Buffer {
  return Buffer.from(
    'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffd9',
    'hex',
  );
}

export async function docx(): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: [new Paragraph('Báo cáo kết quả thực hiện phong trào thi đua năm 2022')] }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  ws.addRow(['Mã', 'Tiêu chí', 'Kết quả']);
  ws.addRow(['1.2.a.3', 'Tỷ lệ thủ tục hành chính mức độ 3, 4 phát sinh hồ sơ', 35]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Windows executable: the MZ header and the DOS stub message. */
export function exe(): Buffer {
  const buf = Buffer.alloc(256);
  buf.write('MZ', 0, 'latin1');
  buf.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return buf;
}

export function html(): Buffer {
  return Buffer.from(
    '<!DOCTYPE html><html><head><title>Báo cáo</title></head><body><script>fetch("/api/v1/me")</script></body></html>',
    'utf8',
  );
}

export function text(): Buffer {
  return Buffer.from('Báo cáo tổng kết phong trào thi đua năm 2022\n', 'utf8');
}

/** A plain zip archive (one stored entry), which is neither DOCX nor XLSX. */
export function zip(): Buffer {
  const name = Buffer.from('ghi-chu.txt');
  const data = Buffer.from('xin chào');
  const crc = zlib.crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Every regular file under the app's blob directory (committed blobs and staged temporaries). */
export function storedFiles(t: TestApp): string[] {
  const root = path.join(t.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((p) => fs.statSync(path.join(root, p)).isFile())
    .sort();
}

/** A parser for `.parse()` that keeps a download as bytes, so that it is compared byte for byte. */
export function binary(
  res: NodeJS.ReadableStream & { setEncoding(e: string): void; on(e: string, cb: (c?: unknown) => void): unknown },
  cb: (err: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (c) => chunks.push(c as Buffer));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
