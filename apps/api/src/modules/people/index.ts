/** The people module's front door: the only file other modules (and the app) import. Staff of units. */
import type { ApiModule } from '../../lib/api-module.ts';
import peopleRoutes from './people.routes.ts';

export { personKey } from './people.service.ts';

export const peopleModule: ApiModule = { name: 'people', routes: [peopleRoutes] };
