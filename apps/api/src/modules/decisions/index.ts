/** The decisions module's front door: public posting of the approved list with objections, and award decisions (draft, issue, DOCX, signed scan). */
import type { ApiModule } from '../../lib/api-module.ts';

export const decisionsModule: ApiModule = { name: 'decisions', routes: [] };
