/**
 * The award catalogue's front door: award types, who may grant what (dated), base salaries, public
 * holidays, each authority's award settings and the blockers on nominees.
 */
import type { ApiModule } from '../../lib/api-module.ts';
import awardTypesRoutes from './award-types.routes.ts';
import { awardTypesMessages } from './award-types.messages.ts';

export {
  awardSettingsOf,
  awardTypeById,
  awardTypesByIds,
  baseSalaryOn,
  bonusAmount,
  campaignAwardTypeIds,
  grantPowerFor,
  grantPowersOn,
  holidaysBetween,
  openBlockersOf,
  type AuthorityAwardSettings,
  type GrantorLevel,
} from './catalogue.queries.ts';

export const awardTypesModule: ApiModule = {
  name: 'award-types',
  routes: [awardTypesRoutes],
  messages: awardTypesMessages,
};
