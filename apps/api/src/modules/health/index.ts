/** The health module's front door: the only file other modules (and the app) import. Liveness and readiness. */
export { default as healthRoutes } from './health.routes.ts';
