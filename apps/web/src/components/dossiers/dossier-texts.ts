/**
 * Texts of the shared dossier pieces (status tag, documents list), under `dossierShared`: used by
 * the dossier pages, the reception desk and the council, so they live here and not in a feature.
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../lib/i18n.ts';

registerTranslations(
  {
    dossierShared: {
      status: {
        draft: 'Đang soạn',
        submitted: 'Đã nộp',
        received: 'Đã tiếp nhận',
        returned: 'Trả lại bổ sung',
        in_review: 'Đang xét',
        approved: 'Được đề nghị',
        rejected: 'Không được đề nghị',
        awarded: 'Đã khen thưởng',
        forwarded: 'Đã trình cấp trên',
      },
      documentKind: {
        proposal_letter: 'Tờ trình đề nghị khen thưởng',
        achievement_report: 'Báo cáo thành tích',
        meeting_minutes: 'Biên bản họp xét',
        initiative: 'Sáng kiến được công nhận',
      },
      source: { uploaded: 'Bản tải lên', drafted: 'Bản soạn tự động' },
      missing: 'Chưa có',
      download: 'Tải về',
      noDocuments: 'Hồ sơ chưa có tài liệu nào.',
    },
  },
  async () => ({
    default: {
      dossierShared: {
        status: {
          draft: 'Draft',
          submitted: 'Submitted',
          received: 'Received',
          returned: 'Returned for supplement',
          in_review: 'In review',
          approved: 'Approved',
          rejected: 'Rejected',
          awarded: 'Awarded',
          forwarded: 'Forwarded upward',
        },
        documentKind: {
          proposal_letter: 'Proposal letter',
          achievement_report: 'Achievement report',
          meeting_minutes: 'Minutes of the consideration meeting',
          initiative: 'Recognised initiative',
        },
        source: { uploaded: 'Uploaded', drafted: 'Drafted by the system' },
        missing: 'Missing',
        download: 'Download',
        noDocuments: 'The dossier has no documents yet.',
      },
    },
  }),
);

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useDossierSharedTranslation() {
  return useTranslation(undefined, OPTIONS);
}
