/** The initiatives module's front door: the only file other modules (and the app) import. Initiatives and their recognition. */
export { recognisedInitiatives } from './initiatives.service.ts';
export { default as initiativesRoutes } from './initiatives.routes.ts';
