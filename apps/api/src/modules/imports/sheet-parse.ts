/**
 * The parsing of an uploaded sheet, with hard limits, as run in the import's worker thread
 * (sheet-worker.mjs): XLSX (first worksheet) or CSV (UTF-8, with or without BOM, comma or
 * semicolon) into a header row and data rows of trimmed text, numbered as the user sees them in
 * the spreadsheet (header = row 1).
 *
 * An XLSX is read as a ZIP through lib/zip.ts, counting the bytes actually inflated: only the parts
 * needed are inflated (the workbook and its relationships, the styles, the shared strings, the
 * first sheet — never images or other sheets), each within its own limit and all within a total.
 * The sheet is inflated and scanned piece by piece (a small scanner of `<row>`, `<c>`, `<v>`,
 * `<is>`/`<t>`), and reading stops at `</sheetData>`. Data rows, columns, cell length and the
 * text kept are capped; the first cap crossed stops the reading with a SheetLimitError.
 */
import { parse as csvParse } from 'csv-parse';
import { InflateBudget, ZipReadError, inflateEntry, streamEntry, zipEntries, type ZipEntry } from '../../lib/zip.ts';

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** Row number in the spreadsheet (header = 1). */
  row: number;
  cells: string[];
}

export interface Sheet {
  format: SheetFormat;
  headers: string[];
  rows: SheetRow[];
}

/** Data rows (with at least one non-empty cell, header excluded) of one import. */
export const MAX_DATA_ROWS = 20_000;
/** Columns holding a value: the sheets have under ten; room for a few columns of one's own. */
export const MAX_COLUMNS = 200;
/** Characters of one cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;
/** Characters kept from all cells together (a shared string used 20,000 times counts 20,000 times). */
export const MAX_TEXT_CHARS = 32 * 1024 * 1024;

const MiB = 1024 * 1024;
/** Bytes an XLSX may inflate to, counted as zlib produces them (the sizes the ZIP declares are ignored). */
export const XLSX_LIMITS = {
  /** Entries listed in the ZIP (a workbook has a few dozen). */
  maxEntries: 1000,
  /** The first sheet's XML (reading stops at the end of its rows). */
  maxSheetBytes: 64 * MiB,
  /** The shared strings table (all the sheets' texts). */
  maxSharedStringsBytes: 32 * MiB,
  /** Each of workbook.xml, the relationships and styles.xml. */
  maxPartBytes: 4 * MiB,
  /** Everything inflated from one workbook. */
  maxTotalBytes: 100 * MiB,
} as const;

/** A limit crossed or a file that cannot be read: `status` and `code` are the answer's (problem+json). */
export class SheetLimitError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

const unreadable = () => new SheetLimitError(400, 'import.unreadable');
const mb = (n: number) => `${Math.round(n / MiB)} MB`;

function zipProblem(err: ZipReadError): SheetLimitError {
  const p = err.problem;
  if (p.kind === 'too_many_entries') return new SheetLimitError(413, 'import.too_many_entries', { max: p.max });
  if (p.kind === 'entry_too_large')
    return new SheetLimitError(413, 'import.part_too_large', { part: p.name, max: mb(p.max) });
  if (p.kind === 'total_too_large') return new SheetLimitError(413, 'import.too_large_unpacked', { max: mb(p.max) });
  return unreadable();
}

// ---------------------------------------------------------------------------------------------
// A small streaming XML scanner: tags and text, fed piece by piece.

interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities already decoded; called only while `wantText()` is true. */
  text(text: string): void;
  wantText(): boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The local name of a tag (`x:row` → `row`). */
function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/** A tag longer than this is not a spreadsheet's. */
const MAX_TAG_CHARS = 64 * 1024;

class XmlScanner {
  private carry = '';
  private readonly decoder = new TextDecoder('utf-8');
  constructor(private readonly h: XmlHandler) {}

  feed(bytes: Uint8Array, last = false) {
    const s = this.carry + this.decoder.decode(bytes, { stream: !last });
    let pos = 0;
    const n = s.length;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Text to the end of this piece: keep back an entity cut in two.
        let end = n;
        const amp = s.lastIndexOf('&');
        if (amp >= pos && s.indexOf(';', amp) < 0 && !last) end = amp;
        if (end > pos && this.h.wantText()) this.h.text(decodeEntities(s.slice(pos, end)));
        pos = end;
        break;
      }
      if (lt > pos && this.h.wantText()) this.h.text(decodeEntities(s.slice(pos, lt)));
      pos = lt;
      if (s.startsWith('<!--', pos)) {
        const end = s.indexOf('-->', pos + 4);
        if (end < 0) break;
        pos = end + 3;
        continue;
      }
      if (s.startsWith('<![CDATA[', pos)) {
        const end = s.indexOf(']]>', pos + 9);
        if (end < 0) break;
        if (this.h.wantText()) this.h.text(s.slice(pos + 9, end));
        pos = end + 3;
        continue;
      }
      // The tag's end: a '>' outside quotes.
      let gt = s.indexOf('>', pos + 1);
      while (gt >= 0 && quotesOpen(s, pos, gt)) gt = s.indexOf('>', gt + 1);
      if (gt < 0) break;
      const tag = s.slice(pos + 1, gt);
      pos = gt + 1;
      const c0 = tag.charCodeAt(0);
      if (c0 === 63 /* ? */ || c0 === 33 /* ! */) continue;
      if (c0 === 47 /* / */) {
        this.h.close(localName(tag.slice(1).trim()));
        continue;
      }
      const selfClosing = tag.charCodeAt(tag.length - 1) === 47;
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const space = body.search(/\s/);
      const qname = space < 0 ? body : body.slice(0, space);
      this.h.open(localName(qname), space < 0 ? '' : body.slice(space), selfClosing);
      if (selfClosing) this.h.close(localName(qname));
    }
    this.carry = s.slice(pos);
    if (this.carry.length > MAX_TAG_CHARS) throw unreadable();
  }
}

function quotesOpen(s: string, from: number, to: number): boolean {
  let dq = 0;
  let sq = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 && sq % 2 === 0) dq++;
    else if (c === 39 && dq % 2 === 0) sq++;
  }
  return dq % 2 === 1 || sq % 2 === 1;
}

// ---------------------------------------------------------------------------------------------
// XLSX

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | null, basePart: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  const dir = basePart.includes('/') ? basePart.slice(0, basePart.lastIndexOf('/') + 1) : '';
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (!id || !target || attr(m[1]!, 'TargetMode') === 'External') continue;
    out.set(id, { type: attr(m[1]!, 'Type') ?? '', target: resolvePart(dir, target) });
  }
  return out;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Built-in number formats that show a date. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The cell style indexes (`s`) whose number format shows a date. */
function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId'));
    const code = attr(m[1]!, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(i);
    i++;
  }
  return out;
}

/** A date serial as YYYY-MM-DD (1900 system; 1904 when the workbook says so). */
function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.round(serial * 86_400_000));
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** Column number of a cell reference ("AB12" → 28); 0 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > 1_000_000) return n;
  }
  return n;
}

/** The shared strings table; a string longer than a cell may be is kept as null (refused where used). */
async function sharedStrings(buf: Buffer, entry: ZipEntry, budget: InflateBudget): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  let cur: string | null = null;
  let depthT = 0;
  let inPhonetic = false;
  const scanner = new XmlScanner({
    open(name, _attrs, selfClosing) {
      if (name === 'si') cur = '';
      else if (name === 't' && !selfClosing) depthT++;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 'si') {
        out.push(cur);
        cur = null;
      } else if (name === 't') depthT = Math.max(0, depthT - 1);
      else if (name === 'rPh') inPhonetic = false;
    },
    wantText: () => depthT > 0 && !inPhonetic && cur !== null,
    text(text) {
      if (cur === null) return;
      cur = cur.length + text.length > MAX_CELL_CHARS ? null : cur + text;
    },
  });
  await streamEntry(buf, entry, budget, (chunk) => scanner.feed(chunk), XLSX_LIMITS.maxSharedStringsBytes);
  scanner.feed(new Uint8Array(0), true);
  return out;
}

interface RowSink {
  /** A row read; false stops the reading. */
  row(rowNumber: number, cells: string[]): void;
}

class SheetCollector implements RowSink {
  headers: string[] = [];
  rows: SheetRow[] = [];
  private text = 0;
  row(rowNumber: number, cells: string[]) {
    for (const c of cells) this.text += c.length;
    if (this.text > MAX_TEXT_CHARS) throw new SheetLimitError(413, 'import.too_much_text', { max: MAX_TEXT_CHARS });
    if (rowNumber === 1) {
      this.headers = cells;
      return;
    }
    if (this.rows.length >= MAX_DATA_ROWS)
      throw new SheetLimitError(422, 'import.too_many_rows', { max: MAX_DATA_ROWS });
    this.rows.push({ row: rowNumber, cells });
  }
}

async function readXlsx(buf: Buffer): Promise<Sheet> {
  const entries = zipEntries(buf, XLSX_LIMITS.maxEntries);
  const lowerCase = new Map([...entries.values()].map((e) => [e.name.toLowerCase(), e]));
  const find = (part: string) => entries.get(part) ?? lowerCase.get(part.toLowerCase());
  const budget = new InflateBudget({
    maxEntryBytes: XLSX_LIMITS.maxPartBytes,
    maxTotalBytes: XLSX_LIMITS.maxTotalBytes,
  });
  const small = (part: string): string | null => {
    const e = find(part);
    return e ? inflateEntry(buf, e, budget, XLSX_LIMITS.maxPartBytes).toString('utf8') : null;
  };

  const rootRels = relationships(small('_rels/.rels'), '');
  const workbookPart =
    [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = small(workbookPart);
  if (!workbook) throw unreadable();
  const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbook);
  const firstSheet = /<(?:[\w.-]+:)?sheet\b([^>]*)>/.exec(workbook);
  const sheetRid = firstSheet ? attr(firstSheet[1]!, 'id') : undefined;
  const rels = relationships(small(relsOf(workbookPart)), workbookPart);
  const sheetPart = sheetRid ? rels.get(sheetRid)?.target : undefined;
  const sheetEntry = sheetPart ? find(sheetPart) : undefined;
  if (!sheetEntry) throw unreadable();
  const stylesPart = [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target;
  const styles = dateStyles(stylesPart ? small(stylesPart) : null);
  const stringsPart = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const stringsEntry = stringsPart ? find(stringsPart) : undefined;
  const strings = stringsEntry ? await sharedStrings(buf, stringsEntry, budget) : [];

  const out = new SheetCollector();
  // State of the scan.
  let inData = false;
  let done = false;
  let rowNumber = 0;
  let cells: string[] = [];
  let nextCol = 1;
  let cell: { col: number; type: string; style: number; value: string; inline: string } | null = null;
  let inV = false;
  let inInline = false;
  let depthT = 0;
  let inPhonetic = false;

  const tooLong = () => new SheetLimitError(422, 'import.cell_too_long', { row: rowNumber, max: MAX_CELL_CHARS });

  const finishCell = () => {
    const c = cell!;
    cell = null;
    let text: string;
    switch (c.type) {
      case 's': {
        const i = Number(c.value);
        const s = Number.isInteger(i) ? strings[i] : '';
        if (s === null) throw tooLong();
        text = s ?? '';
        break;
      }
      case 'inlineStr':
        text = c.inline;
        break;
      case 'b':
        text = c.value.trim() === '1' || c.value.trim() === 'true' ? 'TRUE' : c.value.trim() === '' ? '' : 'FALSE';
        break;
      case 'str':
      case 'e':
        text = c.value;
        break;
      case 'd':
        text = c.value.slice(0, 10);
        break;
      default: {
        const v = c.value.trim();
        const num = v === '' ? NaN : Number(v);
        if (Number.isFinite(num)) text = styles.has(c.style) ? serialDate(num, date1904) : String(num);
        else text = v;
      }
    }
    text = text.trim();
    if (text === '') return;
    if (c.col > MAX_COLUMNS)
      throw new SheetLimitError(422, 'import.too_many_columns', { max: MAX_COLUMNS, row: rowNumber });
    while (cells.length < c.col - 1) cells.push('');
    cells[c.col - 1] = text;
  };

  const scanner = new XmlScanner({
    open(name, attrs) {
      if (!inData) {
        if (name === 'sheetData') inData = true;
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number(attr(attrs, 'r'));
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          cells = [];
          nextCol = 1;
          break;
        }
        case 'c': {
          const col = columnOf(attr(attrs, 'r')) || nextCol;
          nextCol = col + 1;
          cell = { col, type: attr(attrs, 't') ?? 'n', style: Number(attr(attrs, 's') ?? 0), value: '', inline: '' };
          break;
        }
        case 'v':
          inV = cell !== null;
          break;
        case 'is':
          inInline = cell !== null;
          break;
        case 't':
          if (inInline) depthT++;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'sheetData':
          inData = false;
          done = true;
          break;
        case 'row':
          if (cells.length) out.row(rowNumber, cells);
          cells = [];
          break;
        case 'c':
          if (cell) finishCell();
          break;
        case 'v':
          inV = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 't':
          depthT = Math.max(0, depthT - 1);
          break;
        case 'rPh':
          inPhonetic = false;
          break;
      }
    },
    wantText: () => cell !== null && (inV || (inInline && depthT > 0 && !inPhonetic)),
    text(text) {
      const c = cell!;
      if (inV) c.value += text;
      else c.inline += text;
      if (c.value.length > MAX_CELL_CHARS || c.inline.length > MAX_CELL_CHARS) throw tooLong();
    },
  });
  await streamEntry(
    buf,
    sheetEntry,
    budget,
    (chunk) => {
      scanner.feed(chunk);
      // The rest of the sheet (merged cells, validations, drawings) is of no use: stop inflating.
      return !done;
    },
    XLSX_LIMITS.maxSheetBytes,
  );
  if (!done) scanner.feed(new Uint8Array(0), true);
  return { format: 'xlsx', headers: out.headers, rows: out.rows };
}

// ---------------------------------------------------------------------------------------------
// CSV

async function readCsv(buf: Buffer): Promise<Sheet> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    // Most often a CSV saved in a legacy code page (Windows-1258, TCVN3): ask for UTF-8.
    throw new SheetLimitError(400, 'import.not_utf8');
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Excel in some locales saves with semicolons; the header line tells which one this file uses.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = csvParse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // A field longer than a cell may be stops the parser (CSV_MAX_RECORD_SIZE) before it is kept.
    max_record_size: MAX_CELL_CHARS + 1,
  });
  const out = new SheetCollector();
  // A spreadsheet program shows one row per record (a quoted cell may span lines), so rows are counted by record.
  let rowNumber = 0;
  const PIECE = 256 * 1024;
  const feed = (async () => {
    for (let at = 0; at < text.length; at += PIECE) {
      if (!parser.write(text.slice(at, at + PIECE))) await new Promise((r) => parser.once('drain', r));
    }
    parser.end();
  })();
  feed.catch(() => undefined); // a parser stopped early refuses further writes: the loop below says why
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      const cells = record.map((c) => c.trim());
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > MAX_COLUMNS)
        throw new SheetLimitError(422, 'import.too_many_columns', { max: MAX_COLUMNS, row: rowNumber });
      const long = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
      if (long >= 0) throw new SheetLimitError(422, 'import.cell_too_long', { row: rowNumber, max: MAX_CELL_CHARS });
      if (rowNumber === 1 || cells.length) out.row(rowNumber, cells);
    }
    await feed;
  } catch (err) {
    parser.destroy();
    if (err instanceof SheetLimitError) throw err;
    if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
      throw new SheetLimitError(422, 'import.cell_too_long', { row: rowNumber + 1, max: MAX_CELL_CHARS });
    throw unreadable();
  }
  return { format: 'csv', headers: out.headers, rows: out.rows };
}

/** The sheet of an upload whose type is already known (by its bytes), within the limits above. */
export async function parseSheet(buf: Buffer, format: SheetFormat): Promise<Sheet> {
  try {
    return format === 'xlsx' ? await readXlsx(buf) : await readCsv(buf);
  } catch (err) {
    if (err instanceof ZipReadError) throw zipProblem(err);
    throw err;
  }
}
