/** The reminders module's front door: đôn đốc by the office (manual) and by the system before deadlines (scheduled jobs). */
import type { ApiModule } from '../../lib/api-module.ts';
import remindersRoutes from './reminders.routes.ts';
import { remindersMessages } from './reminders.messages.ts';
import { planScheduledReminders, scheduledReminderJob } from './reminders.service.ts';

export {
  SCHEDULED_REMINDER_JOB,
  planScheduledReminders,
  runScheduledReminder,
  scheduledReminderKey,
} from './reminders.service.ts';

export const remindersModule: ApiModule = {
  name: 'reminders',
  routes: [remindersRoutes],
  messages: remindersMessages,
  jobs: [scheduledReminderJob],
  planners: [planScheduledReminders],
};
