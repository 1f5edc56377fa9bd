#!/usr/bin/env node
/**
 * Browser tests against the real thing: builds the SPA when dist/ is missing or older than its
 * sources, starts the API (serving a copy of dist/) on a free port with a fresh embedded database
 * and the demo data, then drives Debian's Chromium through playwright-core.
 *
 * Tests are the files in e2e/tests/*.mjs, run one after another in file-name order, each in a
 * fresh browser context (no cookies or storage shared). A test file exports:
 *
 *   export const name = 'what a person can do, in words';
 *   export async function run({ page, context, baseUrl, admin }) { … throw on failure … }
 *
 * Output: one line per test, then exactly `browser: N passed, N failed`; the exit code is non-zero
 * when a test fails. The server is always stopped. A failing test leaves a screenshot in
 * test-results/; the server's log is test-results/server.log.
 *
 *   pnpm --filter @thidua/web test:browser            # every test
 *   pnpm --filter @thidua/web test:browser unit-tree  # files whose name contains "unit-tree"
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
const API_DIR = path.resolve(WEB_DIR, '../api');
const DIST = path.join(WEB_DIR, 'dist');
const TESTS_DIR = path.join(WEB_DIR, 'e2e/tests');
const RESULTS = path.join(WEB_DIR, 'test-results');
const ADMIN = { email: 'admin@thidua.local', password: 'Quantri@Thidua2022' };
// Generous: the machines running these are often busy with the API's own test suites.
const TEST_TIMEOUT_MS = 180_000;

const filter = process.argv[2] ?? '';

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Builds the SPA unless dist/ is newer than everything it is built from. */
function ensureBuilt() {
  const index = path.join(DIST, 'index.html');
  const sources = [
    path.join(WEB_DIR, 'src'),
    path.join(WEB_DIR, 'index.html'),
    path.join(WEB_DIR, 'public'),
    path.join(WEB_DIR, 'vite.config.ts'),
    path.resolve(WEB_DIR, '../../packages/contract/src'),
  ];
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built && sources.every((s) => newestMtime(s) <= built)) return;
  console.log(built ? 'web: sources changed, rebuilding dist/ …' : 'web: dist/ missing, building …');
  const vite = path.join(WEB_DIR, 'node_modules/vite/bin/vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: WEB_DIR, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('vite build failed');
  // As `pnpm build` does: the server sends the .br/.gz copies the browser accepts.
  const pre = spawnSync(process.execPath, [path.join(WEB_DIR, 'scripts/precompress.mjs')], {
    cwd: WEB_DIR,
    stdio: 'inherit',
  });
  if (pre.status !== 0) throw new Error('precompress failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForReady(baseUrl, server, logFile) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the API exited early (code ${server.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API was not ready within 120 s; see ${logFile}`);
}

function startServer(port, dataDir, webDist, logFile) {
  const log = fs.openSync(logFile, 'w');
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DEMO_DATA: 'true',
      SERVE_WEB: 'true',
      WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
      // The jobs runner ticks often, so that a test sees what the system does by itself within seconds.
      JOBS_INTERVAL_MS: '2000',
    },
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so stopping it also stops anything it started
  });
  return server;
}

async function stopServer(server) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      server.kill('SIGKILL');
    }
  }, 8_000);
  await exited;
  clearTimeout(timer);
}

async function loadTests() {
  const files = fs
    .readdirSync(TESTS_DIR)
    .filter((f) => f.endsWith('.mjs') && f.includes(filter))
    .sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(TESTS_DIR, file)).href);
    const fn = mod.run ?? mod.default;
    if (typeof fn !== 'function') throw new Error(`${file} exports no run() function`);
    tests.push({ file, name: mod.name ?? file, fn });
  }
  return tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const tests = await loadTests();
  if (tests.length === 0) {
    console.log(`browser: 0 passed, 0 failed`);
    return 0;
  }
  ensureBuilt();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-'));
  // Serve a copy of dist/: a build started meanwhile (vite empties dist/ first) must not pull the
  // pages from under a running test.
  const webDist = path.join(dataDir, 'web');
  fs.cpSync(DIST, webDist, { recursive: true });
  const logFile = path.join(RESULTS, 'server.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }

  try {
    server = startServer(port, path.join(dataDir, 'db'), webDist, logFile);
    const started = Date.now();
    await waitForReady(baseUrl, server, logFile);
    console.log(`api: ready on ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });

    for (const test of tests) {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 860 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      const t0 = Date.now();
      try {
        await withTimeout(test.fn({ page, context, baseUrl, admin: ADMIN }), TEST_TIMEOUT_MS, test.name);
        if (pageErrors.length) throw new Error(`uncaught error in the page: ${pageErrors[0]}`);
        passed++;
        console.log(`  ✓ ${test.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (err) {
        failed++;
        const shot = path.join(RESULTS, `failed-${test.file.replace(/\.mjs$/, '')}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
        console.log(
          `  ✗ ${test.name}\n    ${String(err?.stack ?? err)
            .split('\n')
            .slice(0, 6)
            .join('\n    ')}\n    screenshot: ${path.relative(process.cwd(), shot)}`,
        );
      } finally {
        await context.close().catch(() => {});
      }
    }
  } catch (err) {
    failed = Math.max(failed, 1);
    console.log(`  ✗ browser test run could not start: ${err?.message ?? err}`);
    if (fs.existsSync(logFile)) console.log(fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n'));
  } finally {
    await stop();
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
