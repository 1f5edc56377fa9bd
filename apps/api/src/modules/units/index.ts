/** The units module's front door: the only file other modules (and the app) import. The unit tree. */
import type { ApiModule } from '../../lib/api-module.ts';
import unitsRoutes from './units.routes.ts';

export { relevel, unitSearchKey } from './units.service.ts';

export const unitsModule: ApiModule = { name: 'units', routes: [unitsRoutes] };
