/** HTTP for public posting, objections and award decisions. Rules live in the services. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import rateLimit from '@fastify/rate-limit';
import {
  AnswerObjectionBody,
  CreateDecisionBody,
  CreateObjectionBody,
  CreatePostingBody,
  Decision,
  DecisionListQuery,
  DecisionPage,
  IdParams,
  Objection,
  ObjectionList,
  ObjectionReceipt,
  Posting,
  PostingList,
  PublicPosting,
  SignedFileBody,
  IssueDecisionBody,
  UpdateDecisionBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { attachmentDisposition } from '../files/index.ts';
import {
  attachSignedFile,
  createDecision,
  decisionDocx,
  getDecision,
  issueDecision,
  listDecisions,
  updateDecision,
} from './decisions.service.ts';
import {
  answerObjection,
  createObjection,
  listObjections,
  listPostings,
  publicPosting,
  publishPosting,
} from './postings.service.ts';

const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docxResponse = {
  description: 'The decision as a Word document (Decree 30/2020 layout), with its list of awardees as an appendix',
  content: { [DOCX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
};

/**
 * Objections from the public, per client address: a person objects a few times at most; this bounds
 * a script that does not (the body itself is capped by the schema's lengths).
 */
export const OBJECTIONS_PER_TEN_MINUTES = 20;

const decisionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;
  // Only the routes that ask for it (config.rateLimit) are limited; 429 answers are problem+json.
  await app.register(rateLimit, { global: false });

  // ── posting ──
  app.post(
    '/campaigns/:id/postings',
    {
      config: { access: 'posting.manage', idempotent: true },
      schema: {
        tags: ['decisions'],
        summary:
          "Publish the campaign's approved dossiers (not yet in a decision) for the authority's number of working days",
        params: IdParams,
        body: CreatePostingBody,
        response: { 201: Posting, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const posting = await publishPosting(db(), ctxOf(request), request.params.id, request.body ?? {});
      setEtag(reply, posting.version);
      return reply.status(201).send(posting);
    },
  );

  app.get(
    '/campaigns/:id/postings',
    {
      config: { access: 'decision.read' },
      schema: {
        tags: ['decisions'],
        summary: "The campaign's public postings with their period, days left and objection counts, newest first",
        params: IdParams,
        response: { 200: PostingList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listPostings(db(), actorOf(request), request.params.id),
  );

  app.get(
    '/public/campaigns/:id/posting',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary:
          "The campaign's current public posting (nominees, award types, units, period, days left), without sign-in",
        params: IdParams,
        response: { 200: PublicPosting, ...errorResponses(404) },
      },
    },
    async (request) => publicPosting(db(), request.params.id),
  );

  app.post(
    '/public/postings/:id/objections',
    {
      config: {
        access: 'public',
        rateLimit: { max: OBJECTIONS_PER_TEN_MINUTES, timeWindow: '10 minutes' },
      },
      schema: {
        tags: ['public'],
        summary: 'Object to a posted list (name, contact, content), without sign-in, until the posting period ends',
        params: IdParams,
        body: CreateObjectionBody,
        response: { 201: ObjectionReceipt, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await createObjection(db(), request.params.id, request.body)),
  );

  app.get(
    '/postings/:id/objections',
    {
      config: { access: 'posting.manage' },
      schema: {
        tags: ['decisions'],
        summary: 'The objections to a posting, oldest first, with their answers',
        params: IdParams,
        response: { 200: ObjectionList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listObjections(db(), actorOf(request), request.params.id),
  );

  app.post(
    '/objections/:id/answer',
    {
      config: { access: 'posting.manage' },
      schema: {
        tags: ['decisions'],
        summary: "Record the office's answer to an objection (it then no longer blocks the decision)",
        params: IdParams,
        body: AnswerObjectionBody,
        response: { 200: Objection, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => answerObjection(db(), ctxOf(request), request.params.id, request.body),
  );

  // ── decisions ──
  app.post(
    '/campaigns/:id/decisions',
    {
      config: { access: 'decision.draft', idempotent: true },
      schema: {
        tags: ['decisions'],
        summary:
          'Draft an award decision from approved dossiers (by default every one of the campaign at the authority not yet in a decision), subject and grounds prefilled',
        params: IdParams,
        body: CreateDecisionBody,
        response: { 201: Decision, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const decision = await createDecision(db(), ctxOf(request), request.params.id, request.body ?? {});
      setEtag(reply, decision.version);
      return reply.status(201).header('location', `/api/v1/decisions/${decision.id}`).send(decision);
    },
  );

  app.get(
    '/decisions',
    {
      config: { access: 'decision.read' },
      schema: {
        tags: ['decisions'],
        summary: 'Award decisions of the authorities the caller reads, newest first, with awardees, bonuses and total',
        querystring: DecisionListQuery,
        response: { 200: DecisionPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listDecisions(db(), actorOf(request), request.query),
  );

  app.get(
    '/decisions/:id',
    {
      config: { access: 'decision.read' },
      schema: {
        tags: ['decisions'],
        summary:
          'An award decision with its awardees and the bonus each carries (coefficient × base salary in force on the decision date, or today for a draft)',
        params: IdParams,
        response: { 200: Decision, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const decision = await getDecision(db(), actorOf(request), request.params.id);
      setEtag(reply, decision.version);
      return decision;
    },
  );

  app.patch(
    '/decisions/:id',
    {
      config: { access: 'decision.draft' },
      schema: {
        tags: ['decisions'],
        summary: 'Change a draft decision: subject, grounds, recipients, fund, awardees, signer (If-Match required)',
        params: IdParams,
        body: UpdateDecisionBody,
        response: { 200: Decision, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const decision = await updateDecision(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, decision.version);
      return decision;
    },
  );

  app.post(
    '/decisions/:id/issue',
    {
      config: { access: 'decision.issue' },
      schema: {
        tags: ['decisions'],
        summary:
          "Issue the decision (the leader; If-Match): number from the authority's register, awards written, dossiers awarded",
        description:
          'Refused while the posting period has not ended or the dossiers were never posted (unless earlyIssueReason is given, which is stored), ' +
          'while objections are unanswered, or when no base salary is in force on decidedOn.',
        params: IdParams,
        body: IssueDecisionBody,
        response: { 200: Decision, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const decision = await issueDecision(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, decision.version);
      return decision;
    },
  );

  app.get(
    '/decisions/:id/document.docx',
    {
      config: { access: 'decision.read' },
      schema: {
        tags: ['decisions'],
        summary: 'The decision as DOCX in the Decree 30 layout (a draft has a blank number and date)',
        params: IdParams,
        response: { 200: docxResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const doc = await decisionDocx(db(), actorOf(request), request.params.id);
      return reply
        .type(DOCX_MEDIA_TYPE)
        .header('content-disposition', attachmentDisposition(doc.filename))
        .header('x-content-type-options', 'nosniff')
        .send(doc.content);
    },
  );

  app.put(
    '/decisions/:id/signed-file',
    {
      config: { access: 'decision.issue' },
      schema: {
        tags: ['decisions'],
        summary: 'Attach the signed scan of an issued decision (uploaded first through /files)',
        params: IdParams,
        body: SignedFileBody,
        response: { 200: Decision, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const decision = await attachSignedFile(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, decision.version);
      return decision;
    },
  );
};
export default decisionsRoutes;
