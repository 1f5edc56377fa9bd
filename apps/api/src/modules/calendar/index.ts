/** The calendar module's front door: the only file other modules (and the app) import. Each account's secret iCalendar feed of its campaigns' dates. */
import type { ApiModule } from '../../lib/api-module.ts';
import calendarRoutes from './calendar.routes.ts';

export const calendarModule: ApiModule = { name: 'calendar', routes: [calendarRoutes] };
