/** HTTP for the initiatives register. Scope and lifecycle rules live in initiatives.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateInitiativeBody,
  IdParams,
  Initiative,
  InitiativeListQuery,
  InitiativePage,
  RecogniseInitiativeBody,
  UpdateInitiativeBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import {
  createInitiative,
  getInitiative,
  listInitiatives,
  recogniseInitiative,
  updateInitiative,
} from './initiatives.service.ts';

const initiativesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/initiatives',
    {
      config: { access: 'initiative.read' },
      schema: {
        tags: ['initiatives'],
        summary: "List initiatives (unit roles: their unit's; staff: those they author), with the recognised count",
        querystring: InitiativeListQuery,
        response: { 200: InitiativePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listInitiatives(db(), actorOf(request), request.query),
  );

  app.post(
    '/initiatives',
    {
      config: { access: 'initiative.write', idempotent: true },
      schema: {
        tags: ['initiatives'],
        summary:
          'Record an initiative for a unit (the office for any unit, unit roles for their own, staff as an author)',
        body: CreateInitiativeBody,
        response: { 201: Initiative, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const initiative = await createInitiative(db(), ctxOf(request), request.body);
      setEtag(reply, initiative.version);
      return reply.status(201).header('location', `/api/v1/initiatives/${initiative.id}`).send(initiative);
    },
  );

  app.get(
    '/initiatives/:id',
    {
      config: { access: 'initiative.read' },
      schema: {
        tags: ['initiatives'],
        summary: "Read an initiative (another unit's answers 404)",
        params: IdParams,
        response: { 200: Initiative, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const initiative = await getInitiative(db(), actorOf(request), request.params.id);
      setEtag(reply, initiative.version);
      return initiative;
    },
  );

  app.patch(
    '/initiatives/:id',
    {
      config: { access: 'initiative.write' },
      schema: {
        tags: ['initiatives'],
        summary: 'Change an initiative not yet recognised (If-Match required)',
        params: IdParams,
        body: UpdateInitiativeBody,
        response: { 200: Initiative, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const initiative = await updateInitiative(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, initiative.version);
      return initiative;
    },
  );

  app.post(
    '/initiatives/:id/recognise',
    {
      config: { access: 'initiative.recognise' },
      schema: {
        tags: ['initiatives'],
        summary:
          'Record the recognition of an initiative: authority, decision number, date and the decision file (registered → recognised)',
        params: IdParams,
        body: RecogniseInitiativeBody,
        response: { 200: Initiative, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const initiative = await recogniseInitiative(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, initiative.version);
      return initiative;
    },
  );
};
export default initiativesRoutes;
