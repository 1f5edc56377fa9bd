/** The councils module's front door: the emulation and commendation council per term, its meetings, attendance, votes, tally and minutes. */
import type { ApiModule } from '../../lib/api-module.ts';
import councilsRoutes from './councils.routes.ts';
import { councilsMessages } from './councils.messages.ts';
import { councilMemberFileAccess } from './councils.service.ts';

export { listMyMeetings } from './councils.service.ts';

export const councilsModule: ApiModule = {
  name: 'councils',
  routes: [councilsRoutes],
  messages: councilsMessages,
  fileAccessRules: [councilMemberFileAccess],
};
