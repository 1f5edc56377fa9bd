import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';

const Health = Type.Object({ status: Type.String(), database: Type.Optional(Type.Boolean()) });

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health/live',
    { schema: { tags: ['health'], summary: 'The process is up', response: { 200: Health } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Ready when the database answers (503 otherwise)',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const up = await Promise.race([
        app.database.ping(),
        new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
      ]);
      return reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database: up });
    },
  );
};
export default healthRoutes;
