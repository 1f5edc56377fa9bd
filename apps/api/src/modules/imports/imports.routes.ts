/**
 * Import routes: upload a sheet of units or staff (multipart, one .xlsx or .csv file ≤ 5 MB), or
 * download the template. Multipart parsing is registered in this plugin's scope only, so no other
 * route accepts uploads by accident.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import Type from 'typebox';
import { ImportProblem, ImportReport, Problem, errorResponses } from '@thidua/contract';
import { ctxOf } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { message, pickLanguage, title } from '../../lib/messages.ts';
import { PROBLEM_BASE } from '../../plugins/errors.ts';
import { importPeople, importUnits, type ImportOutcome } from './imports.service.ts';
import { describeProblems } from './imports.mapper.ts';
import { XLSX_MIME } from './columns.ts';
import type { Sheet } from './sheet-reader.ts';

// The workbook library (exceljs) is loaded on the first import or template, not at start-up:
// it is a third of a second the server would otherwise spend before it can answer anything.
const sheetReader = () => import('./sheet-reader.ts');
const templates = () => import('./templates.ts');

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({ default: false, description: 'Check the sheet and report what would change, writing nothing' }),
    ),
  },
  { additionalProperties: false },
);

const uploadDescription =
  'multipart/form-data with one file field: an .xlsx (first worksheet read) or a UTF-8 .csv, at most 5 MB. Row 1 holds the headers (Vietnamese, or the English keys). ' +
  '200: the report (committed unless dryRun). 422 import.rows_invalid: problem+json with the same report and every problem as {row, field, code, message}; nothing was written. ' +
  'Limits (docs/operations.md): at most 20,000 data rows and 200 columns, 32,767 characters a cell (422); an XLSX inflating past 64 MB for its sheet or 100 MB in all, or listing over 1,000 entries (413, counted on the bytes actually inflated; images are never read); 20 s to read the file (422 import.too_slow).';

const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'An XLSX workbook' });

async function receiveSheet(request: FastifyRequest): Promise<{ sheet: Sheet; fileName: string }> {
  if (!request.isMultipart()) throw new DomainError(415, 'import.not_multipart');
  let buf: Buffer;
  let fileName: string;
  try {
    const file = await request.file();
    if (!file) throw new DomainError(400, 'import.no_file');
    fileName = file.filename;
    buf = await file.toBuffer();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (
      code === 'FST_REQ_FILE_TOO_LARGE' ||
      code === 'FST_FILES_LIMIT' ||
      code === 'FST_PARTS_LIMIT' ||
      code === 'FST_FIELDS_LIMIT'
    )
      throw new DomainError(413, 'request.too_large');
    throw err;
  }
  return { sheet: await (await sheetReader()).readSheet(buf, fileName), fileName };
}

function answer(request: FastifyRequest, reply: FastifyReply, outcome: ImportOutcome) {
  const lang = pickLanguage(request.headers['accept-language']);
  const errors = describeProblems(outcome.problems, lang);
  if (!errors.length) return reply.status(200).send({ ...outcome.report, errors });
  const code = 'import.rows_invalid';
  return reply
    .status(422)
    .header('content-language', lang)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: PROBLEM_BASE + code,
      title: title(lang, 422),
      status: 422,
      code,
      detail: message(lang, code, { count: errors.length }),
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...outcome.report,
      errors,
    });
}

function sendWorkbook(reply: FastifyReply, fileName: string, body: Buffer) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}

const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, {
    limits: {
      files: 1,
      fileSize: IMPORT_MAX_BYTES,
      fields: 5,
      parts: 6,
      fieldNameSize: 100,
      fieldSize: 1024,
      headerPairs: 50,
    },
  });
  const db = () => app.database.db;
  const uploadResponses = {
    200: ImportReport,
    // A sheet with row errors (import.rows_invalid, with the report), or a sheet over a cap (rows,
    // columns, cell length) or over its parse time budget: a plain problem.
    422: Type.Union([ImportProblem, Problem]),
    ...errorResponses(400, 401, 403, 413, 415),
  };

  app.post(
    '/units/import',
    {
      config: { access: 'unit.manage' },
      schema: {
        tags: ['units'],
        summary: 'Import units from an XLSX or CSV sheet (all rows or none)',
        description: uploadDescription,
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: uploadResponses,
      },
    },
    async (request, reply) => {
      const { sheet, fileName } = await receiveSheet(request);
      return answer(
        request,
        reply,
        await importUnits(db(), ctxOf(request), sheet, { dryRun: request.query.dryRun ?? false, fileName }),
      );
    },
  );

  app.post(
    '/people/import',
    {
      config: { access: 'person.import' },
      schema: {
        tags: ['people'],
        summary: 'Import staff from an XLSX or CSV sheet (all rows or none)',
        description: uploadDescription,
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: uploadResponses,
      },
    },
    async (request, reply) => {
      const { sheet, fileName } = await receiveSheet(request);
      return answer(
        request,
        reply,
        await importPeople(db(), ctxOf(request), sheet, { dryRun: request.query.dryRun ?? false, fileName }),
      );
    },
  );

  app.get(
    '/units/import/template.xlsx',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['units'],
        summary: 'The XLSX template for importing units',
        produces: [XLSX_MIME],
        response: { 200: Binary, ...errorResponses(401) },
      },
    },
    async (_request, reply) => sendWorkbook(reply, 'mau-nhap-don-vi.xlsx', await (await templates()).unitTemplate()),
  );

  app.get(
    '/people/import/template.xlsx',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['people'],
        summary: 'The XLSX template for importing staff',
        produces: [XLSX_MIME],
        response: { 200: Binary, ...errorResponses(401) },
      },
    },
    async (_request, reply) => sendWorkbook(reply, 'mau-nhap-can-bo.xlsx', await (await templates()).peopleTemplate()),
  );
};
export default importRoutes;
