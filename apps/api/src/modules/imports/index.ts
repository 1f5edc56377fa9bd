/** The imports module's front door: the only file other modules (and the app) import. Units and staff imported from sheets. */
import type { ApiModule } from '../../lib/api-module.ts';
import importRoutes from './imports.routes.ts';
import { importsMessages } from './imports.messages.ts';

export const importsModule: ApiModule = { name: 'imports', routes: [importRoutes], messages: importsMessages };
