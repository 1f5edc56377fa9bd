/**
 * buildApp(config): the whole API as a Fastify instance, without listening. Plugins first
 * (errors, security headers, database, auth, idempotency, docs), then the modules, then the SPA.
 * It holds the background jobs runner (`app.jobs`) without starting it: server.ts starts it, tests tick it.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import { randomUUID } from 'node:crypto';
import AjvCompiler from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import errorsPlugin, { routerProblem, sendProblem } from './plugins/errors.ts';
import bodyPlugin from './plugins/body.ts';
import dbPlugin from './plugins/db.ts';
import authPlugin from './plugins/auth.ts';
import idempotencyPlugin from './plugins/idempotency.ts';
import openapiPlugin from './plugins/openapi.ts';
import { sendIndex, serveWebApp } from './plugins/web.ts';
import { healthRoutes } from './modules/health/index.ts';
import { apiModules, prepareModules } from './modules/index.ts';
import { loadAuditKey, useAuditKey } from './modules/audit/index.ts';
import { createJobRunner, type JobRunner } from './lib/jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The background jobs runner; server.ts starts it when config.jobs.enabled, tests tick it themselves. */
    jobs: JobRunner;
  }
}

const ajvCompilers = AjvCompiler();
const serializerCompilers = SerializerSelector();

type Compiled = ((...args: never[]) => unknown) & { errors?: unknown; schemaEnv?: unknown };
/**
 * A route's validator or serializer, compiled on its first use instead of before the server listens:
 * compiling those of every route was a second of each start (docs/performance.md). Fastify reads
 * a validator's `errors` after a failed call and checks `schemaEnv` (Ajv's) before calling it.
 */
function compiledOnFirstUse<F extends Compiled>(compile: () => F): F {
  let compiled: F | undefined;
  const get = () => (compiled ??= compile());
  const lazy = (...args: Parameters<F>) => get()(...args);
  Object.defineProperties(lazy, { errors: { get: () => get().errors }, schemaEnv: { get: () => get().schemaEnv } });
  return lazy as unknown as F;
}

export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
                '*.password',
                '*.currentPassword',
                '*.newPassword',
                '*.accessToken',
                '*.refreshToken',
              ],
              censor: '[redacted]',
            },
            ...(config.logStream ? { stream: config.logStream } : {}),
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    trustProxy: trustProxyOf(config.trustProxy),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    // Query strings and path parameters are text, so their numbers and booleans are read from it;
    // a JSON body carries its own types, and "5", 123 or {…} where a number, string or array belongs
    // is a client error, not something to convert (`roles: {…}` would otherwise become `[{…}]`).
    schemaController: {
      compilersFactory: {
        buildValidator: (externalSchemas, options) => {
          const opts = options as { customOptions?: Record<string, unknown> } | undefined;
          const lenient = ajvCompilers(externalSchemas, opts as never);
          const strict = ajvCompilers(externalSchemas, {
            ...opts,
            customOptions: { ...opts?.customOptions, coerceTypes: false },
          } as never);
          return (route) => compiledOnFirstUse(() => (route.httpPart === 'body' ? strict(route) : lenient(route)));
        },
        buildSerializer: (externalSchemas, options) => {
          const compile = serializerCompilers(externalSchemas, options);
          return (route) => compiledOnFirstUse(() => compile(route));
        },
      },
    },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: routerProblem,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(bodyPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // helmet adds upgrade-insecure-requests by default, which breaks a plain-http install
        // reached by address (not localhost); TLS is the proxy's job (HSTS is sent when it is).
        upgradeInsecureRequests: null,
      },
    },
    // Sent below, only over TLS: HSTS over plain HTTP is ignored by browsers and misleads a probe.
    strictTransportSecurity: false,
  });
  // `request.protocol` is https for a TLS socket, or when a trusted proxy (TRUST_PROXY) reports it.
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin ? false : config.corsOrigins.includes(origin)),
    credentials: true,
    // The methods and request headers the API uses (optimistic locking, idempotent creates).
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'If-Match',
      'If-None-Match',
      'Idempotency-Key',
      'Accept-Language',
      'X-Request-Id',
    ],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Content-Disposition'],
  });

  // The audit chain's key is the process's: set before anything can write an audit event.
  useAuditKey(loadAuditKey(config));
  const database: Database = config.database ?? (await openDatabase(config));
  await app.register(dbPlugin, { database });
  await app.register(authPlugin, { config });
  await app.register(idempotencyPlugin);
  await app.register(openapiPlugin);

  await app.register(healthRoutes);
  prepareModules();
  for (const mod of apiModules)
    for (const routes of mod.routes) await app.register(routes, { prefix: '/api/v1', config });

  app.decorate('jobs', createJobRunner({ db: database.db, config, log: app.log, modules: apiModules }));
  // Before the database closes (onClose): the tick under way finishes first.
  app.addHook('preClose', async () => app.jobs.stop());

  const serveWeb = config.serveWeb && (await serveWebApp(app, config.webDist));
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (serveWeb && request.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/health/')) {
      // The SPA's routes are resolved in the browser.
      return sendIndex(reply);
    }
    return sendProblem(request, reply, 404, 'request.route_not_found');
  });

  app.addHook('onClose', async () => {
    if (!config.database) await database.close();
  });
  return app;
}

/**
 * Fastify refuses a bare hop count (it trusts no hop then), so the count becomes the function it
 * would have been: the socket's peer and the next n − 1 X-Forwarded-For entries, read from the
 * right, are proxies. This holds only when the API cannot be reached around the proxy
 * (docs/operations.md); a list of the proxies' addresses holds either way.
 */
function trustProxyOf(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  const hops = setting;
  return (_address, hop) => hop < hops;
}
