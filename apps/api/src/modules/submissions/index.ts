/** The submissions module's front door: the only file other modules (and the app) import. Self-assessments, their versions, the office's review per criterion and deadline extensions. */
import type { ApiModule } from '../../lib/api-module.ts';
import reviewsRoutes from './reviews.routes.ts';
import submissionsRoutes from './submissions.routes.ts';
import { submissionsMessages } from './submissions.messages.ts';

export { progressOfSubmissions } from './submissions.service.ts';

export const submissionsModule: ApiModule = {
  name: 'submissions',
  routes: [submissionsRoutes, reviewsRoutes],
  messages: submissionsMessages,
};
