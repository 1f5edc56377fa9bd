/** The initiatives page's title, needed at start-up by the menu and the browser tab (the screens' texts load with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    initiatives: {
      pages: {
        register: {
          title: 'Sáng kiến',
          description: 'Sáng kiến, giải pháp mới của đơn vị, cá nhân và việc công nhận.',
        },
      },
    },
  },
  async () => ({
    default: {
      initiatives: {
        pages: {
          register: { title: 'Initiatives', description: 'Initiatives of units and staff, and their recognition.' },
        },
      },
    },
  }),
);
