/** The reception desk's front door (Trung tâm Hành chính công, bộ phận một cửa): the queue of submitted dossiers, receipts, completeness checks and returns. */
import type { ApiModule } from '../../lib/api-module.ts';
import { receptionMessages } from './reception.messages.ts';
import receptionRoutes from './reception.routes.ts';

export { listQueue } from './reception.service.ts';

export const receptionModule: ApiModule = { name: 'reception', routes: [receptionRoutes], messages: receptionMessages };
