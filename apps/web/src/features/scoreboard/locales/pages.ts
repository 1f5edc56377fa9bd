/** The scoreboard's title, needed at start-up by the browser tab and the campaign page's link (the rest loads with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations({ scoreboard: { pages: { board: { title: 'Xếp hạng thi đua' } } } }, async () => ({
  default: { scoreboard: { pages: { board: { title: 'Ranking' } } } },
}));
