/**
 * Sign-ins of a first start (issue 11 gap 2): kept in DATA_DIR/sign-ins.txt, owner-only (0600), and
 * every start says where; the administrator's password is in the file, never on the console.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGN_INS_FILE, signInsNotice } from '../../src/bootstrap/sign-ins.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dataDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-signins-'));
  dirs.push(d);
  return d;
}

const FIRST = ['admin: admin@thidua.local / Xk3vQ9mZpL2wR7tY', 'leader          lanhdao@thachha.gov.vn / ThiDua@2022'];

describe('sign-ins of a first start', () => {
  it('are written to DATA_DIR/sign-ins.txt with mode 0600; the console shows all but the admin password', () => {
    const dir = dataDir();
    const printed = signInsNotice(dir, FIRST).join('\n');
    const file = path.join(dir, SIGN_INS_FILE);
    const saved = fs.readFileSync(file, 'utf8');
    expect(saved).toContain('admin: admin@thidua.local / Xk3vQ9mZpL2wR7tY');
    expect(saved).toContain('lanhdao@thachha.gov.vn / ThiDua@2022');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(printed).not.toContain('Xk3vQ9mZpL2wR7tY');
    expect(printed).toContain(`admin: admin@thidua.local / (mật khẩu trong ${file})`);
    expect(printed).toContain('lanhdao@thachha.gov.vn / ThiDua@2022');
    expect(printed).toContain(file);
  });

  it('a later start prints only where the file is, and a new account is appended, not overwriting', () => {
    const dir = dataDir();
    signInsNotice(dir, FIRST);
    const later = signInsNotice(dir, []);
    expect(later).toEqual([`Tài khoản đăng nhập / sign-ins: ${path.join(dir, SIGN_INS_FILE)}`]);
    signInsNotice(dir, ['admin: quantri@thachha.gov.vn / Other-Secret-Pass-9']);
    const saved = fs.readFileSync(path.join(dir, SIGN_INS_FILE), 'utf8');
    expect(saved).toContain('Xk3vQ9mZpL2wR7tY');
    expect(saved).toContain('Other-Secret-Pass-9');
    expect(fs.statSync(path.join(dir, SIGN_INS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a loosened file is made owner-only again when written', () => {
    const dir = dataDir();
    const file = path.join(dir, SIGN_INS_FILE);
    fs.writeFileSync(file, 'old\n', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    signInsNotice(dir, FIRST);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('nothing to say when no account was ever created here', () => {
    expect(signInsNotice(dataDir(), [])).toEqual([]);
  });
});
