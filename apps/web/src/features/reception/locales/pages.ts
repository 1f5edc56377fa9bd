/** The reception desk's page titles, needed at start-up by the menu and the browser tab (the screens' texts load with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    reception: {
      pages: {
        queue: {
          title: 'Tiếp nhận hồ sơ',
          description: 'Hồ sơ đề nghị khen thưởng chờ tiếp nhận: kiểm tra, cấp số tiếp nhận hoặc trả lại để bổ sung.',
        },
        dossier: { title: 'Tiếp nhận hồ sơ khen thưởng' },
      },
    },
  },
  async () => ({
    default: {
      reception: {
        pages: {
          queue: {
            title: 'Dossier reception',
            description:
              'Award dossiers waiting at the desk: check them, give a receipt number or return them for supplement.',
          },
          dossier: { title: 'Receiving an award dossier' },
        },
      },
    },
  }),
);
