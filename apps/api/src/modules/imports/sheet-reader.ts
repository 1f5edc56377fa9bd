/**
 * Reads an uploaded sheet — XLSX (first worksheet) or CSV (UTF-8, with or without BOM, comma or
 * semicolon). The type is decided by the bytes, not by the file name, so a renamed executable,
 * image or HTML page is refused (415). The parsing itself (sheet-parse.ts, with its limits on
 * bytes inflated, rows, columns and cells) runs in a worker thread with a time budget and a heap
 * of its own, so the server keeps answering other requests meanwhile, a sheet that takes too long
 * is stopped (the thread is terminated), and the memory it used goes with the thread.
 */
import { Worker } from 'node:worker_threads';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../lib/errors.ts';
import { MAX_TEXT_CHARS, type Sheet, type SheetFormat } from './sheet-parse.ts';

export type { Sheet, SheetFormat, SheetRow } from './sheet-parse.ts';
export { MAX_DATA_ROWS } from './sheet-parse.ts';
export { XLSX_MIME } from './columns.ts';

/** Wall-clock time one sheet may take to parse (thread start included) before it is stopped. */
export const PARSE_TIME_BUDGET_MS = 20_000;
/** Heap of one parsing thread: past it the thread dies, not the server. */
const PARSE_HEAP_MB = 512;
/** Sheets parsed at once; further uploads wait their turn. */
const MAX_PARALLEL_PARSES = 2;

const unsupported = () => new DomainError(415, 'import.unsupported_type');

let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

type WorkerAnswer =
  | { ok: true; sheet: Sheet }
  | { ok: false; status: number; code: string; params: Record<string, string | number> }
  | { ok: false; crashed: string };

function parseInWorker(buf: Buffer, format: SheetFormat, budgetMs: number): Promise<Sheet> {
  return new Promise<Sheet>((resolve, reject) => {
    const worker = new Worker(new URL('./sheet-worker.mjs', import.meta.url), {
      workerData: { bytes: buf, format },
      resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new DomainError(422, 'import.too_slow', { seconds: Math.round(budgetMs / 1000) }))),
      budgetMs,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.sheet);
        else if ('crashed' in answer) reject(new Error(`The sheet parser failed: ${answer.crashed}`));
        else reject(new DomainError(answer.status, answer.code, answer.params));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DomainError(413, 'import.too_much_text', { max: MAX_TEXT_CHARS })
            : err,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`The sheet parser stopped (exit code ${code})`))));
  });
}

/** Text that a CSV may hold: no NUL or other control characters besides tab and line breaks. */
function looksLikeText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

/** Markup (HTML, XML, SVG) is not a CSV, whatever it is called. */
function looksLikeMarkup(buf: Buffer): boolean {
  const head = buf
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<');
}

async function formatOf(buf: Buffer, fileName: string): Promise<SheetFormat> {
  const detected = await fileTypeFromBuffer(buf);
  if (detected) {
    if (detected.ext === 'xlsx') return 'xlsx';
    // Any other recognised binary (PDF, DOCX, images, executables, archives …) is not a sheet.
    throw unsupported();
  }
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || name.endsWith('.xls')) {
    // Called a workbook but not one by its bytes: old .xls (BIFF) or a renamed file.
    throw unsupported();
  }
  if (!looksLikeText(buf) || looksLikeMarkup(buf)) throw unsupported();
  return 'csv';
}

export async function readSheet(buf: Buffer, fileName: string, opts: { timeBudgetMs?: number } = {}): Promise<Sheet> {
  if (buf.length === 0) throw new DomainError(400, 'import.no_file');
  const format = await formatOf(buf, fileName);
  return inTurn(() => parseInWorker(buf, format, opts.timeBudgetMs ?? PARSE_TIME_BUDGET_MS));
}
