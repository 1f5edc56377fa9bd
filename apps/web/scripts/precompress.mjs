#!/usr/bin/env node
/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, at the highest
 * levels (they are made once, at `pnpm build`, and sent many times): the API sends the copy the
 * client accepts (apps/api/src/plugins/web.ts, @fastify/static's preCompressed), nginx the .gz
 * (gzip_static). Files too small to gain are left alone, and so is a copy that would not be smaller.
 *
 *   node scripts/precompress.mjs [dir]   # dir defaults to dist/
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|map|ico)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

/** Compresses the text files under `dir`; returns how many files got copies. */
export function precompress(dir) {
  let count = 0;
  try {
    for (const file of files(dir)) if (TEXT.test(file) && compressBeside(file)) count++;
  } catch (err) {
    // A build started meanwhile (vite empties dist/ first) took files away: that build's own
    // precompression covers what it writes.
    if (err.code !== 'ENOENT') throw err;
  }
  return count;
}

/** Writes file.br and file.gz beside the file when it is worth it; whether it was. */
function compressBeside(file) {
  const body = fs.readFileSync(file);
  if (body.length < MIN_BYTES) return false;
  const br = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION });
  if (br.length < body.length) fs.writeFileSync(`${file}.br`, br);
  if (gz.length < body.length) fs.writeFileSync(`${file}.gz`, gz);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../dist'));
  const started = Date.now();
  const n = precompress(dir);
  console.log(
    `precompress: ${n} files in ${path.relative(process.cwd(), dir) || '.'} (br, gz) in ${Date.now() - started} ms`,
  );
}
