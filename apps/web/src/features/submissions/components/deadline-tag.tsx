/** "Còn 5 ngày", "Hạn chót hôm nay", "Quá hạn 2 ngày" — coloured as the deadline nears. */
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { formatDate } from '../../../lib/format.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { DEADLINE_COLORS, daysUntil, deadlineTone } from '../utils/deadline.ts';

export function DeadlineTag({ deadline, extended = false }: { deadline: string; extended?: boolean }) {
  const { t } = useSubmissionsTranslation();
  const days = daysUntil(deadline);
  const tone = deadlineTone(days);
  const text =
    days < 0
      ? t('submissions.deadline.overdue', { count: -days })
      : days === 0
        ? t('submissions.deadline.today')
        : t('submissions.deadline.daysLeft', { count: days });
  return (
    <Tooltip
      title={t(extended ? 'submissions.deadline.onExtended' : 'submissions.deadline.on', {
        date: formatDate(deadline),
      })}
    >
      <Tag
        color={DEADLINE_COLORS[tone]}
        icon={<ClockCircleOutlined />}
        data-testid="deadline-tag"
        data-tone={tone}
        style={{ marginInlineEnd: 0 }}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
