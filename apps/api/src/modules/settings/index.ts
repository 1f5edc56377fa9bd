/** The settings module's front door: the only file other modules (and the app) import. Run-time settings kept in the database. */
export { DEFAULT_LEVEL_NAMES, getLevelNames, levelName, putSetting } from './settings.service.ts';
