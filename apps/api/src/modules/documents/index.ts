/** The documents module's front door: the only file other modules (and the app) import. Official documents generated from records (the plan as DOCX). */
export { default as documentsRoutes } from './documents.routes.ts';
