/**
 * How hard a new password is to guess (issue 10, point 9): every route that sets a password asks
 * `checkPasswordStrength`. At least 8 characters (400 password.too_short), not on the shipped list
 * of common passwords (422 password.too_common), and a zxcvbn score of at least 3 — about 10^8
 * guesses — counting the account's own e-mail and name and the product's words as known to the
 * attacker (422 password.too_weak, with the reason in Vietnamese: zxcvbn's own feedback is English).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { searchKey } from '@thidua/contract';
import { DomainError, Invalid } from '../../lib/errors.ts';

export const MIN_PASSWORD_SCORE = 3;

const COMMON = new Set(
  fs
    .readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean),
);

/** Words anyone guessing a password of this product tries first. */
const PRODUCT_WORDS = [
  'thidua',
  'thi dua',
  'thi đua',
  'thiđua',
  'khenthuong',
  'khen thuong',
  'khen thưởng',
  'khenthưởng',
  'thiduakhenthuong',
  'tdkt',
  'ubnd',
  'uy ban',
  'ủy ban',
  'ủyban',
  'uyban',
  'nhan dan',
  'nhân dân',
  'matkhau',
  'mat khau',
  'mật khẩu',
  'quantri',
  'quản trị',
];

/** The words of a text, as typed and folded without diacritics, alone and run together ("Nguyễn Thị Hoa" → nguyễn, nguyen, …, nguyenthihoa, nguyen thi hoa). */
function wordsOf(text: string): string[] {
  const lower = text.toLowerCase().normalize('NFC');
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  const joined = words.join('');
  const spaced = words.join(' ');
  return [...words, ...words.map(searchKey), joined, searchKey(joined), spaced, searchKey(spaced)];
}

/**
 * What zxcvbn should treat as known: the e-mail, its local part and its words (the domain's too,
 * but for gov/vn/com…), the name's words and the name run together, and the product's words.
 */
export function passwordUserInputs(account: { email: string; fullName: string }): string[] {
  const email = account.email.trim().toLowerCase();
  const [local = '', domain = ''] = email.split('@');
  const domainWords = domain
    .split('.')
    .filter((w) => w.length >= 3 && !['gov', 'com', 'org', 'net', 'edu'].includes(w));
  return [
    ...new Set([email, local, ...wordsOf(local), ...domainWords, ...wordsOf(account.fullName), ...PRODUCT_WORDS]),
  ].filter(Boolean);
}

/** zxcvbn's warning kinds → one short Vietnamese reason each (messages of the auth module). */
const REASONS: Record<string, string> = {
  straightRow: 'password.weak.keyboard',
  keyPattern: 'password.weak.keyboard',
  simpleRepeat: 'password.weak.repeat',
  extendedRepeat: 'password.weak.repeat',
  sequences: 'password.weak.sequence',
  recentYears: 'password.weak.date',
  dates: 'password.weak.date',
  topTen: 'password.weak.common',
  topHundred: 'password.weak.common',
  common: 'password.weak.common',
  similarToCommon: 'password.weak.common',
  pwned: 'password.weak.common',
  wordByItself: 'password.weak.words',
  namesByThemselves: 'password.weak.words',
  commonNames: 'password.weak.words',
  userInputs: 'password.weak.personal',
};

/** Built on first use: its dictionaries take ~0.1 s to load, which a server start need not pay. */
let zxcvbn: Promise<ZxcvbnFactory> | undefined;
function estimator(): Promise<ZxcvbnFactory> {
  zxcvbn ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
        // Also catches near misses of a common password ("passw0rd1!"), on the whole password only.
        useLevenshteinDistance: true,
      }),
  );
  return zxcvbn;
}

/**
 * Refuses a password that is too short, common, or guessable for this account; `field` names the
 * body field the refusal lands under. The reason is a field error code `password.weak.<kind>`.
 */
export async function checkPasswordStrength(
  password: string,
  account: { email: string; fullName: string },
  field = '/password',
): Promise<void> {
  if ([...password].length < 8) throw Invalid([{ field, code: 'password.too_short' }], 'password.too_short');
  if (COMMON.has(password.toLowerCase()))
    throw new DomainError(422, 'password.too_common', {}, [{ field, code: 'password.too_common' }]);
  const result = (await estimator()).check(password, passwordUserInputs(account));
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const reason = (result.feedback.warning && REASONS[result.feedback.warning]) || 'password.weak.guessable';
  throw new DomainError(422, 'password.too_weak', { reason }, [{ field, code: reason }]);
}
