/** The settings module's front door: the only file other modules (and the app) import. Run-time settings kept in the database. */
import type { ApiModule } from '../../lib/api-module.ts';

export { DEFAULT_LEVEL_NAMES, getLevelNames, levelName, putSetting } from './settings.service.ts';

export const settingsModule: ApiModule = { name: 'settings', routes: [] };
