/** The campaigns module's front door: the only file other modules (and the app) import. Campaigns: the plan, its criteria, enrolment, templates and the public pages. */
import type { ApiModule } from '../../lib/api-module.ts';
import campaignsRoutes from './campaigns.routes.ts';
import criteriaRoutes from './criteria.routes.ts';
import enrollmentsRoutes from './enrollments.routes.ts';
import publicCampaignsRoutes from './public.routes.ts';
import templatesRoutes from './templates.routes.ts';
import { campaignsMessages } from './campaigns.messages.ts';
import { campaignFileAccess } from './campaigns.service.ts';
import { campaignJobs, planCampaignDates } from './schedule.ts';

export { applyTransition, createCampaignTx, getCampaign, listCampaigns } from './campaigns.service.ts';
export {
  findCampaignRow,
  findVisibleCampaignRow,
  visibleCampaignRow,
  type CampaignRow,
} from './campaigns.repository.ts';
export { evaluateAnswer } from './criteria.evaluate.ts';
export { toCriterion } from './campaigns.mapper.ts';
export { listCriteriaRows } from './criteria.repository.ts';
export { insertCriteria, listCriteria } from './criteria.service.ts';
export {
  addDays,
  dateProblems,
  daysBetween,
  formatPlanDate,
  isUpcoming,
  selfAssessmentsWait,
  todayInVietnam,
  yearOf,
} from './dates.ts';
export { isParticipant, participatesIn } from './enrollments.repository.ts';
export { enrolTx } from './enrollments.service.ts';

export const campaignsModule: ApiModule = {
  name: 'campaigns',
  routes: [campaignsRoutes, criteriaRoutes, enrollmentsRoutes, publicCampaignsRoutes, templatesRoutes],
  messages: campaignsMessages,
  fileAccessRules: [campaignFileAccess],
  jobs: campaignJobs,
  planners: [planCampaignDates],
};
