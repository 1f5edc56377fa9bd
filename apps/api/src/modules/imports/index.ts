/** The imports module's front door: the only file other modules (and the app) import. Units and staff imported from sheets. */
export { default as importRoutes } from './imports.routes.ts';
