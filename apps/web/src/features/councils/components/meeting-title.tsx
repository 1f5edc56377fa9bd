/** A meeting's card title: its council's name and its status. */
import { Space, Tag } from 'antd';
import type { MeetingStatus } from '@thidua/contract';
import { useCouncilsTranslation } from '../locales/register.ts';
import { STATUS_COLORS } from './councils-list.tsx';

export function MeetingTitle({
  meeting,
  statusTestId,
}: {
  meeting: { councilName: string; status: MeetingStatus };
  statusTestId: string;
}) {
  const { t } = useCouncilsTranslation();
  return (
    <Space wrap>
      {meeting.councilName}
      <Tag color={STATUS_COLORS[meeting.status]} data-testid={statusTestId}>
        {t(`councils.status.${meeting.status}`)}
      </Tag>
    </Space>
  );
}
