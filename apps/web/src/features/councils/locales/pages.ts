/** The council screens' page titles, needed at start-up by the menu and the browser tab (the screens' texts load with the page). */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    councils: {
      pages: {
        list: {
          title: 'Hội đồng thi đua - khen thưởng',
          description: 'Thành viên hội đồng theo nhiệm kỳ, tổ chức cuộc họp xét, biểu quyết và biên bản.',
        },
        meeting: { title: 'Cuộc họp hội đồng thi đua - khen thưởng' },
        mine: {
          title: 'Phiếu biểu quyết của tôi',
          description: 'Các cuộc họp hội đồng bạn là thành viên: biểu quyết từng hồ sơ đề nghị và xem kết quả.',
        },
      },
    },
  },
  async () => ({
    default: {
      councils: {
        pages: {
          list: {
            title: 'Emulation and commendation council',
            description: "The council's members per term, its meetings, votes and minutes.",
          },
          meeting: { title: 'Council meeting' },
          mine: {
            title: 'My council ballots',
            description: 'Meetings of the councils you sit on: vote on each proposal and see the results.',
          },
        },
      },
    },
  }),
);
