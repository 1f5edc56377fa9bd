/** HTTP for the office's review of a self-assessment and the second reviewer's confirmation. Rules live in reviews.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, SubmissionReview, UpdateReviewBody, errorResponses } from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { confirmReview, getReview, updateReview } from './reviews.service.ts';

const reviewsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/submissions/:id/review',
    {
      config: { access: 'submission.read' },
      schema: {
        tags: ['submissions'],
        summary:
          "The review of a self-assessment: per criterion the automatic evaluation beside the reviewer's verdict, score and comment, and the four-eyes state. The assessed unit sees it once the submission is returned or accepted (withheld: true before). ETag: the submission's version",
        params: IdParams,
        response: { 200: SubmissionReview, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const review = await getReview(db(), actorOf(request), request.params.id);
      setEtag(reply, review.version);
      return review;
    },
  );

  app.patch(
    '/submissions/:id/review',
    {
      config: { access: 'submission.review' },
      schema: {
        tags: ['submissions'],
        summary:
          "Autosave the review of some criteria: verdict, score (0 … maxScore; by default maxScore when met, 0 when not) and comment. If-Match: the submission's ETag. Only while submitted (409), never on one's own unit (403 review.own_unit). A change of a verdict or score clears the second reviewer's confirmation",
        params: IdParams,
        body: UpdateReviewBody,
        response: { 200: SubmissionReview, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const review = await updateReview(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, review.version);
      return review;
    },
  );

  app.post(
    '/submissions/:id/review/confirm',
    {
      config: { access: 'submission.confirm_review' },
      schema: {
        tags: ['submissions'],
        summary:
          "Four-eyes: a second reviewer, who reviewed none of the criteria (403 review.same_reviewer), confirms the scores of a complete review (409 review.incomplete) where the campaign requires it (409 review.not_required). If-Match: the submission's ETag",
        params: IdParams,
        response: { 200: SubmissionReview, ...errorResponses(401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const review = await confirmReview(db(), ctxOf(request), request.params.id, requireIfMatch(request));
      setEtag(reply, review.version);
      return review;
    },
  );
};
export default reviewsRoutes;
