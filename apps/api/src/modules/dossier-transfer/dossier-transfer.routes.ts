/**
 * HTTP for proposals upward: forward an approved dossier to the higher authority, its chain, the
 * dossier package (ZIP) to take to another installation, and the desk's import of such a package.
 * Rules live in dossier-transfer.service.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import {
  Dossier,
  DossierForwarding,
  DossierPackageManifest,
  ForwardDossierResult,
  IdParams,
  ImportDossierPackageFields,
  errorResponses,
} from '@thidua/contract';
import type { Config } from '../../config.ts';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { DomainError, Invalid } from '../../lib/errors.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { claimIdempotencyKey, replayAnswer } from '../../plugins/idempotency.ts';
import { attachmentDisposition, createBlobStore } from '../files/index.ts';
import { exportPackage, forwardDossier, getForwarding, importPackage } from './dossier-transfer.service.ts';

/** A package is its documents (each ≤ the upload limit, usually a few) and a manifest. */
const MAX_PACKAGE_BYTES = 60 * 1024 * 1024;
const ZIP = 'application/zip';

async function readPackageUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new DomainError(415, 'dossier_package.not_multipart');
  let zip: Buffer | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new DomainError(400, 'dossier_package.unknown_field', { field: part.fieldname });
        }
        zip = await part.toBuffer();
        if (part.file.truncated) throw new DomainError(413, 'dossier_package.too_large', { max: '60 MB' });
      } else if (part.fieldname === 'campaignId' || part.fieldname === 'unitId') {
        const value = String(part.value ?? '');
        if (!value || value.length > 64) throw Invalid([{ field: `/${part.fieldname}`, code: 'format' }]);
        fields[part.fieldname] = value;
      } else {
        throw new DomainError(400, 'dossier_package.unknown_field', { field: part.fieldname });
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError(413, 'dossier_package.too_large', { max: '60 MB' });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new DomainError(413, 'request.too_large');
    throw err;
  }
  if (!zip) throw Invalid([{ field: '/file', code: 'required' }], 'dossier_package.file_missing');
  const missing = ['campaignId', 'unitId'].filter((f) => !fields[f]);
  if (missing.length) throw Invalid(missing.map((f) => ({ field: `/${f}`, code: 'required' })));
  return { zip, campaignId: fields.campaignId!, unitId: fields.unitId! };
}

const dossierTransferRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const db = () => app.database.db;
  const blobs = await createBlobStore(config);
  app.addHook('onClose', async () => blobs.close());
  // The manifest's schema is published among the OpenAPI components for integrators.
  app.addSchema(DossierPackageManifest);

  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: MAX_PACKAGE_BYTES, files: 1, fields: 4, fieldSize: 200, parts: 6, headerPairs: 20 },
  });

  app.post(
    '/dossiers/:id/forward',
    {
      config: { access: 'dossier.evaluate' },
      schema: {
        tags: ['dossiers'],
        summary:
          'Forward an approved dossier to the nearest higher authority that may grant its award type (If-Match): a copy is submitted there with the same documents, the original becomes forwarded',
        params: IdParams,
        response: { 200: ForwardDossierResult, ...errorResponses(401, 403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const result = await forwardDossier(db(), ctxOf(request), request.params.id, requireIfMatch(request));
      setEtag(reply, result.original.version);
      return result;
    },
  );

  app.get(
    '/dossiers/:id/forwarding',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: ['dossiers'],
        summary:
          'The chain of a dossier forwarded upward (original, then each copy) with authority, status, receipt and decision numbers; and, for an approved one, where it would go',
        params: IdParams,
        response: { 200: DossierForwarding, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getForwarding(db(), actorOf(request), request.params.id),
  );

  app.get(
    '/dossiers/:id/package.zip',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: ['dossiers'],
        summary:
          'The dossier as one package for another installation: a ZIP of its documents (a folder per kind, original names) and manifest.json (schema DossierPackageManifest)',
        params: IdParams,
        response: {
          200: {
            description: 'The dossier package',
            content: { [ZIP]: { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { name, zip } = await exportPackage(db(), ctxOf(request), blobs, config.publicUrl, request.params.id);
      return reply
        .type(ZIP)
        .header('content-disposition', attachmentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        .send(zip as unknown as string);
    },
  );

  app.post(
    '/reception/dossier-packages',
    {
      config: { access: 'dossier.receive', idempotent: 'in-handler' },
      validatorCompiler: () => () => true,
      schema: {
        tags: ['dossiers'],
        summary:
          'Import a dossier package (ZIP) from another installation: it is filed as a submitted dossier in a campaign of the receiving authority, under a local unit',
        description:
          'multipart/form-data: `file` (the ZIP, at most 60 MB), `campaignId`, `unitId`. The manifest must match DossierPackageManifest; ' +
          'every document must match its size and SHA-256 (422 dossier_package.checksum_mismatch naming the file); at most 30 entries, ' +
          '25 MB per document and 100 MB in all once inflated, whatever the ZIP declares (413); the award type is found by its code (422 dossier_package.unknown_award_type).',
        consumes: ['multipart/form-data'],
        body: ImportDossierPackageFields,
        response: { 201: Dossier, ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const input = await readPackageUpload(request);
      // A retry is recognised by what it files: the same package, campaign and unit.
      const stored = await claimIdempotencyKey(request, {
        sha256: createHash('sha256').update(input.zip).digest('hex'),
        campaignId: input.campaignId,
        unitId: input.unitId,
      });
      if (stored) return replayAnswer(reply, stored);
      const dossier = await importPackage(db(), ctxOf(request), config, input);
      setEtag(reply, dossier.version);
      return reply.status(201).header('location', `/api/v1/dossiers/${dossier.id}`).send(dossier);
    },
  );
};
export default dossierTransferRoutes;
