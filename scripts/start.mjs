#!/usr/bin/env node
// `pnpm start`: builds the web app and the API when their builds are missing or older than their
// sources, then runs the compiled API server (plain node, no TypeScript at run time), which serves
// the API and the built SPA from one process (port 3000 by default).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'apps/web');
const apiDir = path.join(root, 'apps/api');
const contractSrc = path.join(root, 'packages/contract/src');

/** The newest modification time under `file`, directories included (a deleted or renamed file counts). */
function newestMtime(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Whether `built` is missing or older than any file under `sources` (those that exist). */
function isStale(built, sources) {
  if (!fs.existsSync(built)) return true;
  const present = sources.filter((s) => fs.existsSync(s));
  return present.length > 0 && Math.max(...present.map(newestMtime)) > fs.statSync(built).mtimeMs;
}

function run(what, command, args, cwd) {
  console.log(what);
  const build = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (
  fs.existsSync(path.join(webDir, 'index.html')) &&
  isStale(path.join(webDir, 'dist/index.html'), [path.join(webDir, 'src'), contractSrc])
) {
  run('Đang dựng giao diện web (web build)…', 'pnpm', ['--filter', '@thidua/web', 'build'], root);
}

const serverJs = path.join(apiDir, 'dist/server.js');
if (isStale(serverJs, [path.join(apiDir, 'src'), contractSrc, path.join(apiDir, 'build.mjs')])) {
  run('Đang dựng máy chủ API (API build)…', process.execPath, ['build.mjs'], apiDir);
}

// The data of the embedded database stays in ./data at the repository root. On the embedded
// database `pnpm start` is a trial on one machine: no NODE_ENV=production, so the demo data loads
// with its published passwords (config.ts). On PostgreSQL it is an installation: production, and
// demo data only with DEMO_DATA=true, whose accounts must then change their password.
const server = spawn(process.execPath, [serverJs], {
  cwd: apiDir,
  stdio: 'inherit',
  env: {
    ...(process.env.DATABASE_URL ? { NODE_ENV: 'production' } : {}),
    DATA_DIR: path.join(root, 'data'),
    ...process.env,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
