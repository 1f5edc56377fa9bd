#!/usr/bin/env node
// Compiles the API to JavaScript (dist/server.js) so `pnpm start` and the Docker image run plain
// `node`, without transpiling TypeScript at every start. One ESM bundle of src/, of the workspace
// package @thidua/contract (its package.json points at .ts sources) and of the BUNDLED libraries
// below; every other package stays external and is loaded from node_modules at run time, so a
// runtime dependency of the contract must also be a dependency of the API. Dynamic imports (`await import('./plan-docx.ts')`)
// become chunks of their own (splitting), so exceljs, docx and the S3 client still load on first
// use, not at start-up. Type checking is `pnpm typecheck`'s job, not this script's.
//
// Files read at run time relative to a module (import.meta.dirname / import.meta.url: the drizzle
// migrations, common-passwords.txt, the bundled templates, the web build) are found where they are
// in the sources: in each module, import.meta.dirname, .filename and .url are rewritten to that
// module's source location, so dist/ resolves exactly the paths the sources do (apps/api/src and
// apps/api/drizzle must be present next to dist/, as they are in the repository and the image).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const apiDir = import.meta.dirname;
const outdir = path.join(apiDir, 'dist');

/** import.meta of each bundled module → the location of its source file, relative to dist/. */
const sourceImportMeta = {
  name: 'source-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      let contents = await fs.promises.readFile(args.path, 'utf8');
      if (contents.includes('import.meta')) {
        const rel = (p) => JSON.stringify(path.relative(outdir, p).split(path.sep).join('/'));
        contents = contents
          .replace(/\bimport\.meta\.dirname\b/g, `__sourcePath(${rel(path.dirname(args.path))})`)
          .replace(/\bimport\.meta\.filename\b/g, `__sourcePath(${rel(args.path)})`)
          .replace(/\bimport\.meta\.url\b/g, `__sourceUrl(${rel(args.path)})`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Packages bundled in rather than loaded from node_modules: the workspace's own, and two pure-ESM
 * libraries of many small modules with no file of their own to read, whose loading was most of the
 * start-up's module time (typebox and typebox/value: ~0.45 s of CPU, drizzle-orm ~0.2 s).
 */
const BUNDLED = [/^@thidua\//, /^typebox(\/|$)/, /^drizzle-orm(\/|$)/];

/** Bare imports stay external (node_modules, node: builtins), except the BUNDLED packages. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.some((re) => re.test(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};

const started = Date.now();
fs.rmSync(outdir, { recursive: true, force: true });
const result = await esbuild
  .build({
    entryPoints: { server: path.join(apiDir, 'src/server.ts') },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    // Class and function names stay as written (error names, logs), even where the bundle renames.
    keepNames: true,
    logLevel: 'warning',
    metafile: true,
    plugins: [externalPackages, sourceImportMeta],
    banner: {
      js: [
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const __sourceUrl = (p) => new URL(p, import.meta.url).href;',
        'const __sourcePath = (p) => __fileURLToPath(new URL(p, import.meta.url));',
      ].join('\n'),
    },
  })
  .catch(() => process.exit(1)); // esbuild has printed the errors
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const kb = Math.round(outputs.reduce((sum, [, o]) => sum + o.bytes, 0) / 1024);
console.log(`API built: dist/server.js and ${outputs.length - 1} lazy chunks, ${kb} KB, in ${Date.now() - started} ms`);
