#!/usr/bin/env node
// Measures the API's start-up on the embedded database (PGlite): wall clock from launching the
// server to the first `200` of `GET /health/ready`, over several runs, and prints the figures.
//
//   node scripts/measure-start.mjs                  # `pnpm start`, 5 later starts
//   node scripts/measure-start.mjs --mode node      # `node apps/api/dist/server.js` (what start.mjs runs)
//   node scripts/measure-start.mjs --mode tsx       # `node --import tsx src/server.ts` (the former start)
//   node scripts/measure-start.mjs --runs 10 --data-dir ./data-measure
//
// Besides the wall clock it prints the CPU time the launched processes used until the first `200`
// (user + system, all threads): on a busy machine the wall clock grows with the other work, the
// CPU time much less, and it is close to the wall clock of a quiet machine.
//
// The first launch on a new data directory creates the database (initdb, migrations, demo data)
// and builds what `pnpm start` finds stale: it is reported apart, as the first start, and is not
// one of the later starts. Without --data-dir a new temporary directory is used and removed after.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const apiDir = path.join(root, 'apps/api');
const { values: opts } = parseArgs({
  options: {
    mode: { type: 'string', default: 'start' },
    runs: { type: 'string', default: '5' },
    'data-dir': { type: 'string' },
    timeout: { type: 'string', default: '120' },
  },
});
const modes = {
  start: { cmd: 'pnpm', args: ['start'], cwd: root, label: 'pnpm start' },
  node: { cmd: process.execPath, args: ['dist/server.js'], cwd: apiDir, label: 'node dist/server.js (apps/api)' },
  tsx: {
    cmd: process.execPath,
    args: ['--import', 'tsx', 'src/server.ts'],
    cwd: apiDir,
    label: 'node --import tsx src/server.ts (apps/api)',
  },
};
const mode = modes[opts.mode];
if (!mode) throw new Error(`--mode is one of ${Object.keys(modes).join(', ')}`);
const runs = Number(opts.runs);
const tempDir = opts['data-dir'] ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-start-'));
const dataDir = path.resolve(opts['data-dir'] ?? tempDir);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * CPU time (user + system, ms) used so far by the processes of a process group (Linux /proc), so a
 * run can be judged apart from what else the machine is doing. Clock ticks are taken as 100 per second.
 */
function groupCpuMs(pgid) {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone, or not Linux */
    }
  }
  return ticks * 10;
}

/** One launch: ms until /health/ready answers 200, and the server's own "ready … in N ms". */
async function launch() {
  const port = await freePort();
  const t0 = performance.now();
  // A process group of its own, so the server under `pnpm start` ends with it.
  const child = spawn(mode.cmd, mode.args, {
    cwd: mode.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port) },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let exitCode;
  exited.then((code) => (exitCode = code ?? 'signal'));
  const deadline = t0 + Number(opts.timeout) * 1000;
  let ms;
  let cpuMs;
  while (performance.now() < deadline && exitCode === undefined) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) {
      ms = performance.now() - t0;
      cpuMs = groupCpuMs(child.pid);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await exited;
  if (ms === undefined) throw new Error(`no ready answer (exit ${exitCode}):\n${output.slice(-3000)}`);
  const own = /ready on [^"]* in (\d+) ms/.exec(output);
  return { ms, cpuMs, serverMs: own ? Number(own[1]) : undefined };
}

const fmt = (ms) => (ms / 1000).toFixed(2) + ' s';
console.log(
  `${mode.label}: data ${dataDir}, ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
try {
  const first = await launch();
  console.log(`first start (new data directory or builds): ${fmt(first.ms)}`);
  const later = [];
  for (let i = 0; i < runs; i++) {
    const r = await launch();
    later.push(r);
    const inside = r.serverMs === undefined ? '' : `, server ${fmt(r.serverMs)} from its first line to listening`;
    console.log(`later start ${i + 1}: ${fmt(r.ms)} (CPU ${fmt(r.cpuMs)}${inside})`);
  }
  const summary = (values) => {
    const sorted = values.sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    return `min ${fmt(sorted[0])}, median ${fmt(median)}, max ${fmt(sorted.at(-1))}`;
  };
  console.log(`later starts, ${runs} runs: wall clock ${summary(later.map((r) => r.ms))}`);
  console.log(`                 CPU time (all processes) ${summary(later.map((r) => r.cpuMs))}`);
  console.log(`load average at the end: ${os.loadavg()[0].toFixed(1)}`);
} finally {
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
