/** The people module's front door: the only file other modules (and the app) import. Staff of units. */
export { personKey } from './people.service.ts';
export { default as peopleRoutes } from './people.routes.ts';
