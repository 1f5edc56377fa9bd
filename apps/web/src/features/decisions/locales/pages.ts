/** The posting and decision page titles, needed at start-up by the menu and the browser tab (the screens' texts load with the pages). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    decisions: {
      pages: {
        posting: { title: 'Niêm yết công khai' },
        list: {
          title: 'Quyết định khen thưởng',
          description: 'Dự thảo, ban hành quyết định khen thưởng theo danh sách đã được Hội đồng thông qua.',
        },
        decision: { title: 'Quyết định khen thưởng' },
      },
    },
  },
  async () => ({
    default: {
      decisions: {
        pages: {
          posting: { title: 'Public posting' },
          list: { title: 'Award decisions', description: 'Draft and issue award decisions from the approved list.' },
          decision: { title: 'Award decision' },
        },
      },
    },
  }),
);
