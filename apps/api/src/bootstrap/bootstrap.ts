/**
 * What happens once the database is migrated: the first administrator from ADMIN_EMAIL /
 * ADMIN_PASSWORD when no account has that address, and the demo data on the first start of an
 * empty database when config.demoData (by default only on the embedded database: config.ts).
 */
import { count, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { units, users } from '../db/schema/index.ts';
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
    await createUser(db, SYSTEM, {
      email: config.adminEmail,
      fullName: 'Quản trị hệ thống',
      password,
      roles: [{ role: 'admin', unitId: null }],
    });
    printed.push(`admin: ${config.adminEmail} / ${config.adminPassword ? '(ADMIN_PASSWORD)' : password}`);
    log.info({ email: config.adminEmail }, 'first administrator created');
  }
  const [unitCount] = await db.select({ n: count() }).from(units);
  if (config.demoData && (unitCount?.n ?? 0) === 0) {
    const accounts = await loadDemoData(db);
    for (const a of accounts) printed.push(`${a.role.padEnd(15)} ${a.email} / ${a.password}`);
    log.info({ accounts: accounts.length }, 'demo data loaded');
    // Asked for explicitly on a server database: its accounts share the published demo password,
    // and accounts have no "must change password" flag to force a change at first sign-in.
    if (config.databaseUrl || config.env === 'production') {
      log.warn(
        { accounts: accounts.length },
        'demo accounts share the published demo password: change or disable them before real use',
      );
    }
  }
  return { printed };
}
