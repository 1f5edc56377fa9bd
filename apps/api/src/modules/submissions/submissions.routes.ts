/** HTTP for self-assessments, their versions and deadline extensions. Rules live in submissions.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AcceptSubmissionBody,
  CreateDeadlineExtensionBody,
  CreateSubmissionBody,
  DeadlineExtension,
  DeadlineExtensionList,
  IdParams,
  ReturnSubmissionBody,
  Submission,
  SubmissionListQuery,
  SubmissionPage,
  SubmissionVersion,
  SubmissionVersionDiff,
  SubmissionVersionList,
  SubmissionVersionParams,
  UpdateSubmissionBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import {
  acceptSubmission,
  createSubmission,
  diffVersion,
  extendDeadline,
  getSubmission,
  getVersion,
  listDeadlineExtensions,
  listSubmissions,
  listVersions,
  returnSubmission,
  submitSubmission,
  updateSubmission,
} from './submissions.service.ts';

const submissionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/submissions',
    {
      config: { access: 'submission.read' },
      schema: {
        tags: ['submissions'],
        summary:
          "Self-assessments of a campaign with their progress. Drafts are seen only inside their unit; unit roles see their own unit's, staff their own",
        params: IdParams,
        querystring: SubmissionListQuery,
        response: { 200: SubmissionPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listSubmissions(db(), actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/campaigns/:id/submissions',
    {
      config: { access: 'submission.write', idempotent: true },
      schema: {
        tags: ['submissions'],
        summary:
          "Start a self-assessment: the unit's (officer or head of an enrolled unit) or one's own (staff, when individuals take part)",
        params: IdParams,
        body: CreateSubmissionBody,
        response: { 201: Submission, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const submission = await createSubmission(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, submission.version);
      return reply.status(201).header('location', `/api/v1/submissions/${submission.id}`).send(submission);
    },
  );

  app.get(
    '/submissions/:id',
    {
      config: { access: 'submission.read' },
      schema: {
        tags: ['submissions'],
        summary:
          "Read a self-assessment: every criterion with its answer, evidence, evaluation and reason (another unit's, or a draft outside its unit, answers 404)",
        params: IdParams,
        response: { 200: Submission, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const submission = await getSubmission(db(), actorOf(request), request.params.id);
      setEtag(reply, submission.version);
      return submission;
    },
  );

  app.patch(
    '/submissions/:id',
    {
      config: { access: 'submission.write' },
      schema: {
        tags: ['submissions'],
        summary:
          'Autosave answers, notes and evidence of some criteria (If-Match required; only in draft or returned, else 409)',
        params: IdParams,
        body: UpdateSubmissionBody,
        response: { 200: Submission, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const submission = await updateSubmission(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, submission.version);
      return submission;
    },
  );

  app.post(
    '/submissions/:id/submit',
    {
      config: { access: 'submission.submit' },
      schema: {
        tags: ['submissions'],
        summary:
          "Submit (draft|returned → submitted): the unit's head, or the person. 409 submission.missing_evidence lists in errors[] the codes of criteria whose required evidence is missing; a first submit after the deadline is 409 submission.deadline_passed. Keeps a version",
        params: IdParams,
        response: { 200: Submission, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const submission = await submitSubmission(db(), ctxOf(request), request.params.id);
      setEtag(reply, submission.version);
      return submission;
    },
  );

  app.post(
    '/submissions/:id/return',
    {
      config: { access: 'submission.return' },
      schema: {
        tags: ['submissions'],
        summary:
          'Return for correction with the reason (submitted → returned; the standing office, never for its own unit)',
        params: IdParams,
        body: ReturnSubmissionBody,
        response: { 200: Submission, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const submission = await returnSubmission(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, submission.version);
      return submission;
    },
  );

  app.post(
    '/submissions/:id/accept',
    {
      config: { access: 'submission.accept' },
      schema: {
        tags: ['submissions'],
        summary:
          'Accept (submitted → accepted; the standing office, never for its own unit): 409 review.incomplete until every criterion is reviewed (PATCH /submissions/{id}/review), 409 review.not_confirmed while a second reviewer the campaign requires has not confirmed',
        params: IdParams,
        body: AcceptSubmissionBody,
        response: { 200: Submission, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const submission = await acceptSubmission(db(), ctxOf(request), request.params.id, request.body ?? {});
      setEtag(reply, submission.version);
      return submission;
    },
  );

  app.get(
    '/submissions/:id/versions',
    {
      config: { access: 'submission.read' },
      schema: {
        tags: ['submissions'],
        summary: 'The submitted versions, oldest first',
        params: IdParams,
        response: { 200: SubmissionVersionList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listVersions(db(), actorOf(request), request.params.id) }),
  );

  app.get(
    '/submissions/:id/versions/:n',
    {
      config: { access: 'submission.read' },
      schema: {
        tags: ['submissions'],
        summary: 'One submitted version as it was sent (answers, evaluations, derived values, files)',
        params: SubmissionVersionParams,
        response: { 200: SubmissionVersion, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getVersion(db(), actorOf(request), request.params.id, request.params.n),
  );

  app.get(
    '/submissions/:id/versions/:n/diff',
    {
      config: { access: 'submission.read' },
      schema: {
        tags: ['submissions'],
        summary: 'Version n compared with version n − 1, criterion by criterion',
        params: SubmissionVersionParams,
        response: { 200: SubmissionVersionDiff, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => diffVersion(db(), actorOf(request), request.params.id, request.params.n),
  );

  app.get(
    '/campaigns/:id/deadline-extensions',
    {
      config: { access: 'submission.read' },
      schema: {
        tags: ['submissions'],
        summary: "Units' extended self-assessment deadlines (unit roles see their own)",
        params: IdParams,
        response: { 200: DeadlineExtensionList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listDeadlineExtensions(db(), actorOf(request), request.params.id) }),
  );

  app.post(
    '/campaigns/:id/deadline-extensions',
    {
      config: { access: 'submission.extend_deadline', idempotent: true },
      schema: {
        tags: ['submissions'],
        summary:
          "Extend one enrolled unit's self-assessment deadline (and its staff's), with the reason; replaces an earlier extension; audited",
        params: IdParams,
        body: CreateDeadlineExtensionBody,
        response: { 201: DeadlineExtension, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await extendDeadline(db(), ctxOf(request), request.params.id, request.body)),
  );
};
export default submissionsRoutes;
