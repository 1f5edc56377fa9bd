/**
 * The self-assessment pages' titles, needed at start-up by the menu, the browser tab and the link
 * on the campaign page. Kept apart from the screens' texts (register.ts), which load with the pages.
 */
import { registerTranslations } from '../../../lib/i18n.ts';

registerTranslations(
  {
    submissions: {
      pages: {
        mine: {
          title: 'Phong trào của đơn vị',
          description: 'Tự đánh giá theo tiêu chuẩn thi đua: tiến độ, minh chứng và hạn nộp.',
        },
        form: { title: 'Tự đánh giá' },
        list: { title: 'Báo cáo tự đánh giá' },
        review: { title: 'Thẩm định báo cáo tự đánh giá' },
      },
    },
  },
  async () => ({
    default: {
      submissions: {
        pages: {
          mine: {
            title: "My unit's campaigns",
            description: 'Self-assessment against the criteria: progress, evidence and deadlines.',
          },
          form: { title: 'Self-assessment' },
          list: { title: 'Self-assessments' },
          review: { title: 'Review a self-assessment' },
        },
      },
    },
  }),
);
