/** The findings module's front door: the only file other modules (and the app) import. Inspection findings and their remedies. */
import type { ApiModule } from '../../lib/api-module.ts';
import findingsRoutes from './findings.routes.ts';
import { findingsMessages } from './findings.messages.ts';
import { findingFileAccess } from './findings.service.ts';

export { findingsRemedyMeasures, listFindings } from './findings.service.ts';

export const findingsModule: ApiModule = {
  name: 'findings',
  routes: [findingsRoutes],
  messages: findingsMessages,
  fileAccessRules: [findingFileAccess],
};
