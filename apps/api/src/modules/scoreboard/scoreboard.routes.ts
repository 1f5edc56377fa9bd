/** HTTP for the scoreboard: the board as JSON, XLSX and CSV, and its public face once finalized. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { IdParams, Scoreboard, ScoreboardQuery, errorResponses } from '@thidua/contract';
import { actorOf } from '../../lib/context.ts';
import { attachmentDisposition } from '../files/index.ts';
import { todayInVietnam } from '../campaigns/index.ts';
import { getScoreboard } from './scoreboard.service.ts';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, exportFileName, scoreboardCsv, scoreboardXlsx } from './scoreboard.export.ts';

const binary = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});

function sendFile(reply: FastifyReply, mediaType: string, name: string, body: Buffer) {
  return reply
    .type(mediaType)
    .header('content-disposition', attachmentDisposition(name))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

const boardDescription =
  'Rank, unit, weighted score, criteria met, penalties, total and band of every participant (collective: every participating unit, ' +
  'not_started when it has no self-assessment; individual: every person who started one). Provisional until the campaign is finalized: ' +
  'current review scores whatever the status; once finalized only accepted self-assessments score. Equal on the whole tie-break chain: equal rank.';

const scoreboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/scoreboard',
    {
      config: { access: 'scoreboard.read' },
      schema: {
        tags: ['scoreboard'],
        summary: 'The scoreboard of a campaign (provisional until finalized), optionally ranked within groups',
        description: boardDescription,
        params: IdParams,
        querystring: ScoreboardQuery,
        response: { 200: Scoreboard, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getScoreboard(db(), actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/campaigns/:id/scoreboard.xlsx',
    {
      config: { access: 'scoreboard.read' },
      schema: {
        tags: ['scoreboard'],
        summary: 'The scoreboard as an XLSX in the printable official layout (A4 landscape)',
        params: IdParams,
        querystring: ScoreboardQuery,
        response: { 200: binary(XLSX_MEDIA_TYPE, 'The scoreboard workbook'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const board = await getScoreboard(db(), actorOf(request), request.params.id, request.query);
      const xlsx = await scoreboardXlsx(board, todayInVietnam());
      return sendFile(reply, XLSX_MEDIA_TYPE, exportFileName(board, 'xlsx'), xlsx);
    },
  );

  app.get(
    '/campaigns/:id/scoreboard.csv',
    {
      config: { access: 'scoreboard.read' },
      schema: {
        tags: ['scoreboard'],
        summary: 'The scoreboard as CSV (UTF-8 with BOM, comma-separated, Vietnamese headers)',
        params: IdParams,
        querystring: ScoreboardQuery,
        response: { 200: binary('text/csv', 'The scoreboard as CSV'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const board = await getScoreboard(db(), actorOf(request), request.params.id, request.query);
      return sendFile(reply, CSV_MEDIA_TYPE, exportFileName(board, 'csv'), scoreboardCsv(board));
    },
  );

  app.get(
    '/public/campaigns/:id/scoreboard',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: "A finalized campaign's scoreboard, without sign-in (404 before finalization)",
        description: boardDescription,
        params: IdParams,
        querystring: ScoreboardQuery,
        response: { 200: Scoreboard, ...errorResponses(400, 404) },
      },
    },
    async (request) => getScoreboard(db(), null, request.params.id, request.query),
  );
};
export default scoreboardRoutes;
