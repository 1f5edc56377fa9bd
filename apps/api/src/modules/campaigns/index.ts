/** The campaigns module's front door: the only file other modules (and the app) import. Campaigns: the plan, its criteria, enrolment, templates and the public pages. */
export { applyTransition, createCampaignTx, getCampaign } from './campaigns.service.ts';
export { findCampaignRow, findVisibleCampaignRow, type CampaignRow } from './campaigns.repository.ts';
export { evaluateAnswer } from './criteria.evaluate.ts';
export { insertCriteria, listCriteria, listCriteriaRows, toCriterion } from './criteria.service.ts';
export { addDays, dateProblems, formatPlanDate, todayInVietnam, yearOf } from './dates.ts';
export { enrolTx, isParticipant } from './enrollments.service.ts';
export { default as campaignsRoutes } from './campaigns.routes.ts';
export { default as criteriaRoutes } from './criteria.routes.ts';
export { default as enrollmentsRoutes } from './enrollments.routes.ts';
export { default as publicCampaignsRoutes } from './public.routes.ts';
export { default as templatesRoutes } from './templates.routes.ts';
