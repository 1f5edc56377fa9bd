/** The award register page's title, needed at start-up by the menu and the browser tab (the screen's texts load with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    awardRegister: {
      pages: {
        register: {
          title: 'Sổ khen thưởng',
          description: 'Các khen thưởng theo quyết định đã ban hành: tra cứu, xuất Excel, thu hồi.',
        },
      },
    },
  },
  async () => ({
    default: {
      awardRegister: {
        pages: {
          register: { title: 'Award register', description: 'Awards of the issued decisions: search, export, revoke.' },
        },
      },
    },
  }),
);
