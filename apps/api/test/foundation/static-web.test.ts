/**
 * The SPA as the API serves it (issue 11, bug 7), on a build made in a temporary directory: the
 * precompressed copy the client accepts (brotli, else gzip, else the file itself) with `Vary:
 * Accept-Encoding`; hashed assets cached for a year as immutable; index.html and the SPA's routes
 * answered with it revalidated (`no-cache`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers.ts';

let t: TestApp;
let dist: string;
const INDEX = `<!doctype html><html lang="vi"><head><title>Thi đua</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${'<!-- đệm -->'.repeat(200)}</body></html>`;
const SCRIPT = `export const greeting = 'Xin chào';\n${'console.log("Thi đua - Khen thưởng");\n'.repeat(200)}`;

function write(rel: string, body: string, { compressed }: { compressed: boolean }) {
  const file = path.join(dist, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  if (!compressed) return;
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body));
}

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-web-'));
  write('index.html', INDEX, { compressed: true });
  write('assets/index-Ab12Cd34.js', SCRIPT, { compressed: true });
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', { compressed: false });
  t = await createTestApp({ serveWeb: true, webDist: dist });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

function decoded(res: Awaited<ReturnType<typeof get>>): string {
  const raw = res.rawPayload;
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(raw).toString('utf8');
  return raw.toString('utf8');
}

const varies = (res: Awaited<ReturnType<typeof get>>) => String(res.headers.vary ?? '').toLowerCase();

describe('static files of the web app', () => {
  it('a browser accepting brotli gets the .br copy, marked as such and varying on Accept-Encoding', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(varies(res)).toContain('accept-encoding');
    expect(String(res.headers['content-type'])).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(decoded(res)).toBe(SCRIPT);
  });

  it('gzip only: the .gz copy; no encoding accepted: the file itself, still varying', async () => {
    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz)).toBe(SCRIPT);
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varies(plain)).toContain('accept-encoding');
    expect(plain.body).toBe(SCRIPT);
  });

  it('a hashed asset is cached for a year as immutable, whichever copy is sent', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      const res = await get('/assets/index-Ab12Cd34.js', encoding);
      expect(res.headers['cache-control'], String(encoding)).toBe('public, max-age=31536000, immutable');
    }
  });

  it('index.html is revalidated on every use (no-cache), and sent compressed', async () => {
    for (const url of ['/index.html', '/']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(decoded(res), url).toBe(INDEX);
    }
  });

  it("the SPA's routes answer index.html with no-cache too", async () => {
    for (const url of ['/phong-trao/pt_123', '/ho-so?trang=2', '/don-vi/abc/nhan-su']) {
      const res = await get(url, 'gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(decoded(res), url).toBe(INDEX);
    }
  });

  it('an unhashed file is revalidated; an unknown API route is still a problem+json 404', async () => {
    const icon = await get('/favicon.svg', 'br');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['cache-control']).toBe('no-cache');
    const api = await get('/api/v1/khong-co');
    expect(api.statusCode).toBe(404);
    expect(String(api.headers['content-type'])).toMatch(/application\/problem\+json/);
  });
});
