/** HTTP for campaigns: CRUD, lifecycle actions, clone and export. Rules live in campaigns.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_TRANSITIONS,
  Campaign,
  CampaignListQuery,
  CampaignPage,
  CampaignTemplate,
  CloneCampaignBody,
  CreateCampaignBody,
  IdParams,
  Ok,
  UpdateCampaignBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { exportCampaign } from './templates.service.ts';
import {
  cloneCampaign,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  openSelfAssessmentEarly,
  transitionCampaign,
  updateCampaign,
} from './campaigns.service.ts';

const ACTION_SUMMARIES: Record<(typeof CAMPAIGN_ACTIONS)[number], string> = {
  open: 'Launch (phát động) a draft: needs at least one criterion, participants, and an end date not past',
  close: 'Close an open campaign (kết thúc đợt thi đua), by hand at any time',
  reopen: 'Reopen a closed campaign, until its self-assessment deadline',
  finalize: 'Finalize a closed campaign (tổng kết) once its decisions are issued',
  archive: 'Archive a finalized campaign',
};

const campaignsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['campaigns'],
        summary: 'List campaigns (drafts only for the standing office, admins and leaders; q ignores diacritics)',
        querystring: CampaignListQuery,
        response: { 200: CampaignPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => listCampaigns(db(), actorOf(request), request.query),
  );

  app.post(
    '/campaigns',
    {
      config: { access: 'campaign.author', idempotent: true },
      schema: {
        tags: ['campaigns'],
        summary: 'Create a draft campaign, from a template with {templateId, …} or from scratch',
        body: CreateCampaignBody,
        response: { 201: Campaign, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const campaign = await createCampaign(db(), ctxOf(request), request.body);
      setEtag(reply, campaign.version);
      return reply.status(201).header('location', `/api/v1/campaigns/${campaign.id}`).send(campaign);
    },
  );

  app.get(
    '/campaigns/:id',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['campaigns'],
        summary: 'Read a campaign',
        params: IdParams,
        response: { 200: Campaign, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const campaign = await getCampaign(db(), actorOf(request), request.params.id);
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  app.patch(
    '/campaigns/:id',
    {
      config: { access: 'campaign.author' },
      schema: {
        tags: ['campaigns'],
        summary:
          'Change a campaign (If-Match). Drafts: any field; open or closed: number, issue date, deadlines, attachments',
        params: IdParams,
        body: UpdateCampaignBody,
        response: { 200: Campaign, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const campaign = await updateCampaign(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  app.delete(
    '/campaigns/:id',
    {
      config: { access: 'campaign.author' },
      schema: {
        tags: ['campaigns'],
        summary: 'Delete a draft campaign with its criteria',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await deleteCampaign(db(), ctxOf(request), request.params.id);
      return { ok: true };
    },
  );

  for (const action of CAMPAIGN_ACTIONS) {
    const { from, to } = CAMPAIGN_TRANSITIONS[action];
    app.post(
      `/campaigns/:id/${action}`,
      {
        config: { access: `campaign.${action}` as const },
        schema: {
          tags: ['campaigns'],
          summary: `${ACTION_SUMMARIES[action]} (${from.join(' | ')} → ${to}; see x-permission)`,
          description:
            'An illegal move answers 409 with code campaign.illegal_transition (or the unmet condition); of concurrent identical moves one succeeds.',
          params: IdParams,
          response: { 200: Campaign, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const campaign = await transitionCampaign(db(), ctxOf(request), request.params.id, action);
        setEtag(reply, campaign.version);
        return campaign;
      },
    );
  }

  app.post(
    '/campaigns/:id/open-self-assessment-early',
    {
      config: { access: 'campaign.open' },
      schema: {
        tags: ['campaigns'],
        summary: 'Let self-assessments start before the first day of a launched campaign, on purpose',
        description:
          'Only while the campaign is upcoming (open, startsOn ahead): otherwise 409 campaign.not_upcoming. Sets selfAssessmentOpenedEarlyAt; a second call changes nothing. Audited.',
        params: IdParams,
        response: { 200: Campaign, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const campaign = await openSelfAssessmentEarly(db(), ctxOf(request), request.params.id);
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  app.post(
    '/campaigns/:id/clone',
    {
      config: { access: 'campaign.author', idempotent: true },
      schema: {
        tags: ['campaigns'],
        summary:
          'Clone a campaign into a new draft with its criteria, dates moved to another year or by a number of days',
        params: IdParams,
        body: CloneCampaignBody,
        response: { 201: Campaign, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const campaign = await cloneCampaign(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, campaign.version);
      return reply.status(201).header('location', `/api/v1/campaigns/${campaign.id}`).send(campaign);
    },
  );

  app.get(
    '/campaigns/:id/export',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['campaigns', 'campaign-templates'],
        summary: 'Export a campaign as a versioned JSON template (thidua.campaign-template, version 1)',
        params: IdParams,
        response: { 200: CampaignTemplate, ...errorResponses(401, 404) },
      },
    },
    async (request) => exportCampaign(db(), await getCampaign(db(), actorOf(request), request.params.id)),
  );
};
export default campaignsRoutes;
