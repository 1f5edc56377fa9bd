import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateUnitBody,
  IdParams,
  LevelNames,
  Ok,
  Unit,
  UnitListQuery,
  UnitPage,
  UnitTree,
  UpdateUnitBody,
  errorResponses,
} from '@thidua/contract';
import Type from 'typebox';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { createUnit, deleteUnit, getUnit, listUnits, unitTree, updateUnit } from './units.service.ts';
import { getLevelNames, putSetting } from '../settings/index.ts';

const unitsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/units',
    {
      config: { access: 'unit.read' },
      schema: {
        tags: ['units'],
        summary: 'List units (search ignores diacritics)',
        querystring: UnitListQuery,
        response: { 200: UnitPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => listUnits(db(), actorOf(request), request.query),
  );

  app.get(
    '/units/tree',
    {
      config: { access: 'unit.read' },
      schema: {
        tags: ['units'],
        summary: 'The whole unit tree, depth-first in display order',
        querystring: Type.Object({ includeArchived: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: UnitTree, ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await unitTree(db(), actorOf(request), request.query.includeArchived ?? false) }),
  );

  app.get(
    '/units/level-names',
    {
      config: { access: 'unit.read' },
      schema: {
        tags: ['units'],
        summary: 'Names of the tree levels, root first',
        response: { 200: LevelNames, ...errorResponses(401) },
      },
    },
    async () => ({ levels: await getLevelNames(db()) }),
  );

  app.put(
    '/units/level-names',
    {
      config: { access: 'unit.manage' },
      schema: {
        tags: ['units'],
        summary: 'Rename the tree levels',
        body: LevelNames,
        response: { 200: LevelNames, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await db().transaction((tx) => putSetting(tx, ctxOf(request), 'unit.levelNames', request.body.levels));
      return { levels: await getLevelNames(db()) };
    },
  );

  app.get(
    '/units/:id',
    {
      config: { access: 'unit.read' },
      schema: {
        tags: ['units'],
        summary: 'Read a unit',
        params: IdParams,
        response: { 200: Unit, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const unit = await getUnit(db(), actorOf(request), request.params.id);
      setEtag(reply, unit.version);
      return unit;
    },
  );

  app.post(
    '/units',
    {
      config: { access: 'unit.manage', idempotent: true },
      schema: {
        tags: ['units'],
        summary: 'Create a unit',
        body: CreateUnitBody,
        response: { 201: Unit, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const unit = await createUnit(db(), ctxOf(request), request.body);
      setEtag(reply, unit.version);
      return reply.status(201).header('location', `/api/v1/units/${unit.id}`).send(unit);
    },
  );

  app.patch(
    '/units/:id',
    {
      config: { access: 'unit.manage' },
      schema: {
        tags: ['units'],
        summary: 'Change a unit (If-Match required); archive with {archived: true}',
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: Unit, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const unit = await updateUnit(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, unit.version);
      return unit;
    },
  );

  app.delete(
    '/units/:id',
    {
      config: { access: 'unit.manage' },
      schema: {
        tags: ['units'],
        summary: 'Delete an unreferenced unit (409 when referenced: archive it)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await deleteUnit(db(), ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
};
export default unitsRoutes;
