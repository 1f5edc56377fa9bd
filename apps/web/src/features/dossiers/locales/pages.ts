/** The dossier pages' titles, needed at start-up by the menu and the browser tab (the screens' texts load with the pages). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    dossiers: {
      pages: {
        mine: {
          title: 'Hồ sơ của tôi',
          description: 'Hồ sơ đề nghị khen thưởng của đơn vị hoặc của bạn: soạn, nộp, theo dõi.',
        },
        campaign: { title: 'Hồ sơ khen thưởng' },
        dossier: { title: 'Hồ sơ đề nghị khen thưởng' },
      },
    },
  },
  async () => ({
    default: {
      dossiers: {
        pages: {
          mine: {
            title: 'My dossiers',
            description: 'Award dossiers of your unit or your own: prepare, submit, follow.',
          },
          campaign: { title: 'Award dossiers' },
          dossier: { title: 'Award dossier' },
        },
      },
    },
  }),
);
