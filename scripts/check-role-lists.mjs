#!/usr/bin/env node
// Part of `pnpm lint`: who may do what is written once, in the contract's permission table
// (packages/contract/src/permissions.ts). A role name written as a string in the API's routes,
// services, plugins and lib, or in the web app's code, is a role list of its own that can disagree
// with the table: this fails the lint and names the place. Display labels come from locale files;
// the demo data and tests (which create accounts with roles) are not checked.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The role names, read from the contract (packages/contract/src/roles.ts, `ROLES = [...] as const`).
const rolesSource = fs.readFileSync(path.join(root, 'packages/contract/src/roles.ts'), 'utf8');
const ROLES = [...(/export const ROLES = \[([^\]]*)\]/.exec(rolesSource)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map(
  (m) => m[1],
);
if (ROLES.length < 2) throw new Error('could not read ROLES from packages/contract/src/roles.ts');
const literal = new RegExp(`(['"\`])(${ROLES.join('|')})\\1`, 'g');

const checked = [
  { dir: 'apps/api/src/modules', file: /\.(routes|service|repository)\.ts$/ },
  { dir: 'apps/api/src/lib', file: /\.ts$/ },
  { dir: 'apps/api/src/plugins', file: /\.ts$/ },
  { dir: 'apps/web/src', file: /\.tsx?$/, skip: /\.test\.tsx?$/ },
];

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const found = [];
for (const { dir, file, skip } of checked) {
  for (const full of walk(path.join(root, dir))) {
    const rel = path.relative(root, full);
    if (!file.test(rel) || skip?.test(rel)) continue;
    fs.readFileSync(full, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
        for (const m of line.matchAll(literal)) found.push(`${rel}:${i + 1}: role '${m[2]}' written out`);
      });
  }
}
if (found.length) {
  console.error(found.join('\n'));
  console.error(`\n${found.length} role name(s) outside the permission table: ask can()/assertCan() instead.`);
  process.exit(1);
}
console.log('role lists: none outside the permission table');
