/** The scoreboard module's front door: the only file other modules (and the app) import. The ranking of a campaign's participants, its exports and its public face. */
import type { ApiModule } from '../../lib/api-module.ts';
import scoreboardRoutes from './scoreboard.routes.ts';
import { scoreboardMessages } from './scoreboard.messages.ts';

export { getScoreboard } from './scoreboard.service.ts';

export const scoreboardModule: ApiModule = {
  name: 'scoreboard',
  routes: [scoreboardRoutes],
  messages: scoreboardMessages,
};
