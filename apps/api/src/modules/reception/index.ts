/** The reception desk's front door (Trung tâm Hành chính công, bộ phận một cửa): the queue of submitted dossiers, receipts, completeness checks and returns. */
import type { ApiModule } from '../../lib/api-module.ts';

export const receptionModule: ApiModule = { name: 'reception', routes: [] };
