/** The tasks module's front door: the signed-in account's to-do list, read from the other modules' lists. */
import type { ApiModule } from '../../lib/api-module.ts';
import tasksRoutes from './tasks.routes.ts';

export const tasksModule: ApiModule = { name: 'tasks', routes: [tasksRoutes] };
