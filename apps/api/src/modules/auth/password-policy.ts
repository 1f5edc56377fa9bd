/**
 * Password hashing: argon2id with m = 19 MiB, t = 2 (OWASP's minimum). What a new password must be
 * (length, not common, hard to guess) is password-strength.ts.
 */
import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../../config.ts';

interface Argon2Cost {
  readonly algorithm: 2 /* Argon2id */;
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}
const ARGON2: Argon2Cost = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** Test-only (Config.fastPasswordHashing): argon2id's lowest cost. Verifying reads the cost from the hash. */
const ARGON2_FAST: Argon2Cost = { ...ARGON2, memoryCost: 256, timeCost: 1 };
let argon2 = ARGON2;

/**
 * Picks the hashing cost for passwords hashed from now on in this process: the OWASP minimum unless
 * a test configuration asks for the fast one. The test harness calls it for each app it builds.
 */
export function usePasswordHashing(config: Pick<Config, 'env' | 'fastPasswordHashing'>): void {
  if (config.fastPasswordHashing && config.env !== 'test') {
    throw new Error('fastPasswordHashing is for tests only (env must be test)');
  }
  argon2 = config.fastPasswordHashing ? ARGON2_FAST : ARGON2;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so both failures cost the same time. */
const dummyHashes = new Map<Argon2Cost, Promise<string>>();
export function dummyPasswordHash(): Promise<string> {
  let dummy = dummyHashes.get(argon2);
  if (!dummy) dummyHashes.set(argon2, (dummy = hashPassword('dummy-password-for-timing')));
  return dummy;
}
