/** The notifications module's front door: the bell (in-app notifications), delivery to a unit's accounts, the e-mail outbox and its job. */
import type { ApiModule } from '../../lib/api-module.ts';
import notificationsRoutes from './notifications.routes.ts';
import { emailSendJob, planOutboxEmails } from './notifications.service.ts';

export {
  EMAIL_SEND_JOB,
  notifyUnits,
  planOutboxEmails,
  sendOutboxEmail,
  unitRecipientRoles,
  type UnitMessage,
} from './notifications.service.ts';

export const notificationsModule: ApiModule = {
  name: 'notifications',
  routes: [notificationsRoutes],
  jobs: [emailSendJob],
  planners: [planOutboxEmails],
};
