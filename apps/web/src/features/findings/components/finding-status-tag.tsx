import { Space, Tag } from 'antd';
import type { FindingStatus } from '@thidua/contract';
import { useFindingsTranslation } from '../locales/register.ts';

const COLORS: Record<FindingStatus, string> = { open: 'orange', remedied: 'blue', verified: 'green' };

export function FindingStatusTag({ status, overdue = false }: { status: FindingStatus; overdue?: boolean }) {
  const { t } = useFindingsTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="finding-status">
        {t(`findings.status.${status}`)}
      </Tag>
      {overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('findings.overdue')}
        </Tag>
      )}
    </Space>
  );
}
