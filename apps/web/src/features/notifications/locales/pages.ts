/** The outbox page's title, needed at start-up by the menu and the browser tab. */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    notifications: {
      pages: { outbox: { title: 'Hộp thư đi', description: 'Thư điện tử hệ thống đã gửi hoặc chờ gửi.' } },
    },
  },
  async () => ({
    default: {
      notifications: {
        pages: { outbox: { title: 'E-mail outbox', description: 'E-mails the system sent or is to send.' } },
      },
    },
  }),
);
