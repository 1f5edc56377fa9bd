/** The units module's front door: the only file other modules (and the app) import. The unit tree. */
export { relevel, unitSearchKey } from './units.service.ts';
export { default as unitsRoutes } from './units.routes.ts';
