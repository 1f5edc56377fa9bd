import { Tag } from 'antd';
import type { SubmissionStatus } from '@thidua/contract';
import { useSubmissionsTranslation } from '../locales/register.ts';

export const SUBMISSION_STATUS_COLORS: Record<SubmissionStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

/** A submission's status; `null` = not started yet. */
export function SubmissionStatusTag({ status }: { status: SubmissionStatus | null }) {
  const { t } = useSubmissionsTranslation();
  return (
    <Tag
      color={status ? SUBMISSION_STATUS_COLORS[status] : 'default'}
      data-testid="submission-status"
      style={{ marginInlineEnd: 0 }}
    >
      {t(status ? `submissions.status.${status}` : 'submissions.status.none')}
    </Tag>
  );
}
