/** The initiatives module's front door: the only file other modules (and the app) import. Initiatives and their recognition. */
import type { ApiModule } from '../../lib/api-module.ts';
import initiativesRoutes from './initiatives.routes.ts';
import { initiativesMessages } from './initiatives.messages.ts';
import { initiativeFileAccess } from './initiatives.service.ts';

export { recognisedInitiatives } from './initiatives.service.ts';

export const initiativesModule: ApiModule = {
  name: 'initiatives',
  routes: [initiativesRoutes],
  messages: initiativesMessages,
  fileAccessRules: [initiativeFileAccess],
};
