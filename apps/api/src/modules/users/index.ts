/** The users module's front door: the only file other modules (and the app) import. Accounts and their roles. */
export { createUser } from './users.service.ts';
export { default as usersRoutes } from './users.routes.ts';
