/** HTTP for the reminders (đôn đốc) of a campaign. Scope and delivery rules live in reminders.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Reminder,
  ReminderCandidateList,
  ReminderListQuery,
  ReminderPage,
  SendReminderBody,
  errorResponses,
} from '@thidua/contract';
import type { Config } from '../../config.ts';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { listReminderCandidates, listReminders, sendReminder } from './reminders.service.ts';

const remindersRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, opts) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/reminders',
    {
      config: { access: 'reminder.read' },
      schema: {
        tags: ['reminders'],
        summary:
          'Reminders sent in a campaign, newest first: who sent them (or the system), when, to which units, and who has read them; units see those sent to them',
        params: IdParams,
        querystring: ReminderListQuery,
        response: { 200: ReminderPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listReminders(db(), actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/campaigns/:id/reminders/candidates',
    {
      config: { access: 'reminder.send' },
      schema: {
        tags: ['reminders'],
        summary: 'The participating units the caller may remind, each with its deadline and whether it has submitted',
        params: IdParams,
        response: { 200: ReminderCandidateList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: await listReminderCandidates(db(), actorOf(request), request.params.id) }),
  );

  app.post(
    '/campaigns/:id/reminders',
    {
      config: { access: 'reminder.send', idempotent: true },
      schema: {
        tags: ['reminders'],
        summary:
          "Remind chosen participating units with a message: a notification and an e-mail to each unit's officers and heads",
        params: IdParams,
        body: SendReminderBody,
        response: { 201: Reminder, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const reminder = await sendReminder(db(), ctxOf(request), request.params.id, request.body, opts.config.publicUrl);
      return reply.status(201).send(reminder);
    },
  );
};
export default remindersRoutes;
