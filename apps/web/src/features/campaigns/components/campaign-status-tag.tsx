/** A campaign's status as a coloured tag: Nháp, Đang diễn ra, Đã kết thúc, Đã tổng kết, Lưu trữ. */
import { Tag } from 'antd';
import type { CampaignStatus } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../utils/campaign.ts';

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="campaign-status">
      {t(`campaigns.status.${status}`)}
    </Tag>
  );
}
