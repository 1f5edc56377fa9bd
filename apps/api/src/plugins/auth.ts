/**
 * Authentication and function-level authorization. Every /api route must declare who may call it
 * in `config.access`: 'public', 'authenticated' or a permission of the contract's table
 * (`'submission.accept'`); a route without it fails at start, so nothing is open by accident. The
 * declared access also feeds the OpenAPI document (`x-permission`) and the access-matrix test.
 * Object-level checks (which unit, whose record) are the services' `assertCan`.
 *
 * An account that must change its password (users.must_change_password: a password others know)
 * reaches only the routes that declare `config.beforePasswordChange` — reading itself, changing the
 * password, signing out; everything else answers 403 auth.password_change_required.
 */
import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { can, PERMISSIONS, refusalOf, type Permission } from '@thidua/contract';
import type { Config } from '../config.ts';
import type { Actor } from '../lib/actor.ts';
import { Forbidden, Unauthorized } from '../lib/errors.ts';
import { loadActor } from '../modules/auth/index.ts';

export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Open to an account that must change its password first (the routes it needs to do so). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    routeAccess: { method: string; url: string; access: Access }[];
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; tv: number };
    user: { sub: string; tv: number; aud: string; iss: string };
  }
}

export const JWT_AUDIENCE = 'thidua-api';
export const JWT_ISSUER = 'thidua';
export const JWT_ALGORITHM = 'HS256';

/** Outside PostgreSQL deployments a secret is generated once and kept beside the embedded database. */
function jwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(fastifyCookie);
    await app.register(fastifyJwt, {
      secret: jwtSecret(config),
      sign: { algorithm: JWT_ALGORITHM, expiresIn: config.accessTokenTtlSeconds, aud: JWT_AUDIENCE, iss: JWT_ISSUER },
      // fast-jwt checks aud, iss and exp only when the claim is present: require them, or a token
      // signed without exp would never expire and one without aud would be valid for any service.
      verify: {
        algorithms: [JWT_ALGORITHM],
        allowedAud: JWT_AUDIENCE,
        allowedIss: JWT_ISSUER,
        requiredClaims: ['sub', 'tv', 'aud', 'iss', 'exp', 'iat'],
      },
    });
    app.decorateRequest('actor', null);
    app.decorate('routeAccess', []);

    async function authenticate(request: FastifyRequest): Promise<Actor> {
      const header = request.headers.authorization;
      if (!header || !/^Bearer\s+\S+$/i.test(header)) throw Unauthorized();
      let claims: { sub: string; tv: number };
      try {
        claims = await request.jwtVerify();
      } catch {
        throw Unauthorized('auth.token_invalid');
      }
      // Claims reach SQL parameters: a string tv would be cast by PostgreSQL, an object sub would fail.
      if (typeof claims.sub !== 'string' || !Number.isInteger(claims.tv)) throw Unauthorized('auth.token_invalid');
      const actor = await loadActor(app.database.db, claims.sub, claims.tv);
      if (!actor) throw Unauthorized('auth.token_invalid');
      request.actor = actor;
      return actor;
    }

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
      if (access !== 'public' && access !== 'authenticated' && !(access in PERMISSIONS))
        throw new Error(`Route ${route.method} ${route.url} declares an unknown permission ${String(access)}`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
      }
      if (access === 'public') return;
      if (route.schema) route.schema.security = [{ bearerAuth: [] }];
      const hooks = route.onRequest ? [route.onRequest].flat() : [];
      const beforePasswordChange = route.config?.beforePasswordChange === true;
      route.onRequest = [
        async (request: FastifyRequest) => {
          const actor = await authenticate(request);
          if (actor.mustChangePassword && !beforePasswordChange) throw Forbidden('auth.password_change_required');
          if (access !== 'authenticated' && !can(actor, access)) throw Forbidden(refusalOf(access));
        },
        ...hooks,
      ];
    });

    // Authenticated answers are private to their caller: never cached.
    app.addHook('onSend', async (request, reply) => {
      if (request.actor) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
