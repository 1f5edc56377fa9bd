/** HTTP for the inspection findings register. Scope and lifecycle rules live in findings.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateFindingBody,
  Finding,
  FindingListQuery,
  FindingPage,
  FindingRemedyRateList,
  IdParams,
  RemedyFindingBody,
  ReopenFindingBody,
  UpdateFindingBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import {
  createFinding,
  getFinding,
  listFindings,
  listRemedyRates,
  remedyFinding,
  reopenFinding,
  updateFinding,
  verifyFinding,
} from './findings.service.ts';

const findingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/findings',
    {
      config: { access: 'finding.read' },
      schema: {
        tags: ['findings'],
        summary:
          "Inspection findings of a campaign, with counts and the share remedied; unit roles see only their own unit's",
        params: IdParams,
        querystring: FindingListQuery,
        response: { 200: FindingPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listFindings(db(), actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/campaigns/:id/findings/remedy-rates',
    {
      config: { access: 'finding.read' },
      schema: {
        tags: ['findings'],
        summary: '"% of findings remedied" (verified / all) per unit with findings; null when a unit has none',
        params: IdParams,
        response: { 200: FindingRemedyRateList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listRemedyRates(db(), actorOf(request), request.params.id) }),
  );

  app.post(
    '/campaigns/:id/findings',
    {
      config: { access: 'finding.record', idempotent: true },
      schema: {
        tags: ['findings'],
        summary: 'Record a finding of an inspection for a participating unit (the standing office)',
        params: IdParams,
        body: CreateFindingBody,
        response: { 201: Finding, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const finding = await createFinding(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, finding.version);
      return reply.status(201).header('location', `/api/v1/findings/${finding.id}`).send(finding);
    },
  );

  app.get(
    '/findings/:id',
    {
      config: { access: 'finding.read' },
      schema: {
        tags: ['findings'],
        summary: "Read a finding (another unit's answers 404)",
        params: IdParams,
        response: { 200: Finding, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const finding = await getFinding(db(), actorOf(request), request.params.id);
      setEtag(reply, finding.version);
      return finding;
    },
  );

  app.patch(
    '/findings/:id',
    {
      config: { access: 'finding.record' },
      schema: {
        tags: ['findings'],
        summary: 'Change the record of a finding not yet verified (If-Match required)',
        params: IdParams,
        body: UpdateFindingBody,
        response: { 200: Finding, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const finding = await updateFinding(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, finding.version);
      return finding;
    },
  );

  app.post(
    '/findings/:id/remedy',
    {
      config: { access: 'finding.remedy' },
      schema: {
        tags: ['findings'],
        summary: "The unit records its remedy with evidence (open → remedied; the unit's officer or head)",
        params: IdParams,
        body: RemedyFindingBody,
        response: { 200: Finding, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const finding = await remedyFinding(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, finding.version);
      return finding;
    },
  );

  app.post(
    '/findings/:id/verify',
    {
      config: { access: 'finding.verify' },
      schema: {
        tags: ['findings'],
        summary: 'Confirm the remedy (remedied → verified; the standing office, not for its own unit)',
        params: IdParams,
        response: { 200: Finding, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const finding = await verifyFinding(db(), ctxOf(request), request.params.id);
      setEtag(reply, finding.version);
      return finding;
    },
  );

  app.post(
    '/findings/:id/reopen',
    {
      config: { access: 'finding.reopen' },
      schema: {
        tags: ['findings'],
        summary: 'Send a remedied or verified finding back to open, with the reason',
        params: IdParams,
        body: ReopenFindingBody,
        response: { 200: Finding, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const finding = await reopenFinding(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, finding.version);
      return finding;
    },
  );
};
export default findingsRoutes;
