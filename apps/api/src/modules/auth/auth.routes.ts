import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { ChangePasswordBody, LoginBody, Me, Ok, TokenResponse, errorResponses } from '@thidua/contract';
import type { Config } from '../../config.ts';
import { NotFound } from '../../lib/errors.ts';
import { changeOwnPassword, login, logout, meOf, refresh, type AuthSettings, type SignedIn } from './auth.service.ts';
import { actorOf, ctxOf } from '../../lib/context.ts';

export const REFRESH_COOKIE = 'thidua_rt';
const COOKIE_PATH = '/api/v1/auth';

const authRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const settings: AuthSettings = {
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    maxFailuresPerAccount: config.loginMaxFailuresPerAccount,
    maxFailuresPerClient: config.loginMaxFailuresPerClient,
    throttleWindowSeconds: config.loginThrottleWindowSeconds,
  };
  const db = () => app.database.db;

  async function answer(reply: FastifyReply, s: SignedIn) {
    const accessToken = await reply.jwtSign({ sub: s.userId, tv: s.tokenVersion });
    reply.setCookie(REFRESH_COOKIE, s.refreshToken, {
      httpOnly: true,
      secure: 'auto',
      sameSite: 'strict',
      path: COOKIE_PATH,
      maxAge: config.refreshTokenTtlDays * 86_400,
    });
    reply.header('cache-control', 'no-store');
    return { accessToken, tokenType: 'Bearer' as const, expiresIn: config.accessTokenTtlSeconds, user: s.me };
  }

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'Returns a short-lived access token and sets a rotating refresh cookie (httpOnly). Throttled per account and per client: 429 with Retry-After.',
        body: LoginBody,
        response: { 200: TokenResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await login(db(), { actor: null, requestId: request.id }, settings, { ...request.body, clientIp: request.ip }),
      ),
  );

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Exchange the refresh cookie for a new access token',
        description: 'The refresh token rotates on each use; presenting an already used one revokes its whole family.',
        response: { 200: TokenResponse, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      try {
        return await answer(reply, await refresh(db(), settings, request.cookies[REFRESH_COOKIE]));
      } catch (err) {
        reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends every token of the account',
        response: { 200: Ok, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await logout(db(), ctxOf(request));
      reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      return { ok: true };
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'authenticated', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account with its roles',
        description:
          'mustChangePassword: true means every route but this one, POST /me/password and POST /auth/logout answers 403 auth.password_change_required until the password is changed.',
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => {
      const me = await meOf(db(), actorOf(request).userId);
      if (!me) throw NotFound('user');
      return me;
    },
  );

  app.post(
    '/me/password',
    {
      config: { access: 'authenticated', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change own password',
        description:
          "Ends every existing session of the account; sign in again afterwards. The new password must differ from the current one and be hard to guess (checkPasswordStrength: ≥ 8 characters, not a common password, zxcvbn score ≥ 3 counting the e-mail, the name and the product's words as known): 422 password.too_common / password.too_weak with the reason as the field error. Clears mustChangePassword.",
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses(400, 401, 422) },
      },
    },
    async (request) => {
      await changeOwnPassword(db(), ctxOf(request), request.body);
      return { ok: true };
    },
  );
};

export default authRoutes;
