/** The award catalogue's page titles, needed at start-up by the menu and the browser tab. */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    awardCatalogue: {
      pages: {
        catalogue: {
          title: 'Danh mục khen thưởng',
          description:
            'Hình thức, danh hiệu, thẩm quyền khen thưởng, lương cơ sở, ngày nghỉ lễ và cài đặt của cơ quan.',
        },
        blockers: {
          title: 'Vướng mắc xét khen',
          description:
            'Đơn vị, cá nhân đang bị xem xét kỷ luật, điều tra, thanh tra hoặc có khiếu nại chưa giải quyết.',
        },
      },
    },
  },
  async () => ({
    default: {
      awardCatalogue: {
        pages: {
          catalogue: {
            title: 'Award catalogue',
            description: 'Forms and titles, granting powers, base salary, public holidays and authority settings.',
          },
          blockers: {
            title: 'Award blockers',
            description:
              'Units and people under discipline, investigation, inspection or with an unresolved complaint.',
          },
        },
      },
    },
  }),
);
