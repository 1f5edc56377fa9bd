/** HTTP for the bell (each account its own notifications) and the administrator's e-mail outbox. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Notification,
  NotificationListQuery,
  NotificationPage,
  NotificationsReadAll,
  OutboxListQuery,
  OutboxPage,
  errorResponses,
} from '@thidua/contract';
import { actorOf } from '../../lib/context.ts';
import { listNotifications, listOutbox, readAllNotifications, readNotification } from './notifications.service.ts';

const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: "The caller's own notifications (the bell), unread first by default, with the unread count",
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listNotifications(db(), actorOf(request), request.query),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: "Mark one of the caller's notifications read (another account's answers 404)",
        params: IdParams,
        response: { 200: Notification, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => readNotification(db(), actorOf(request), request.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: "Mark all the caller's notifications read",
        response: { 200: NotificationsReadAll, ...errorResponses(401, 403) },
      },
    },
    async (request) => readAllNotifications(db(), actorOf(request)),
  );

  app.get(
    '/email-outbox',
    {
      config: { access: 'job.manage' },
      schema: {
        tags: ['notifications'],
        summary: 'E-mails sent, waiting, failed (with the last error) or only logged (no SMTP_URL), newest first',
        querystring: OutboxListQuery,
        response: { 200: OutboxPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listOutbox(db(), request.query),
  );
};
export default notificationsRoutes;
