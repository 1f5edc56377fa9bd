/** HTTP for enrolment (đăng ký thi đua). Scope rules live in enrollments.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateEnrollmentBody,
  Enrollment,
  EnrollmentParams,
  IdParams,
  ParticipantListQuery,
  ParticipantPage,
  UpdateEnrollmentBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { createEnrollment, getEnrollment, listParticipants, updateEnrollment } from './enrollments.service.ts';

const enrollmentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/enrollments',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['enrollments'],
        summary:
          'Participating units with their enrolment, if any (status=enrolled|not_enrolled); unit roles see only their own units',
        params: IdParams,
        querystring: ParticipantListQuery,
        response: { 200: ParticipantPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => listParticipants(db(), actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/campaigns/:id/enrollments',
    {
      config: { access: 'enrollment.manage', idempotent: true },
      schema: {
        tags: ['enrollments'],
        summary:
          "Enrol a participating unit while the campaign is open: a unit's officer or head for their own unit, the standing office for any",
        params: IdParams,
        body: CreateEnrollmentBody,
        response: { 201: Enrollment, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const enrollment = await createEnrollment(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, enrollment.version);
      return reply
        .status(201)
        .header('location', `/api/v1/campaigns/${request.params.id}/enrollments/${enrollment.id}`)
        .send(enrollment);
    },
  );

  app.get(
    '/campaigns/:id/enrollments/:enrollmentId',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['enrollments'],
        summary: "Read an enrolment (another unit's is 404 to unit roles)",
        params: EnrollmentParams,
        response: { 200: Enrollment, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const enrollment = await getEnrollment(db(), actorOf(request), request.params.id, request.params.enrollmentId);
      setEtag(reply, enrollment.version);
      return enrollment;
    },
  );

  app.patch(
    '/campaigns/:id/enrollments/:enrollmentId',
    {
      config: { access: 'enrollment.manage' },
      schema: {
        tags: ['enrollments'],
        summary: 'Change the commitment or the signed file of an enrolment while the campaign is open (If-Match)',
        params: EnrollmentParams,
        body: UpdateEnrollmentBody,
        response: { 200: Enrollment, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const enrollment = await updateEnrollment(
        db(),
        ctxOf(request),
        request.params.id,
        request.params.enrollmentId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, enrollment.version);
      return enrollment;
    },
  );
};
export default enrollmentsRoutes;
