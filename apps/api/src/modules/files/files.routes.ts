/**
 * HTTP for evidence files: the streamed multipart upload, metadata, download and delete. The
 * multipart parser is registered here only (its default 1 MiB file limit replaced by the configured
 * one); the orphan sweeper runs at start and on an interval while the app is up.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { FileInfo, FileUploadBody, IdParams, Ok, errorResponses } from '@thidua/contract';
import type { Config } from '../../config.ts';
import { ctxOf } from '../../lib/context.ts';
import { DomainError, Invalid } from '../../lib/errors.ts';
import { claimIdempotencyKey, replayAnswer } from '../../plugins/idempotency.ts';
import { BlobTooLargeError, createBlobStore, type BlobStore, type StagedBlob } from './blob-store/blob-store.ts';
import { attachmentDisposition } from './file-names.ts';
import {
  deleteFile,
  getFile,
  openFileContent,
  registerBlobStore,
  storeUpload,
  sweepOrphanBlobs,
  tooLarge,
} from './files.service.ts';

const MAX_FIELD_BYTES = 200;

interface ParsedUpload {
  staged: StagedBlob;
  fileName: string | undefined;
  unitId: string | undefined;
}

/**
 * Reads the multipart body: the one `file` part is streamed straight into the blob store's staging
 * area (never buffered whole), `unitId` is the only other field allowed. Staged bytes are discarded
 * on any refusal.
 */
async function readUpload(request: FastifyRequest, blobs: BlobStore, maxBytes: number): Promise<ParsedUpload> {
  if (!request.isMultipart()) throw new DomainError(415, 'request.unsupported_media_type');
  let staged: StagedBlob | null = null;
  let fileName: string | undefined;
  let unitId: string | undefined;
  let truncated = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new DomainError(400, 'file.unknown_field', { field: part.fieldname }, [
            { field: `/${part.fieldname}`, code: 'unknown_field' },
          ]);
        }
        staged = await blobs.stage(part.file, maxBytes);
        // Busboy stops at the configured limit and marks the stream truncated; the rest is drained.
        truncated = part.file.truncated;
        fileName = part.filename;
      } else if (part.fieldname === 'unitId') {
        const value = String(part.value ?? '');
        if (part.valueTruncated || !value || value.length > 64) throw Invalid([{ field: '/unitId', code: 'format' }]);
        unitId = value;
      } else {
        throw new DomainError(400, 'file.unknown_field', { field: part.fieldname }, [
          { field: `/${part.fieldname}`, code: 'unknown_field' },
        ]);
      }
    }
  } catch (err) {
    if (staged) await blobs.discard(staged);
    const code = (err as { code?: string }).code;
    if (err instanceof BlobTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT') throw new DomainError(400, 'file.single_file_only');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new DomainError(413, 'request.too_large');
    throw err;
  }
  if (!staged) throw Invalid([{ field: '/file', code: 'required' }], 'file.missing');
  if (truncated) {
    await blobs.discard(staged);
    throw tooLarge(maxBytes);
  }
  return { staged, fileName, unitId };
}

const filesRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const db = () => app.database.db;
  const blobs = await createBlobStore(config);
  registerBlobStore(config, blobs);

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: config.uploadMaxBytes,
      files: 1,
      fields: 4,
      fieldSize: MAX_FIELD_BYTES,
      parts: 6,
      headerPairs: 20,
    },
  });

  // ── Orphan sweeping: at start (without delaying it) and then on an interval ──
  let sweeping: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const sweep = () => {
    if (sweeping) return;
    sweeping = sweepOrphanBlobs(db(), blobs, { minAgeMinutes: config.fileOrphanMinAgeMinutes })
      .then((r) => {
        if (r.orphans || r.temporary) app.log.info(r, 'swept orphan blobs');
      })
      .catch((err: unknown) => app.log.error({ err }, 'orphan blob sweep failed'))
      .finally(() => {
        sweeping = null;
      });
  };
  app.addHook('onReady', async () => {
    sweep();
    if (config.fileSweepIntervalMinutes > 0) {
      timer = setInterval(sweep, config.fileSweepIntervalMinutes * 60_000);
      timer.unref();
    }
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await sweeping;
    blobs.close();
  });

  app.post(
    '/files',
    {
      config: { access: 'file.upload', idempotent: 'in-handler' },
      // The body is a stream read by the handler: the schema documents it, it does not validate it.
      validatorCompiler: () => () => true,
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart/form-data, streamed)',
        description:
          'One part named `file`: PDF, DOCX, XLSX, PNG or JPEG, recognised by its content (a renamed executable or an HTML page is 415), ' +
          `at most UPLOAD_MAX_BYTES (413). Optional field \`unitId\` before the file, for authority-wide roles uploading on behalf of a unit. ` +
          'Honours Idempotency-Key: a retry with the same key and the same file answers the first upload again. Then attach the returned id to a submission, finding or initiative.',
        consumes: ['multipart/form-data'],
        body: FileUploadBody,
        response: { 201: FileInfo, ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, blobs, config.uploadMaxBytes);
      // A retry is recognised by what it uploads: the same bytes, name and owner.
      const fingerprint = {
        sha256: upload.staged.sha256,
        size: upload.staged.size,
        name: upload.fileName ?? null,
        unitId: upload.unitId ?? null,
      };
      let stored;
      try {
        stored = await claimIdempotencyKey(request, fingerprint);
      } catch (err) {
        await blobs.discard(upload.staged);
        throw err;
      }
      if (stored) {
        await blobs.discard(upload.staged);
        return replayAnswer(reply, stored);
      }
      const file = await storeUpload(
        db(),
        ctxOf(request),
        blobs,
        upload.staged,
        { fileName: upload.fileName, unitId: upload.unitId },
        request.log,
      );
      return reply.status(201).header('location', `/api/v1/files/${file.id}`).send(file);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['files'],
        summary: "Read a file's metadata",
        params: IdParams,
        response: { 200: FileInfo, ...errorResponses(401, 404) },
      },
    },
    async (request) => getFile(db(), ctxOf(request), request.params.id),
  );

  app.get(
    '/files/:id/content',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['files'],
        summary: "Download a file's content (as an attachment)",
        description:
          'Streams the stored bytes with the detected media type, Content-Disposition: attachment (UTF-8 name, RFC 5987) and X-Content-Type-Options: nosniff. ETag is the SHA-256.',
        params: IdParams,
        produces: ['application/octet-stream'],
        response: {
          200: {
            description: 'The file content',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(401, 404),
        },
      },
    },
    async (request, reply) => {
      let content;
      try {
        content = await openFileContent(db(), ctxOf(request), blobs, request.params.id);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'file.content_missing')
          request.log.error({ fileId: request.params.id }, 'file row without its blob');
        throw err;
      }
      const { file, stream, size } = content;
      return (
        reply
          .header('content-type', file.mediaType)
          .header('content-length', String(size))
          .header('content-disposition', attachmentDisposition(file.name))
          .header('x-content-type-options', 'nosniff')
          // Opened directly in a browser tab, the content must not run anything or be framed.
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('etag', `"${file.sha256}"`)
          // A stream is piped as is; the 200 schema above only documents it.
          .send(stream as never)
      );
    },
  );

  app.delete(
    '/files/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['files'],
        summary: 'Delete a file you uploaded that is not attached to anything',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await deleteFile(db(), ctxOf(request), blobs, request.params.id, request.log);
      return { ok: true };
    },
  );
};
export default filesRoutes;
