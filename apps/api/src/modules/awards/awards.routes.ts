/** HTTP for the award register: the list and its XLSX, one award, histories per unit and person, revocation, the public list. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  Award,
  AwardHistoryQuery,
  AwardListQuery,
  AwardPage,
  IdParams,
  PublicAwardList,
  RevokeAwardBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { attachmentDisposition } from '../files/index.ts';
import { todayInVietnam } from '../campaigns/index.ts';
import { XLSX_MEDIA_TYPE, exportFileName } from './awards.export.ts';
import {
  exportAwards,
  getAward,
  listAwards,
  personAwards,
  publicCampaignAwards,
  revokeAward,
  unitAwards,
} from './awards.service.ts';

function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  return reply
    .type(XLSX_MEDIA_TYPE)
    .header('content-disposition', attachmentDisposition(name))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

const reach =
  "The authority's roles see the awards of the units within their authority, unit roles their own unit's, staff their own.";

const awardsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/awards',
    {
      config: { access: 'award.read' },
      schema: {
        tags: ['awards'],
        summary: 'The award register: every award of an issued decision, newest decision first (revoked ones marked)',
        description: reach,
        querystring: AwardListQuery,
        response: { 200: AwardPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAwards(db(), actorOf(request), request.query),
  );

  app.get(
    '/awards.xlsx',
    {
      config: { access: 'award.read' },
      schema: {
        tags: ['awards'],
        summary: 'The award register as XLSX, with the same filters (Vietnamese headers, amounts as numbers)',
        description: reach,
        querystring: AwardListQuery,
        response: {
          200: {
            description: 'The register workbook',
            content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const today = todayInVietnam();
      const xlsx = await exportAwards(db(), actorOf(request), request.query, today);
      return sendXlsx(reply, exportFileName(today), xlsx);
    },
  );

  app.get(
    '/awards/:id',
    {
      config: { access: 'award.read' },
      schema: {
        tags: ['awards'],
        summary: 'One award of the register (out of reach: 404)',
        params: IdParams,
        response: { 200: Award, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const award = await getAward(db(), actorOf(request), request.params.id);
      setEtag(reply, award.version);
      return award;
    },
  );

  app.post(
    '/awards/:id/revoke',
    {
      config: { access: 'award.revoke' },
      schema: {
        tags: ['awards'],
        summary: 'Revoke an award with a reason (If-Match); it stays in the register, marked. Audited with the reason.',
        params: IdParams,
        body: RevokeAwardBody,
        response: { 200: Award, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const award = await revokeAward(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, award.version);
      return award;
    },
  );

  app.get(
    '/units/:id/awards',
    {
      config: { access: 'award.read' },
      schema: {
        tags: ['awards'],
        summary: "A unit's award history: its collective awards and its people's, as far as the caller sees them",
        description: reach,
        params: IdParams,
        querystring: AwardHistoryQuery,
        response: { 200: AwardPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => unitAwards(db(), actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/people/:id/awards',
    {
      config: { access: 'award.read' },
      schema: {
        tags: ['awards'],
        summary: "A person's award history, as far as the caller sees it",
        description: reach,
        params: IdParams,
        querystring: AwardHistoryQuery,
        response: { 200: AwardPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => personAwards(db(), actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/public/campaigns/:id/awards',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary:
          'The awards of a finalized campaign, without sign-in: recipient, unit, award type, decision number and date ' +
          '(no bonus amounts; revoked awards left out). 404 for a campaign the public does not see, 409 before it is finalized.',
        params: IdParams,
        response: { 200: PublicAwardList, ...errorResponses(404, 409) },
      },
    },
    async (request) => publicCampaignAwards(db(), request.params.id),
  );
};
export default awardsRoutes;
