/** The findings page's title, needed at start-up by the menu and the browser tab (the screens' texts load with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    findings: {
      pages: {
        register: {
          title: 'Tồn tại, hạn chế',
          description: 'Tồn tại, hạn chế qua kiểm tra: ghi nhận, khắc phục và xác nhận khắc phục.',
        },
      },
    },
  },
  async () => ({
    default: {
      findings: {
        pages: {
          register: {
            title: 'Inspection findings',
            description: 'Findings of inspections: recorded, remedied and verified.',
          },
        },
      },
    },
  }),
);
