/**
 * The sign-ins a first start creates (the administrator, the demo accounts) are kept in one file
 * under DATA_DIR, readable by its owner only (0600), and every start says where: a terminal's
 * scroll-back is no place to lose them in. The administrator's password is written to the file
 * only, never to the console (a console is often a shared log).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SIGN_INS_FILE = 'sign-ins.txt';

/** bootstrap.ts writes the administrator's line as `admin: <email> / <password>`. */
const ADMIN_LINE = /^admin: (\S+) \/ .*$/;

/** Appends the sign-ins created by this start to DATA_DIR/sign-ins.txt (0600); answers the file's path. */
export function saveSignIns(dataDir: string, created: string[], now = new Date()): string {
  const file = path.join(dataDir, SIGN_INS_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const header = fs.existsSync(file) ? '\n' : 'Tài khoản đăng nhập do ThiĐua tạo / sign-ins created by ThiĐua\n';
  fs.appendFileSync(file, `${header}# ${now.toISOString()}\n${created.map((l) => `${l}\n`).join('')}`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // appendFileSync's mode applies only when it creates the file
  return file;
}

/** What a start prints about sign-ins: the new ones (the administrator's password masked), and where the file is. */
export function signInsNotice(dataDir: string, created: string[]): string[] {
  const file = path.join(dataDir, SIGN_INS_FILE);
  if (created.length > 0) {
    saveSignIns(dataDir, created);
    return [
      'Tài khoản đăng nhập / sign-in accounts:',
      ...created.map((l) => '  ' + l.replace(ADMIN_LINE, `admin: $1 / (mật khẩu trong ${file})`)),
      `Đã lưu vào / saved in ${file} (chỉ chủ sở hữu đọc được / owner-only)`,
    ];
  }
  if (fs.existsSync(file)) return [`Tài khoản đăng nhập / sign-ins: ${file}`];
  return [];
}
