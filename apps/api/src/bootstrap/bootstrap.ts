/**
 * What happens once the database is migrated: the first administrator from ADMIN_EMAIL /
 * ADMIN_PASSWORD when no account has that address, and the demo data on the first start of an
 * empty database when config.demoData (by default only on the embedded database: config.ts).
 * ADMIN_PASSWORD must pass the password rules like any other (the start fails, saying why); a
 * generated one is written in plain text (the sign-ins file), so it must be changed at the first
 * sign-in. Demo
 * accounts on PostgreSQL or in production must change their published password the same way.
 */
import { count, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { units, users } from '../db/schema/index.ts';
import { DomainError } from '../lib/errors.ts';
import { message } from '../lib/messages.ts';
import { createUser } from '../modules/users/index.ts';
import { loadDemoData } from './demo-data.ts';

export interface BootstrapReport {
  printed: string[];
}

const SYSTEM = { actor: null, requestId: 'bootstrap' };

export async function bootstrap(
  db: Db,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
): Promise<BootstrapReport> {
  const printed: string[] = [];
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, config.adminEmail));
  if (!existing) {
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    try {
      await createUser(db, SYSTEM, {
        email: config.adminEmail,
        fullName: 'Quản trị hệ thống',
        password,
        mustChangePassword: !config.adminPassword,
        roles: [{ role: 'admin', unitId: null }],
      });
    } catch (err) {
      if (err instanceof DomainError && err.code.startsWith('password.')) {
        const reason = err.errors[0]?.code ?? err.code;
        throw new Error(
          `ADMIN_PASSWORD is refused: ${message('en', err.code, err.params)} (${reason}). Choose a longer password of unrelated words.`,
        );
      }
      throw err;
    }
    printed.push(`admin: ${config.adminEmail} / ${config.adminPassword ? '(ADMIN_PASSWORD)' : password}`);
    log.info({ email: config.adminEmail }, 'first administrator created');
  }
  const [unitCount] = await db.select({ n: count() }).from(units);
  if (config.demoData && (unitCount?.n ?? 0) === 0) {
    // Asked for explicitly on a server database: its accounts share the published demo password,
    // so each must change it at its first sign-in.
    const onServer = Boolean(config.databaseUrl) || config.env === 'production';
    const accounts = await loadDemoData(db, { mustChangePassword: onServer });
    for (const a of accounts) printed.push(`${a.role.padEnd(15)} ${a.email} / ${a.password}`);
    log.info({ accounts: accounts.length }, 'demo data loaded');
    if (onServer) {
      log.warn(
        { accounts: accounts.length },
        'demo accounts share the published demo password: each must change it at its first sign-in; disable those not needed',
      );
    }
  }
  return { printed };
}
