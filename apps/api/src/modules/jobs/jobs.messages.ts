/** Messages of the jobs module, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const jobsMessages: MessageCatalog = {
  vi: {
    'job.not_failed': 'Chỉ chạy lại được tác vụ đã thất bại; tác vụ này đang ở trạng thái “{@status}”.',
    'job.status.pending': 'Chờ chạy',
    'job.status.running': 'Đang chạy',
    'job.status.done': 'Đã xong',
    'job.status.failed': 'Thất bại',
  },
  en: {
    'job.not_failed': 'Only a failed job can be retried; this one is “{@status}”.',
    'job.status.pending': 'Pending',
    'job.status.running': 'Running',
    'job.status.done': 'Done',
    'job.status.failed': 'Failed',
  },
};
