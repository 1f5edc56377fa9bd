/** HTTP of the reception desk. The rules live in reception.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  ReceiveDossierBody,
  ReceptionDossier,
  ReceptionQueuePage,
  ReceptionQueueQuery,
  ReturnDossierBody,
  UpdateChecklistBody,
  errorResponses,
} from '@thidua/contract';
import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { attachmentDisposition } from '../files/index.ts';
import {
  getDeskDossier,
  listQueue,
  receiptDocument,
  receiveDossier,
  returnDossier,
  updateChecklist,
} from './reception.service.ts';

const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendDocx(reply: FastifyReply, doc: { content: Buffer; filename: string }) {
  return reply
    .type(DOCX_MEDIA_TYPE)
    .header('content-disposition', attachmentDisposition(doc.filename))
    .header('x-content-type-options', 'nosniff')
    .send(doc.content);
}

const receptionRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, opts) => {
  const db = () => app.database.db;

  app.get(
    '/reception/dossiers',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags: ['reception-desk'],
        summary:
          "The desk's queue: dossiers of the caller's authorities, by default those submitted and waiting (oldest first); received and returned ones latest first. Each with the working days it waited (weekends and public holidays excluded)",
        querystring: ReceptionQueueQuery,
        response: { 200: ReceptionQueuePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listQueue(db(), actorOf(request), request.query),
  );

  app.get(
    '/reception/dossiers/:id',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags: ['reception-desk'],
        summary: "A dossier as the desk sees it, with its working days (another authority's answers 404)",
        params: IdParams,
        response: { 200: ReceptionDossier, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const d = await getDeskDossier(db(), actorOf(request), request.params.id);
      setEtag(reply, d.version);
      return d;
    },
  );

  app.post(
    '/dossiers/:id/receive',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags: ['reception-desk'],
        summary:
          'Receive a submitted dossier (If-Match): the next number of the authority\'s receipt register for the year ("05/TN-UBND"), the date, the receiver and the checklist. A dossier missing a required document is refused (422 reception.incomplete): return it instead. A dossier received before, returned and submitted again keeps its first number',
        params: IdParams,
        body: ReceiveDossierBody,
        response: { 200: ReceptionDossier, ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const d = await receiveDossier(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body ?? {},
      );
      setEtag(reply, d.version);
      return d;
    },
  );

  app.patch(
    '/dossiers/:id/checklist',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags: ['reception-desk'],
        summary:
          "The desk's completeness checklist (If-Match): the items sent are set, the others kept; while submitted or received (409 otherwise)",
        params: IdParams,
        body: UpdateChecklistBody,
        response: { 200: ReceptionDossier, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const d = await updateChecklist(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, d.version);
      return d;
    },
  );

  app.post(
    '/dossiers/:id/return',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags: ['reception-desk'],
        summary:
          'Return a submitted or received dossier to its unit for supplement (If-Match), with the reasons (at least one) and a note; the unit sees them on its dossier and is notified, then edits and submits again',
        params: IdParams,
        body: ReturnDossierBody,
        response: { 200: ReceptionDossier, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const d = await returnDossier(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
        opts.config.publicUrl,
      );
      setEtag(reply, d.version);
      return d;
    },
  );

  app.get(
    '/dossiers/:id/receipt.docx',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: ['reception-desk'],
        summary:
          'The printable receipt of a received dossier (giấy tiếp nhận hồ sơ, Decree 30 layout): for the desk, and for whoever may read the dossier (its unit, the person). 409 before its receipt',
        params: IdParams,
        response: {
          200: {
            description: 'The receipt as a Word document',
            content: { [DOCX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => sendDocx(reply, await receiptDocument(db(), actorOf(request), request.params.id)),
  );
};
export default receptionRoutes;
