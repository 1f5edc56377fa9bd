/** The submissions module's front door: the only file other modules (and the app) import. Self-assessments, their versions and deadline extensions. */
export { default as submissionsRoutes } from './submissions.routes.ts';
