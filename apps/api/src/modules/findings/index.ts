/** The findings module's front door: the only file other modules (and the app) import. Inspection findings and their remedies. */
export { findingsRemedyMeasures } from './findings.service.ts';
export { default as findingsRoutes } from './findings.routes.ts';
