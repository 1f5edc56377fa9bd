/** The dashboard's title, needed at start-up by the browser tab and the campaign page's link (the rest loads with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations({ progress: { pages: { dashboard: { title: 'Tiến độ thực hiện' } } } }, async () => ({
  default: { progress: { pages: { dashboard: { title: 'Progress' } } } },
}));
