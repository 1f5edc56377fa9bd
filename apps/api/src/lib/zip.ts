/**
 * The one reader of ZIP archives that come from outside (XLSX workbooks, dossier packages), with
 * hard limits: the number of entries, the bytes of one entry and of all of them once inflated. The
 * sizes a ZIP declares are never trusted: only the bytes zlib actually produces are counted, and
 * inflating stops as soon as they pass the budget left, so an entry that claims 1 KB and inflates
 * to gigabytes costs at most the budget. Only the entries asked for are inflated (an XLSX's media
 * never is). Stored and deflated entries only; encrypted entries and ZIP64 are refused.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export type ZipProblem =
  | { kind: 'unreadable' }
  | { kind: 'too_many_entries'; max: number }
  | { kind: 'entry_too_large'; name: string; max: number }
  | { kind: 'total_too_large'; max: number };

export class ZipReadError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
  }
}

/** An entry as the central directory lists it; `declaredSize` is what the archive claims, not a limit. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Offset of the entry's (compressed) data in the archive. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const unreadable = () => new ZipReadError({ kind: 'unreadable' });

function findEndRecord(buf: Buffer): number {
  const min = 22;
  if (buf.length < min) return -1;
  const stop = Math.max(0, buf.length - min - 0xffff);
  for (let i = buf.length - min; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The entries (files, not folders) of the archive by name; nothing is inflated. */
export function zipEntries(buf: Buffer, maxEntries: number): Map<string, ZipEntry> {
  const eocd = findEndRecord(buf);
  if (eocd < 0) throw unreadable();
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw unreadable();
  if (count > maxEntries) throw new ZipReadError({ kind: 'too_many_entries', max: maxEntries });
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) throw unreadable();
    const flags = buf.readUInt16LE(offset + 8);
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const declaredSize = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    if (offset + 46 + nameLength > buf.length) throw unreadable();
    const name = buf.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 0x1 || compressedSize === 0xffffffff || out.has(name)) throw unreadable();
    if (method !== 0 && method !== 8) throw unreadable();
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw unreadable();
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + compressedSize > buf.length) throw unreadable();
    out.set(name, { name, method, compressedSize, declaredSize, dataStart });
  }
  return out;
}

/**
 * Counts the bytes inflated from an archive against the limits: per entry and in total. The
 * error names the limit crossed (the total when less of it was left than one entry's limit).
 */
export class InflateBudget {
  private total = 0;
  constructor(private readonly limits: Pick<ZipLimits, 'maxEntryBytes' | 'maxTotalBytes'>) {}

  /** The bytes one entry may still inflate to, given what the others already used. */
  left(maxEntryBytes = this.limits.maxEntryBytes): number {
    return Math.max(0, Math.min(maxEntryBytes, this.limits.maxTotalBytes - this.total));
  }

  /** The error for an entry that passed `left` (what `left()` gave when it started). */
  overflow(name: string, left: number, maxEntryBytes = this.limits.maxEntryBytes): ZipReadError {
    return left < maxEntryBytes
      ? new ZipReadError({ kind: 'total_too_large', max: this.limits.maxTotalBytes })
      : new ZipReadError({ kind: 'entry_too_large', name, max: maxEntryBytes });
  }

  spend(bytes: number) {
    this.total += bytes;
  }
}

/** One entry inflated at once, within `maxEntryBytes` (default: the budget's) and the budget's total. */
export function inflateEntry(buf: Buffer, entry: ZipEntry, budget: InflateBudget, maxEntryBytes?: number): Buffer {
  const left = budget.left(maxEntryBytes);
  const raw = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) {
    if (raw.length > left) throw budget.overflow(entry.name, left, maxEntryBytes);
    data = Buffer.from(raw);
  } else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, left) });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw budget.overflow(entry.name, left, maxEntryBytes);
      throw unreadable();
    }
    if (data.length > left) throw budget.overflow(entry.name, left, maxEntryBytes);
  }
  budget.spend(data.length);
  return data;
}

/**
 * One entry inflated piece by piece: `onChunk` sees each piece as it comes and may stop reading
 * early by returning false (the rest is never inflated). Stops with a ZipReadError as soon as the
 * bytes inflated pass the entry's limit or the budget's total; memory stays at a few pieces.
 */
export async function streamEntry(
  buf: Buffer,
  entry: ZipEntry,
  budget: InflateBudget,
  onChunk: (chunk: Buffer) => boolean | void | Promise<boolean | void>,
  maxEntryBytes?: number,
): Promise<void> {
  const left = budget.left(maxEntryBytes);
  const raw = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const PIECE = 64 * 1024;
  if (entry.method === 0) {
    for (let at = 0; at < raw.length; at += PIECE) {
      const piece = raw.subarray(at, at + PIECE);
      if (at + piece.length > left) throw budget.overflow(entry.name, left, maxEntryBytes);
      budget.spend(piece.length);
      if ((await onChunk(piece)) === false) return;
    }
    return;
  }
  const inflater = createInflateRaw({ chunkSize: PIECE });
  inflater.end(raw);
  let seen = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > left) throw budget.overflow(entry.name, left, maxEntryBytes);
      budget.spend(chunk.length);
      if ((await onChunk(chunk)) === false) return;
    }
  } catch (err) {
    if (err instanceof ZipReadError) throw err;
    if ((err as { code?: string }).code?.startsWith('Z_')) throw unreadable();
    throw err;
  } finally {
    inflater.destroy();
  }
}

/**
 * The entries of the archive by name, inflated within the limits; with `wanted`, only the entries
 * it accepts are inflated (the others are neither read nor counted against the byte limits).
 */
export function readZip(buf: Buffer, limits: ZipLimits, wanted?: (name: string) => boolean): Map<string, Buffer> {
  const budget = new InflateBudget(limits);
  const out = new Map<string, Buffer>();
  for (const entry of zipEntries(buf, limits.maxEntries).values()) {
    if (wanted && !wanted(entry.name)) continue;
    out.set(entry.name, inflateEntry(buf, entry, budget));
  }
  return out;
}
