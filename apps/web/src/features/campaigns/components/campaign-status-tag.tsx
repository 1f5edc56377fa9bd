/**
 * A campaign's status as a coloured tag: Nháp, Đang diễn ra, Đã kết thúc, Đã tổng kết, Lưu trữ —
 * and Sắp diễn ra for a launched campaign whose first day is still ahead (the API's `upcoming`).
 */
import { Tag } from 'antd';
import type { CampaignStatus } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../utils/campaign.ts';

export function CampaignStatusTag({ status, upcoming = false }: { status: CampaignStatus; upcoming?: boolean }) {
  const { t } = useTranslation();
  const early = status === 'open' && upcoming;
  return (
    <Tag
      color={early ? 'cyan' : STATUS_COLORS[status]}
      data-testid="campaign-status"
      data-upcoming={early || undefined}
    >
      {early ? t('campaigns.upcoming.tag') : t(`campaigns.status.${status}`)}
    </Tag>
  );
}
