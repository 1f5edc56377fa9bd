/** The jobs module's front door: the administrator's view of background jobs (the runner is lib/jobs.ts). */
import type { ApiModule } from '../../lib/api-module.ts';
import jobsRoutes from './jobs.routes.ts';
import { jobsMessages } from './jobs.messages.ts';

export const jobsModule: ApiModule = { name: 'jobs', routes: [jobsRoutes], messages: jobsMessages };
