/**
 * HTTP for the campaign calendar: the account's own feed (read, make or replace, revoke) and the
 * feed itself at its secret URL, without sign-in (the token is the credential). Rules live in
 * calendar.service.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { CalendarFeedCreated, CalendarFeedStatus, CalendarTokenParams, Ok, errorResponses } from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { createFeed, getFeedStatus, renderFeed, revokeFeed } from './calendar.service.ts';

/** The address the caller reached the API at (behind a trusted proxy: the one the client used). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const icsResponse = {
  description: 'The calendar as iCalendar (RFC 5545): all-day events for the dates of the campaigns',
  content: { 'text/calendar': { schema: { type: 'string' } } },
};

/** Calendar applications poll every few hours; this bounds a client that does not. */
const FEED_FETCHES_PER_MINUTE = 60;

const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;
  // Only the routes that ask for it (config.rateLimit) are limited; 429 answers are problem+json.
  await app.register(rateLimit, { global: false });

  app.get(
    '/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: 'Whether the caller has a calendar URL, since when, and when it was last fetched',
        response: { 200: CalendarFeedStatus, ...errorResponses(401) },
      },
    },
    async (request) => getFeedStatus(db(), actorOf(request)),
  );

  app.post(
    '/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: 'Make a secret calendar URL for the caller, replacing any earlier one (which stops working)',
        description:
          'The URL is returned once and cannot be read back: only a hash of its token is kept. ' +
          'Subscribe to it from Outlook, Google Calendar or a phone.',
        response: { 201: CalendarFeedCreated, ...errorResponses(401) },
      },
    },
    async (request, reply) => reply.status(201).send(await createFeed(db(), ctxOf(request), originOf(request))),
  );

  app.delete(
    '/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: "Revoke the caller's calendar URL, which then answers 404 (also ok when there was none)",
        response: { 200: Ok, ...errorResponses(401) },
      },
    },
    async (request) => {
      await revokeFeed(db(), ctxOf(request));
      return { ok: true };
    },
  );

  app.get(
    '/calendar/:token.ics',
    {
      config: {
        access: 'public',
        rateLimit: { max: FEED_FETCHES_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['calendar'],
        summary: 'The calendar of the account holding this secret token (unknown, replaced or revoked: 404)',
        description:
          'Open and closed campaigns the account takes part in, as all-day events: start, self-assessment ' +
          "deadline (the unit's extension when it has one), end and dossier deadline.",
        params: CalendarTokenParams,
        response: { 200: icsResponse, ...errorResponses(404, 429) },
      },
    },
    async (request, reply) => {
      const ics = await renderFeed(db(), request.params.token, originOf(request));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="lich-thi-dua.ics"')
        .header('x-content-type-options', 'nosniff')
        .send(ics);
    },
  );
};
export default calendarRoutes;
