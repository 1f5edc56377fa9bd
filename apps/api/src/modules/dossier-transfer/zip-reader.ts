/**
 * Reads a ZIP with hard limits, for packages that come from outside: the number of entries, the
 * bytes of one entry and of all of them once inflated. The sizes a ZIP declares are not trusted:
 * each entry is inflated by zlib with `maxOutputLength`, which stops (RangeError) as soon as the
 * output would pass the budget left, so a bomb that claims 1 KB and inflates to gigabytes costs at
 * most the budget in memory. Stored and deflated entries only; encrypted entries and ZIP64 refused.
 */
import { inflateRawSync } from 'node:zlib';

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

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndRecord(buf: Buffer): number {
  const min = 22;
  if (buf.length < min) return -1;
  const stop = Math.max(0, buf.length - min - 0xffff);
  for (let i = buf.length - min; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The entries (files, not folders) of the ZIP by name, inflated within the limits. */
export function readZip(buf: Buffer, limits: ZipLimits): Map<string, Buffer> {
  const unreadable = () => new ZipReadError({ kind: 'unreadable' });
  const eocd = findEndRecord(buf);
  if (eocd < 0) throw unreadable();
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw unreadable();
  if (count > limits.maxEntries) throw new ZipReadError({ kind: 'too_many_entries', max: limits.maxEntries });
  const out = new Map<string, Buffer>();
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) throw unreadable();
    const flags = buf.readUInt16LE(offset + 8);
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    if (offset + 46 + nameLength > buf.length) throw unreadable();
    const name = buf.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 0x1 || compressed === 0xffffffff || out.has(name)) throw unreadable();
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw unreadable();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw unreadable();
    const raw = buf.subarray(start, start + compressed);
    const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const overBudget = () =>
      budget < limits.maxEntryBytes
        ? new ZipReadError({ kind: 'total_too_large', max: limits.maxTotalBytes })
        : new ZipReadError({ kind: 'entry_too_large', name, max: limits.maxEntryBytes });
    let data: Buffer;
    if (method === 0) {
      if (raw.length > budget) throw overBudget();
      data = Buffer.from(raw);
    } else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw overBudget();
        throw unreadable();
      }
      if (data.length > budget) throw overBudget();
    } else {
      throw unreadable();
    }
    total += data.length;
    out.set(name, data);
  }
  return out;
}
