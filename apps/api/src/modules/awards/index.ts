/** The award register's front door (Law Art. 89): every award of an issued decision, histories per unit and person, export, revocation, the public list. */
import type { ApiModule } from '../../lib/api-module.ts';
import awardsRoutes from './awards.routes.ts';
import { awardsMessages } from './awards.messages.ts';

export const awardsModule: ApiModule = { name: 'awards', routes: [awardsRoutes], messages: awardsMessages };
