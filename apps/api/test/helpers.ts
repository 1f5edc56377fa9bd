/**
 * Test harness: the real app over HTTP on a fresh copy of the demo database (one per test file),
 * PGlite by default and PostgreSQL when TEST_DATABASE_URL is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import supertest from 'supertest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openPglite, openPostgres, type Database } from '../src/db/client.ts';
import { units, users } from '../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../src/bootstrap/demo-data.ts';
import { hashPassword, usePasswordHashing } from '../src/modules/auth/password-policy.ts';
import { injectClient, type InjectClient } from './inject-client.ts';
import { TEST_AUDIT_KEY } from './audit-key.ts';

export { DEMO_PASSWORD };

export const DEMO = {
  admin: 'admin@thidua.local',
  leader: 'lanhdao@thachha.gov.vn',
  secretariat: 'noivu@thachha.gov.vn',
  reception: 'motcua@thachha.gov.vn',
  communications: 'vanhoa@thachha.gov.vn',
  unitHead: 'chutich.thachhai@thachha.gov.vn',
  unitOfficer: 'canbo.thachhai@thachha.gov.vn',
  otherUnitOfficer: 'canbo.tuphap@thachha.gov.vn',
  staff: 'nhanvien.thachhai@thachha.gov.vn',
  observer: 'giamsat@hatinh.gov.vn',
} as const;
export const ADMIN_PASSWORD = 'Quantri@Thidua2022';
/**
 * The password of accounts the tests create through the API: it passes the strength rule (the demo
 * password, with the product's name in it, would not). Create them with `mustChangePassword: false`,
 * or their first sign-in reaches nothing but the password change.
 */
export const ACCOUNT_PASSWORD = 'Sen-hong-no-giua-dam-lang';
/** Every demo account (DEMO names those of Thạch Hà; the second authority, Thành Sen, has two more). */
const DEMO_EMAILS = new Set<string>([
  ...Object.values(DEMO),
  'noivu@thanhsen.hatinh.gov.vn',
  'canbo.vhxh@thanhsen.hatinh.gov.vn',
]);

/** True when the tests run on PostgreSQL (TEST_DATABASE_URL), false on PGlite. */
export const onPostgres = Boolean(inject('pgTemplate'));

export interface TestAppOptions {
  /** PostgreSQL only: reach the server at this address (a relay the test controls) instead. */
  postgresThrough?: { host: string; port: number };
}

let pgliteDump: Blob | undefined;

/**
 * PostgreSQL only: a fresh copy of the demo database. `url` reaches it as `options` say (directly, or
 * through a relay the test controls); `drop` removes it, whoever is still connected.
 */
export async function copyDemoDatabase(
  options: TestAppOptions = {},
): Promise<{ url: string; directUrl: string; drop: () => Promise<void> }> {
  const template = inject('pgTemplate');
  const adminUrl = inject('pgAdminUrl');
  const name = `thidua_t_${template.split('_').pop()}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  const directUrl = u.toString();
  if (options.postgresThrough) {
    u.hostname = options.postgresThrough.host;
    u.port = String(options.postgresThrough.port);
  }
  return {
    url: u.toString(),
    directUrl,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function freshDatabase(options: TestAppOptions = {}): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (inject('pgTemplate')) {
    const copy = await copyDemoDatabase(options);
    const database = await openPostgres(copy.url, 5);
    return {
      database,
      drop: async () => {
        await database.close();
        await copy.drop();
      },
    };
  }
  // Read once per worker: the files of a worker share this module (vitest.config.ts: isolate false).
  pgliteDump ??= new Blob([fs.readFileSync(inject('pgliteDump'))]);
  const database = await openPglite(undefined, pgliteDump);
  return { database, drop: () => database.close() };
}

export interface TestApp {
  app: FastifyInstance;
  /** The app through `app.inject()`, with supertest's chain (see inject-client.ts). */
  api: InjectClient;
  /** supertest over a real socket, for tests where the socket is the point (aborts, streaming). */
  http(): ReturnType<typeof supertest>;
  database: Database;
  config: Config;
  login(email: string, password?: string): Promise<string>;
  /** Authorization header value for a demo account (cached per file). */
  auth(email: string): Promise<string>;
  unitId(code: string): Promise<string>;
  userId(email: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The demo data carries the real (slow) argon2id hash of DEMO_PASSWORD, as a production start
 * writes it; an app with fastPasswordHashing gets the same password hashed at the fast cost, so
 * signing in as a demo account costs no more than the rest of a request.
 */
let fastDemoHash: Promise<string> | undefined;
async function cheapenDemoPasswords(database: Database): Promise<void> {
  fastDemoHash ??= hashPassword(DEMO_PASSWORD);
  const [leader] = await database.db.select({ h: users.passwordHash }).from(users).where(eq(users.email, DEMO.leader));
  if (!leader) return;
  await database.db
    .update(users)
    .set({ passwordHash: await fastDemoHash })
    .where(eq(users.passwordHash, leader.h));
}

export async function createTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const { database, drop } = await freshDatabase(options);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-data-'));
  const config = loadConfig(
    {},
    {
      env: 'test',
      logLevel: 'silent',
      dataDir,
      jwtSecret: randomBytes(32).toString('hex'),
      auditKey: TEST_AUDIT_KEY,
      serveWeb: false,
      corsOrigins: ['https://portal.example.gov.vn'],
      database,
      fastPasswordHashing: true,
      ...overrides,
    },
  );
  usePasswordHashing(config);
  if (config.fastPasswordHashing) await cheapenDemoPasswords(database);
  const app = await buildApp(config);
  // The first administrator, as the server's start-up creates it.
  const { bootstrap } = await import('../src/bootstrap/bootstrap.ts');
  await bootstrap(
    database.db,
    { ...config, adminEmail: DEMO.admin, adminPassword: ADMIN_PASSWORD, demoData: false },
    { info() {}, warn() {} },
  );
  await app.ready();
  const api = injectClient(app);
  const tokens = new Map<string, string>();
  const defaultPassword = (email: string) =>
    email === DEMO.admin ? ADMIN_PASSWORD : DEMO_EMAILS.has(email) ? DEMO_PASSWORD : ACCOUNT_PASSWORD;
  const login = async (email: string, password?: string) => {
    const res = await api.post('/api/v1/auth/login').send({ email, password: password ?? defaultPassword(email) });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  return {
    app,
    api,
    http: () => supertest(app.server),
    database,
    config,
    login,
    async auth(email) {
      if (!tokens.has(email)) tokens.set(email, await login(email));
      return `Bearer ${tokens.get(email)}`;
    },
    async unitId(code) {
      const [u] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
      if (!u) throw new Error(`no unit ${code}`);
      return u.id;
    },
    async userId(email) {
      const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!u) throw new Error(`no user ${email}`);
      return u.id;
    },
    async close() {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
