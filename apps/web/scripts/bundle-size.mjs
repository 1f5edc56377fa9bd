#!/usr/bin/env node
/**
 * What a route costs to load: the entry chunk plus the route's lazy chunk and every chunk they
 * import statically, gzipped. Reads dist/.vite/manifest.json (run `vite build` first).
 * Exits non-zero when the sign-in route exceeds its 250 KB gzip budget (QUALITY.md).
 *
 *   node scripts/bundle-size.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const BUDGET_KB = 250;

const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

/** The chunk files a manifest entry loads before it runs (itself and its static imports). */
function closure(key, seen = new Set()) {
  const entry = manifest[key];
  if (!entry || seen.has(entry.file)) return seen;
  seen.add(entry.file);
  for (const imp of entry.imports ?? []) closure(imp, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const base = closure(entryKey);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const sum = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);

const routes = Object.keys(manifest).filter(
  (k) => manifest[k].isDynamicEntry && /\/(routes\/[^/]+|sign-in-page|app-layout)\.tsx$/.test(k),
);
const rows = [['entry (shell)', sum(base)]];
const layout = routes.find((k) => k.endsWith('app-layout.tsx'));
const layoutFiles = layout ? closure(layout, new Set(base)) : base;
for (const key of routes.sort()) {
  if (key === layout) continue;
  // Pages inside the app also need the layout; the sign-in page does not.
  const start = key.endsWith('sign-in-page.tsx') ? new Set(base) : new Set(layoutFiles);
  rows.push([key.replace(/^src\//, ''), sum(closure(key, start))]);
}
console.log('route'.padEnd(48), 'JS gzip (KB)');
for (const [name, bytes] of rows) console.log(name.padEnd(48), kb(bytes));

const signIn = rows.find(([name]) => name.includes('sign-in-page'));
if (signIn && signIn[1] / 1024 > BUDGET_KB) {
  console.error(`sign-in route: ${kb(signIn[1])} KB gzip exceeds the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
