/**
 * The one reader of process.env: a TypeBox schema over the environment, turned into typed config.
 * Tests and tools pass overrides to loadConfig() instead of touching the environment.
 */
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import net from 'node:net';
import path from 'node:path';
import type { Database } from './db/client.ts';

const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '0.0.0.0' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_MIGRATION_URL: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'PostgreSQL as the role that owns the tables: runs the migrations, while DATABASE_URL connects as a role that may not alter them (docs/security.md)',
    }),
  ),
  DATA_DIR: Type.String({ default: './data' }),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  AUDIT_KEY: Type.Optional(
    Type.String({
      minLength: 32,
      description:
        "The audit chain's HMAC key (at least 32 characters); unset: generated under DATA_DIR, except on PostgreSQL in production where it is required",
    }),
  ),
  AUDIT_CHECKPOINT_INTERVAL_MINUTES: Type.Integer({
    minimum: 1,
    default: 60,
    description: "How often the audit chain's head is anchored in a signed file under DATA_DIR/audit-checkpoints",
  }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 900, default: 900 }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 14 }),
  ADMIN_EMAIL: Type.String({ default: 'admin@thidua.local' }),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 8 })),
  DEMO_DATA: Type.Optional(
    Type.Boolean({
      description:
        'Load the demo data on the first start of an empty database (default: on with the embedded database only)',
    }),
  ),
  CORS_ORIGINS: Type.String({ default: '', description: 'Comma-separated list of allowed origins' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: Type.Integer({ minimum: 1, default: 5 }),
  LOGIN_MAX_FAILURES_PER_CLIENT: Type.Integer({ minimum: 1, default: 20 }),
  LOGIN_THROTTLE_WINDOW_SECONDS: Type.Integer({ minimum: 1, default: 900 }),
  UPLOAD_MAX_BYTES: Type.Integer({ minimum: 1024, default: 25 * 1024 * 1024 }),
  BLOB_STORE: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local' }),
  FILE_ORPHAN_MIN_AGE_MINUTES: Type.Integer({
    minimum: 1,
    default: 60,
    description: 'Stored blobs without a row are deleted once this old',
  }),
  FILE_SWEEP_INTERVAL_MINUTES: Type.Integer({
    minimum: 0,
    default: 60,
    description: 'How often orphan blobs are swept (0: only at start)',
  }),
  S3_ENDPOINT: Type.Optional(Type.String()),
  S3_REGION: Type.String({ default: 'us-east-1' }),
  S3_BUCKET: Type.String({ default: 'thidua' }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String()),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String()),
  JOBS_ENABLED: Type.Optional(
    Type.Boolean({ description: 'Run background jobs in this instance (default: on, except when NODE_ENV=test)' }),
  ),
  JOBS_INTERVAL_MS: Type.Integer({ minimum: 100, default: 60_000, description: 'How often the jobs runner ticks' }),
  JOBS_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 20, description: 'Jobs claimed at once' }),
  JOBS_LOCK_SECONDS: Type.Integer({
    minimum: 10,
    default: 600,
    description: 'How long a claimed job stays held; past that, another instance takes it back (its holder crashed)',
  }),
  SERVE_WEB: Type.Boolean({ default: true }),
  WEB_DIST: Type.String({ default: '' }),
  TRUST_PROXY: Type.String({
    default: 'false',
    description:
      'Proxies whose X-Forwarded-* are believed: a hop count (true = 1), or a comma-separated list of addresses/CIDRs (or loopback, linklocal, uniquelocal); false: none',
  }),
  SMTP_URL: Type.Optional(
    Type.String({ description: 'smtp(s)://user:pass@host:port for e-mail; unset: e-mails are written to the log' }),
  ),
  MAIL_FROM: Type.String({ default: 'ThiĐua <no-reply@thidua.local>' }),
  PUBLIC_URL: Type.String({
    default: 'http://localhost:3000',
    description: 'Where people open the web app: the base of the links in e-mails',
  }),
});
type Env = Static<typeof Env>;

export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted in a TRUST_PROXY list. */
const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY as Fastify takes it. `true` means the one proxy in front (1 hop), not every hop: with
 * Fastify's `true` the address would be the first X-Forwarded-For entry, which the client writes.
 */

export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of entries) {
    if (PROXY_PRESETS.includes(e)) continue;
    const [address, bits, ...rest] = e.split('/');
    const family = net.isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || rest.length) {
      throw new Error(`Invalid environment:\n  /TRUST_PROXY "${e}" is not a hop count, an address, a CIDR or a preset`);
    }
  }
  return entries;
}

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  databaseUrl: string | undefined;
  /** The tables' owner, for the migrations only; undefined: DATABASE_URL's role migrates. */
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  jwtSecret: string | undefined;
  /** The audit chain's HMAC key (AUDIT_KEY); undefined: kept in DATA_DIR/audit-key (modules/audit/audit-key.ts). */
  auditKey: string | undefined;
  auditCheckpointIntervalMinutes: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  adminEmail: string;
  adminPassword: string | undefined;
  demoData: boolean;
  corsOrigins: string[];
  logLevel: string;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerClient: number;
  loginThrottleWindowSeconds: number;
  uploadMaxBytes: number;
  blobStore: 'local' | 's3';
  fileOrphanMinAgeMinutes: number;
  fileSweepIntervalMinutes: number;
  s3: {
    endpoint: string | undefined;
    region: string;
    bucket: string;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
  };
  /** Background jobs (lib/jobs.ts): whether this instance runs them, how often, how many at once, how long it holds one. */
  jobs: { enabled: boolean; intervalMs: number; batchSize: number; lockSeconds: number };
  serveWeb: boolean;
  webDist: string;
  /**
   * Which proxies in front are believed about the client's address and protocol (Fastify's
   * trustProxy): false, a number of hops, or a list of addresses/CIDRs. Never "everyone": the
   * client writes the first X-Forwarded-For entry itself.
   */
  trustProxy: TrustProxy;
  /** SMTP server for e-mail (nodemailer URL); undefined: e-mails go to the log and the outbox only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The web app's address, without a trailing slash: links in e-mails start with it. */
  publicUrl: string;
  /** Test-only: an already-open database to use instead of opening one. */
  database?: Database;
  /** Test-only: where the JSON log lines go instead of standard output. */
  logStream?: { write(line: string): void };
  /**
   * Test-only: hash new passwords with argon2id at its lowest cost instead of m = 19 MiB, t = 2, so a
   * suite that creates and signs in accounts hundreds of times does not spend its time hashing.
   * Refused unless env is 'test'; there is no environment variable for it.
   */
  fastPasswordHashing?: boolean;
}

export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const v = source[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const converted = Value.Default(Env, Value.Convert(Env, raw));
  if (!Value.Check(Env, converted)) {
    const problems = [...Value.Errors(Env, converted)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const env = converted as Env;
  const config: Config = {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL,
    dataDir: path.resolve(env.DATA_DIR),
    jwtSecret: env.JWT_SECRET,
    auditKey: env.AUDIT_KEY,
    auditCheckpointIntervalMinutes: env.AUDIT_CHECKPOINT_INTERVAL_MINUTES,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    adminEmail: env.ADMIN_EMAIL.toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD,
    // Demo accounts share a published password: only the embedded database (a trial on one machine)
    // gets them unasked; on PostgreSQL or in production they take DEMO_DATA=true.
    demoData:
      env.DEMO_DATA ??
      (!(overrides.databaseUrl ?? env.DATABASE_URL) && (overrides.env ?? env.NODE_ENV) !== 'production'),
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL,
    loginMaxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerClient: env.LOGIN_MAX_FAILURES_PER_CLIENT,
    loginThrottleWindowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    blobStore: env.BLOB_STORE,
    fileOrphanMinAgeMinutes: env.FILE_ORPHAN_MIN_AGE_MINUTES,
    fileSweepIntervalMinutes: env.FILE_SWEEP_INTERVAL_MINUTES,
    s3: {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    },
    jobs: {
      // Off in tests, which drive the runner's ticks themselves with a clock of their own.
      enabled: env.JOBS_ENABLED ?? (overrides.env ?? env.NODE_ENV) !== 'test',
      intervalMs: env.JOBS_INTERVAL_MS,
      batchSize: env.JOBS_BATCH_SIZE,
      lockSeconds: env.JOBS_LOCK_SECONDS,
    },
    serveWeb: env.SERVE_WEB,
    webDist: env.WEB_DIST ? path.resolve(env.WEB_DIST) : path.resolve(import.meta.dirname, '../../web/dist'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    ...overrides,
  };
  if (config.databaseUrl && !config.jwtSecret && config.env === 'production') {
    throw new Error('JWT_SECRET (at least 32 bytes) must be set when running on PostgreSQL in production');
  }
  if (config.fastPasswordHashing && config.env !== 'test') {
    throw new Error('fastPasswordHashing is for tests only (env must be test)');
  }
  return config;
}
