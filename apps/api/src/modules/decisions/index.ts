/** The decisions module's front door: public posting of the approved list with objections, and award decisions (draft, issue, DOCX, signed scan). */
import type { ApiModule } from '../../lib/api-module.ts';
import decisionsRoutes from './decisions.routes.ts';
import { decisionsMessages } from './decisions.messages.ts';
import { decisionFileAccess } from './decisions.service.ts';

export { listDecisions } from './decisions.service.ts';

export const decisionsModule: ApiModule = {
  name: 'decisions',
  routes: [decisionsRoutes],
  messages: decisionsMessages,
  fileAccessRules: [decisionFileAccess],
};
