/** HTTP for award dossiers (the unit's side). Scope and lifecycle rules live in dossiers.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateDossierBody,
  Dossier,
  DossierDocumentParams,
  DossierListQuery,
  DossierPage,
  DraftDossierDocumentBody,
  IdParams,
  Ok,
  PutDossierDocumentBody,
  UpdateDossierBody,
  errorResponses,
} from '@thidua/contract';
import type { Config } from '../../config.ts';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import {
  createDossier,
  deleteDossier,
  deleteDocument,
  draftDocument,
  getDossier,
  listDossiers,
  putDocument,
  submitDossier,
  updateDossier,
} from './dossiers.service.ts';

const TAGS = ['dossiers'];

const dossiersRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/dossiers',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: TAGS,
        summary:
          "A campaign's award dossiers (unit roles: their unit's; staff: their own; the authority's offices: all)",
        params: IdParams,
        querystring: DossierListQuery,
        response: { 200: DossierPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listDossiers(db(), actorOf(request), request.query, request.params.id),
  );

  app.get(
    '/dossiers',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: TAGS,
        summary: 'Award dossiers across campaigns, within the caller’s reach (“my dossiers”, the office)',
        querystring: DossierListQuery,
        response: { 200: DossierPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listDossiers(db(), actorOf(request), request.query),
  );

  app.post(
    '/campaigns/:id/dossiers',
    {
      config: { access: 'dossier.write', idempotent: true },
      schema: {
        tags: TAGS,
        summary:
          'Prepare an award dossier for a unit or a person in a closed campaign, before its dossier deadline (422 award type not in the campaign or not fitting the nominee; 409 campaign not closed, deadline passed, a live dossier already)',
        params: IdParams,
        body: CreateDossierBody,
        response: { 201: Dossier, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const dossier = await createDossier(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, dossier.version);
      return reply.status(201).header('location', `/api/v1/dossiers/${dossier.id}`).send(dossier);
    },
  );

  app.get(
    '/dossiers/:id',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: TAGS,
        summary: "Read a dossier (another unit's answers 404)",
        params: IdParams,
        response: { 200: Dossier, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const dossier = await getDossier(db(), actorOf(request), request.params.id);
      setEtag(reply, dossier.version);
      return dossier;
    },
  );

  app.patch(
    '/dossiers/:id',
    {
      config: { access: 'dossier.write' },
      schema: {
        tags: TAGS,
        summary: 'Change the award type or the achievement of a draft or returned dossier (If-Match required)',
        params: IdParams,
        body: UpdateDossierBody,
        response: { 200: Dossier, ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const dossier = await updateDossier(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, dossier.version);
      return dossier;
    },
  );

  app.delete(
    '/dossiers/:id',
    {
      config: { access: 'dossier.write' },
      schema: {
        tags: TAGS,
        summary: 'Delete a draft dossier',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await deleteDossier(db(), ctxOf(request), request.params.id);
      return { ok: true };
    },
  );

  app.put(
    '/dossiers/:id/documents/:kind',
    {
      config: { access: 'dossier.write' },
      schema: {
        tags: TAGS,
        summary: 'Set a document of the dossier to a file uploaded first with POST /files (source: uploaded)',
        params: DossierDocumentParams,
        body: PutDossierDocumentBody,
        response: { 200: Dossier, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const dossier = await putDocument(db(), ctxOf(request), id, kind, request.body.fileId);
      setEtag(reply, dossier.version);
      return dossier;
    },
  );

  app.post(
    '/dossiers/:id/documents/:kind/draft',
    {
      config: { access: 'dossier.write' },
      schema: {
        tags: TAGS,
        summary:
          'The system drafts the document as DOCX from the data (proposal letter, achievement report from the accepted self-assessment, minutes with what the body gives) and sets it as the dossier’s (source: drafted)',
        params: DossierDocumentParams,
        body: DraftDossierDocumentBody,
        response: { 200: Dossier, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const dossier = await draftDocument(db(), ctxOf(request), config, id, kind, request.body ?? {});
      setEtag(reply, dossier.version);
      return dossier;
    },
  );

  app.delete(
    '/dossiers/:id/documents/:kind',
    {
      config: { access: 'dossier.write' },
      schema: {
        tags: TAGS,
        summary: 'Remove a document from a draft or returned dossier (the file stays)',
        params: DossierDocumentParams,
        response: { 200: Dossier, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const dossier = await deleteDocument(db(), ctxOf(request), id, kind);
      setEtag(reply, dossier.version);
      return dossier;
    },
  );

  app.post(
    '/dossiers/:id/submit',
    {
      config: { access: 'dossier.submit' },
      schema: {
        tags: TAGS,
        summary:
          'Submit the dossier to the one-stop desk (draft/returned → submitted). Refused: 422 missing documents (named), initiative not recognised, award not in the authority’s power (citing the article); 409 campaign not closed, deadline passed, nominee under an open blocker, a second award for the same achievement',
        params: IdParams,
        response: { 200: Dossier, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const dossier = await submitDossier(db(), ctxOf(request), request.params.id);
      setEtag(reply, dossier.version);
      return dossier;
    },
  );
};
export default dossiersRoutes;
