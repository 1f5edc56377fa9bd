/**
 * The dossiers module's front door: award dossiers, their documents and the unit's side of their
 * lifecycle. Other modules read dossiers through `loadDossiers` so each shows them the same way.
 */
import type { ApiModule } from '../../lib/api-module.ts';
import dossiersRoutes from './dossiers.routes.ts';
import { dossiersMessages } from './dossiers.messages.ts';
import { dossierFileAccess } from './dossiers.service.ts';

/** The open-blocker check of submitting, for forwarding upward too (409 dossier.nominee_blocked). */
export { assertNomineeNotBlocked, listDossiers } from './dossiers.service.ts';

export { dossierRow, loadDossier, loadDossiers, requiredDocuments, type DossierRow } from './dossiers.repository.ts';
export { grantPowerOf, type GrantPowerAnswer } from './dossiers.power.ts';

export const dossiersModule: ApiModule = {
  name: 'dossiers',
  routes: [dossiersRoutes],
  messages: dossiersMessages,
  fileAccessRules: [dossierFileAccess],
};
