/** The build's precompression (issue 11, bug 7): .br and .gz beside each text file worth it, decoding to the file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress.mjs';

let dir;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('precompress', () => {
  it('writes brotli and gzip copies of text files that decode to the original; skips tiny and binary files', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-precompress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const js = 'console.log("Thi đua - Khen thưởng");\n'.repeat(500);
    fs.writeFileSync(path.join(dir, 'assets/index-Ab12Cd34.js'), js);
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${'<p>Xin chào</p>'.repeat(200)}`);
    fs.writeFileSync(path.join(dir, 'tiny.css'), 'a{}');
    fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 7));

    expect(precompress(dir)).toBe(2);

    const file = path.join(dir, 'assets/index-Ab12Cd34.js');
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).toString('utf8')).toBe(js);
    expect(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).toString('utf8')).toBe(js);
    expect(fs.statSync(`${file}.br`).size).toBeLessThan(fs.statSync(`${file}.gz`).size);
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'tiny.css.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'logo.png.gz'))).toBe(false);
  });
});
