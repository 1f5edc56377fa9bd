/**
 * A small streaming tar (POSIX ustar, with pax headers for long names) writer and reader: enough
 * for backup archives of regular files, with nothing held in memory but one chunk. gzip is
 * node's zlib around it.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

const BLOCK = 512;
const ZEROS = Buffer.alloc(BLOCK * 2);

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

/** A pax record: "<len> path=<name>\n", where len counts the whole record including itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return Buffer.from(`${len}${body}`, 'utf8');
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Adds a regular file of exactly `size` bytes read from `body`. */
  async add(name: string, size: number, body: Readable | Buffer, mtime = new Date()): Promise<void> {
    if (Buffer.byteLength(name) > 100) {
      const pax = paxRecord('path', name);
      await this.write(header('././@PaxHeader', pax.length, mtime, 'x'));
      await this.write(pax);
      await this.write(Buffer.alloc(padding(pax.length)));
    }
    await this.write(header(Buffer.byteLength(name) > 100 ? name.slice(-90) : name, size, mtime, '0'));
    let written = 0;
    if (Buffer.isBuffer(body)) {
      await this.write(body);
      written = body.length;
    } else {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        written += chunk.length;
        if (written > size) throw new Error(`${name} grew while it was being archived`);
        await this.write(chunk);
      }
    }
    if (written !== size) throw new Error(`${name}: expected ${size} bytes, read ${written}`);
    await this.write(Buffer.alloc(padding(size)));
  }

  /** Writes the end-of-archive marker and ends the output. */
  async finish(): Promise<void> {
    await this.write(ZEROS);
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Exact-length reads over a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private done = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= n;
  }

  /** Up to `max` bytes that are already buffered or arrive next. */
  private take(max: number): Buffer {
    const joined = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const out = joined.subarray(0, max);
    const rest = joined.subarray(out.length);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  async read(n: number): Promise<Buffer> {
    if (!(await this.fill(n)))
      throw new Error('The archive ends in the middle of an entry: it is truncated or damaged.');
    return this.take(n);
  }

  async *chunks(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill(1)))
        throw new Error('The archive ends in the middle of an entry: it is truncated or damaged.');
      const chunk = this.take(Math.min(left, this.length));
      left -= chunk.length;
      yield chunk;
    }
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** The entry's bytes; must be consumed (or skipped with `skip`) before the next entry. */
  body(): AsyncGenerator<Buffer>;
}

function parseOctal(buf: Buffer): number {
  const text = buf.toString('ascii').replace(/\0.*$/s, '').trim();
  return text ? parseInt(text, 8) : 0;
}

function verifyChecksum(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === parseOctal(h.subarray(148, 156));
}

/** The regular-file entries of a tar stream, in order. Other entry types are skipped. */
export async function* readTar(source: Readable): AsyncGenerator<TarEntry> {
  const reader = new ByteReader((source as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
  let paxPath: string | null = null;
  for (;;) {
    const h = await reader.read(BLOCK);
    if (h.every((b) => b === 0)) return;
    if (!verifyChecksum(h)) throw new Error('A tar header is damaged (checksum mismatch).');
    const size = parseOctal(h.subarray(124, 136));
    const type = String.fromCharCode(h[156]!);
    const prefix = h.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const short = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (type === 'x') {
      const pax = (await reader.read(size)).toString('utf8');
      await reader.read(padding(size));
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(pax);
      paxPath = m ? m[1]! : null;
      continue;
    }
    const name = paxPath ?? (prefix ? `${prefix}/${short}` : short);
    paxPath = null;
    let consumed = false;
    const entry: TarEntry = {
      name,
      size,
      body: async function* () {
        consumed = true;
        yield* reader.chunks(size);
        await reader.read(padding(size));
      },
    };
    if (type === '0' || type === '\0') yield entry;
    if (!consumed) {
      for await (const _ of reader.chunks(size)) void _;
      await reader.read(padding(size));
    }
  }
}
