/** The jobs page's title and menu line, needed at start-up by the menu and the home page (the rest loads with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    jobs: { pages: { list: { title: 'Tác vụ nền', description: 'Việc hệ thống tự làm theo lịch, lỗi và chạy lại' } } },
  },
  async () => ({
    default: {
      jobs: {
        pages: { list: { title: 'Background jobs', description: 'What the system does on schedule, errors, retry' } },
      },
    },
  }),
);
