/** The documents module's front door: the only file other modules (and the app) import. Official documents generated from records (the plan as DOCX). */
import type { ApiModule } from '../../lib/api-module.ts';
import documentsRoutes from './documents.routes.ts';

export const documentsModule: ApiModule = { name: 'documents', routes: [documentsRoutes] };
