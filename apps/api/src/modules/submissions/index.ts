/** The submissions module's front door: the only file other modules (and the app) import. Self-assessments, their versions and deadline extensions. */
import type { ApiModule } from '../../lib/api-module.ts';
import submissionsRoutes from './submissions.routes.ts';
import { submissionsMessages } from './submissions.messages.ts';

export const submissionsModule: ApiModule = {
  name: 'submissions',
  routes: [submissionsRoutes],
  messages: submissionsMessages,
};
