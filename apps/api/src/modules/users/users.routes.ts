import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateUserBody,
  IdParams,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
  errorResponses,
} from '@thidua/contract';
import { ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/users',
    {
      config: { access: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'List accounts',
        querystring: UserListQuery,
        response: { 200: UserPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listUsers(db(), request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Read an account',
        params: IdParams,
        response: { 200: User, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = await getUser(db(), request.params.id);
      setEtag(reply, user.version);
      return user;
    },
  );

  app.post(
    '/users',
    {
      config: { access: 'user.manage', idempotent: true },
      schema: {
        tags: ['users'],
        summary: 'Create an account with roles',
        description:
          'Unit roles (unit_officer, unit_head, staff) must name their unit. The password must be hard to guess for this account (422 password.too_common / password.too_weak); the person changes it at their first sign-in unless mustChangePassword is false.',
        body: CreateUserBody,
        response: { 201: User, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = await createUser(db(), ctxOf(request), request.body);
      setEtag(reply, user.version);
      return reply.status(201).header('location', `/api/v1/users/${user.id}`).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Change an account: name, roles, disable, reset password (If-Match required)',
        description:
          "A role change, disabling or a password reset ends the account's existing sessions. A reset password must be hard to guess (422) and is changed by the person at their next sign-in unless mustChangePassword is false.",
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const user = await updateUser(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, user.version);
      return user;
    },
  );
};
export default usersRoutes;
