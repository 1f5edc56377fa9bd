/**
 * The built SPA (apps/web/dist) served by the API when SERVE_WEB is on. `pnpm build` writes a
 * brotli and a gzip copy beside each text file (apps/web/scripts/precompress.mjs); the copy the
 * client accepts is sent, with `Vary: Accept-Encoding`. Files under assets/ carry a content hash in
 * their name, so they are cached for a year as immutable; everything else — index.html above all,
 * which names the current hashes — is revalidated on every use (`no-cache`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Vite's output directory for hashed files (build.assetsDir) and its hash suffix (`name-AbC12_-x.js`). */
const HASHED = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/;

/** Cache-Control for a file of the build, by its path relative to the build's root. */
export function cacheControlFor(relativePath: string): string {
  return HASHED.test(relativePath.split(path.sep).join('/')) ? IMMUTABLE : REVALIDATE;
}

/**
 * Registers the static files of `root` when it holds a build (index.html); returns whether it does.
 * The caller answers the SPA's own routes with index.html (`sendIndex`).
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    // Set per file below: @fastify/static's one maxAge for every file cannot tell hashed from not.
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(path.relative(root, filePath)));
    },
  });
  return true;
}

/** index.html for a route the SPA resolves in the browser: revalidated, so a new build is picked up. */
export function sendIndex(reply: FastifyReply) {
  return reply.header('cache-control', REVALIDATE).sendFile('index.html');
}
