/**
 * Password rules of QUALITY.md: at least 8 characters, no composition rules, and a shipped list of
 * common passwords refused. Hashing is argon2id with m = 19 MiB, t = 2 (OWASP's minimum).
 */
import fs from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { Invalid } from '../../lib/errors.ts';

const COMMON = new Set(
  fs
    .readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean),
);

const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function assertAcceptablePassword(password: string, field = '/password'): void {
  if ([...password].length < 8) throw Invalid([{ field, code: 'password.too_short' }], 'password.too_short');
  if (COMMON.has(password.toLowerCase()))
    throw Invalid([{ field, code: 'password.too_common' }], 'password.too_common');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so both failures cost the same time. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  return dummyHash;
}
