/**
 * Proposals upward: forwarding an approved dossier to the higher authority of the installation, its
 * chain as the commune follows it, and the dossier package (ZIP + manifest) exchanged between
 * installations.
 */
import type { ApiModule } from '../../lib/api-module.ts';
import dossierTransferRoutes from './dossier-transfer.routes.ts';
import { dossierTransferMessages } from './dossier-transfer.messages.ts';
import { dossierDocumentFileAccess } from './dossier-transfer.service.ts';

export const dossierTransferModule: ApiModule = {
  name: 'dossier-transfer',
  routes: [dossierTransferRoutes],
  messages: dossierTransferMessages,
  fileAccessRules: [dossierDocumentFileAccess],
};
