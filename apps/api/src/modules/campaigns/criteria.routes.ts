/** HTTP for a campaign's criteria. Rules (validation, freeze once open) live in criteria.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateCriterionBody,
  CriteriaOrderBody,
  Criterion,
  CriterionList,
  CriterionListQuery,
  CriterionParams,
  IdParams,
  Ok,
  UpdateCriterionBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import {
  createCriterion,
  deleteCriterion,
  getCriterion,
  listCriteria,
  reorderCriteria,
  updateCriterion,
} from './criteria.service.ts';

const criteriaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/criteria',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['criteria'],
        summary: "A campaign's criteria in order",
        params: IdParams,
        querystring: CriterionListQuery,
        response: { 200: CriterionList, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ items: await listCriteria(db(), actorOf(request), request.params.id, request.query) }),
  );

  app.post(
    '/campaigns/:id/criteria',
    {
      config: { access: 'campaign.author', idempotent: true },
      schema: {
        tags: ['criteria'],
        summary:
          'Add a criterion to a draft campaign (field errors: ratio threshold 0–100 with a comparator, count threshold a whole number, derived needs a source …)',
        params: IdParams,
        body: CreateCriterionBody,
        response: { 201: Criterion, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const criterion = await createCriterion(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, criterion.version);
      return reply
        .status(201)
        .header('location', `/api/v1/campaigns/${request.params.id}/criteria/${criterion.id}`)
        .send(criterion);
    },
  );

  app.put(
    '/campaigns/:id/criteria/order',
    {
      config: { access: 'campaign.author' },
      schema: {
        tags: ['criteria'],
        summary: 'Reorder the criteria of a draft campaign: every criterion id, once, in the new order',
        params: IdParams,
        body: CriteriaOrderBody,
        response: { 200: CriterionList, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({ items: await reorderCriteria(db(), ctxOf(request), request.params.id, request.body.ids) }),
  );

  app.get(
    '/campaigns/:id/criteria/:criterionId',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['criteria'],
        summary: 'Read a criterion',
        params: CriterionParams,
        response: { 200: Criterion, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const criterion = await getCriterion(db(), actorOf(request), request.params.id, request.params.criterionId);
      setEtag(reply, criterion.version);
      return criterion;
    },
  );

  app.patch(
    '/campaigns/:id/criteria/:criterionId',
    {
      config: { access: 'campaign.author' },
      schema: {
        tags: ['criteria'],
        summary:
          'Change a criterion (If-Match); once the campaign is open only its guidance (else 409 criterion.frozen)',
        params: CriterionParams,
        body: UpdateCriterionBody,
        response: { 200: Criterion, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const criterion = await updateCriterion(
        db(),
        ctxOf(request),
        request.params.id,
        request.params.criterionId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, criterion.version);
      return criterion;
    },
  );

  app.delete(
    '/campaigns/:id/criteria/:criterionId',
    {
      config: { access: 'campaign.author' },
      schema: {
        tags: ['criteria'],
        summary: 'Remove a criterion from a draft campaign',
        params: CriterionParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await deleteCriterion(db(), ctxOf(request), request.params.id, request.params.criterionId);
      return { ok: true };
    },
  );
};
export default criteriaRoutes;
