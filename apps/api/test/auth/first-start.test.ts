/**
 * First start (issue 10, point 7): the demo data, whose nine accounts share a published password,
 * comes unasked only with the embedded database. On PostgreSQL (DATABASE_URL) or with
 * NODE_ENV=production it takes DEMO_DATA=true, and then every demo account must change its password at
 * its first sign-in (users.must_change_password). The first administrator's ADMIN_PASSWORD obeys the
 * password rules; a generated one, printed to the console, must be changed too.
 */
import { describe, expect, it } from 'vitest';
import { count, eq, ne } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { bootstrap } from '../../src/bootstrap/bootstrap.ts';
import { openPglite } from '../../src/db/client.ts';
import { units, users } from '../../src/db/schema/index.ts';

const POSTGRES = 'postgres://thidua:secret@db.example:5432/thidua';
const SECRET = 'x'.repeat(32);

describe('DEMO_DATA defaults', () => {
  it('is on with the embedded database outside production', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).demoData).toBe(true);
  });

  it('is off on PostgreSQL and in production unless set to true', () => {
    expect(loadConfig({ DATABASE_URL: POSTGRES }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: POSTGRES, JWT_SECRET: SECRET }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: POSTGRES, DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('DEMO_DATA=false turns it off on the embedded database too', () => {
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });
});

describe('first start of an empty database', () => {
  const cases: { name: string; env: Record<string, string>; demo: boolean; warned?: boolean }[] = [
    {
      name: 'embedded database: the demo data is loaded, its accounts sign in with the published password',
      env: {},
      demo: true,
      warned: false,
    },
    {
      name: 'PostgreSQL with DEMO_DATA=true: the demo data is loaded, with a warning, and each demo account must change its password',
      env: { DATABASE_URL: POSTGRES, DEMO_DATA: 'true' },
      demo: true,
      warned: true,
    },
    {
      name: 'production with DEMO_DATA=true: each demo account must change its password',
      env: { NODE_ENV: 'production', DEMO_DATA: 'true' },
      demo: true,
      warned: true,
    },
    { name: 'PostgreSQL: only the administrator, no demo accounts', env: { DATABASE_URL: POSTGRES }, demo: false },
    { name: 'production: only the administrator, no demo accounts', env: { NODE_ENV: 'production' }, demo: false },
  ];
  for (const c of cases) {
    it(
      c.name,
      async () => {
        // The engine's condition is the config's; the start itself runs on an empty embedded database.
        const database = await openPglite(undefined);
        try {
          await database.migrate();
          const config = loadConfig({ ...c.env, ADMIN_PASSWORD: 'Quantri@Thidua2022' }, { database });
          const warnings: string[] = [];
          await bootstrap(database.db, config, {
            info() {},
            warn: (_o: unknown, msg?: string) => warnings.push(String(msg)),
          });
          const [u] = await database.db.select({ n: count() }).from(units);
          const [a] = await database.db.select({ n: count() }).from(users);
          expect((u?.n ?? 0) > 0).toBe(c.demo);
          // The administrator alone, or with the demo accounts.
          expect((a?.n ?? 0) > 1).toBe(c.demo);
          if (c.warned !== undefined) expect(warnings.some((w) => /demo password/.test(w))).toBe(c.warned);
          // The demo accounts must change their password exactly when the warning is given; the
          // administrator's ADMIN_PASSWORD was chosen by the operator.
          const flags = await database.db
            .select({ must: users.mustChangePassword })
            .from(users)
            .where(ne(users.email, config.adminEmail));
          expect(flags.every((f) => f.must === Boolean(c.warned))).toBe(true);
          const [admin] = await database.db
            .select({ must: users.mustChangePassword })
            .from(users)
            .where(eq(users.email, config.adminEmail));
          expect(admin?.must).toBe(false);
        } finally {
          await database.close();
        }
      },
      // Loading the demo data takes a while on a busy machine.
      120_000,
    );
  }
});

describe('the first administrator', () => {
  async function firstStart(env: Record<string, string>) {
    const database = await openPglite(undefined);
    await database.migrate();
    const config = loadConfig({ DEMO_DATA: 'false', ...env }, { database });
    const close = () => database.close();
    try {
      const report = await bootstrap(database.db, config, { info() {}, warn() {} });
      const [admin] = await database.db
        .select({ must: users.mustChangePassword })
        .from(users)
        .where(eq(users.email, config.adminEmail));
      return { report, admin };
    } finally {
      await close();
    }
  }

  it('a weak ADMIN_PASSWORD stops the start, saying why; no account is created', async () => {
    await expect(firstStart({ ADMIN_PASSWORD: 'thidua2026' })).rejects.toThrow(/ADMIN_PASSWORD is refused/);
    await expect(firstStart({ ADMIN_PASSWORD: 'admin@thidua.local' })).rejects.toThrow(/password\.weak\.personal/);
  }, 60_000);

  it('a generated password, handed over in plain text, must be changed at the first sign-in', async () => {
    const { report, admin } = await firstStart({});
    expect(report.printed.join('\n')).toMatch(/admin: .+ \/ \S{16}/);
    expect(admin?.must).toBe(true);
  }, 60_000);
});
