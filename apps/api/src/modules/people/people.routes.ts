import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreatePersonBody,
  IdParams,
  Ok,
  Person,
  PersonListQuery,
  PersonPage,
  UpdatePersonBody,
  errorResponses,
} from '@thidua/contract';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from './people.service.ts';

/** Admin and secretariat for every unit; unit heads and officers for their own unit (checked in the service). */

const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/people',
    {
      config: { access: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'List staff (search ignores diacritics)',
        querystring: PersonListQuery,
        response: { 200: PersonPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => listPeople(db(), actorOf(request), request.query),
  );

  app.get(
    '/people/:id',
    {
      config: { access: 'person.read' },
      schema: {
        tags: ['people'],
        summary: 'Read a staff member',
        params: IdParams,
        response: { 200: Person, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const person = await getPerson(db(), actorOf(request), request.params.id);
      setEtag(reply, person.version);
      return person;
    },
  );

  app.post(
    '/people',
    {
      config: { access: 'person.manage', idempotent: true },
      schema: {
        tags: ['people'],
        summary: 'Add a staff member to a unit',
        body: CreatePersonBody,
        response: { 201: Person, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const person = await createPerson(db(), ctxOf(request), request.body);
      setEtag(reply, person.version);
      return reply.status(201).header('location', `/api/v1/people/${person.id}`).send(person);
    },
  );

  app.patch(
    '/people/:id',
    {
      config: { access: 'person.manage' },
      schema: {
        tags: ['people'],
        summary: 'Change a staff member (If-Match required); archive with {archived: true}',
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: Person, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const person = await updatePerson(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, person.version);
      return person;
    },
  );

  app.delete(
    '/people/:id',
    {
      config: { access: 'person.manage' },
      schema: {
        tags: ['people'],
        summary: 'Delete an unreferenced staff member (409 when referenced: archive)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await deletePerson(db(), ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
};
export default peopleRoutes;
