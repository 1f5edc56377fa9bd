/** HTTP for the account's to-do list (việc cần làm). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TaskList, errorResponses } from '@thidua/contract';
import { actorOf } from '../../lib/context.ts';
import { listMyTasks } from './tasks.service.ts';

const tasksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/tasks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tasks'],
        summary: 'What waits for the signed-in account: one line per kind of work and campaign, with its count',
        description:
          "Each count is the total of a list the account may read (progress, findings, reception queue, council meetings, decisions, dossiers), within its roles' reach; kinds with nothing waiting are left out.",
        response: { 200: TaskList, ...errorResponses(401) },
      },
    },
    async (request) => listMyTasks(app.database.db, actorOf(request)),
  );
};

export default tasksRoutes;
