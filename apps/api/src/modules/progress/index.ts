/** The progress module's front door: the campaign progress dashboard (tiến độ), read-only. */
import type { ApiModule } from '../../lib/api-module.ts';
import progressRoutes from './progress.routes.ts';

export { getCampaignProgress } from './progress.service.ts';

export const progressModule: ApiModule = {
  name: 'progress',
  routes: [progressRoutes],
};
