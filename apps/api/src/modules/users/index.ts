/** The users module's front door: the only file other modules (and the app) import. Accounts and their roles. */
import type { ApiModule } from '../../lib/api-module.ts';
import usersRoutes from './users.routes.ts';

export { createUser } from './users.service.ts';

export const usersModule: ApiModule = { name: 'users', routes: [usersRoutes] };
