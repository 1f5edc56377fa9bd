/** Published campaigns (open, closed, finalized) for anyone, newest first as the API lists them. */
import { useState } from 'react';
import { Alert, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import type { CampaignStatus } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePublicCampaigns } from '../api/get-public-campaigns.ts';

const COLORS: Partial<Record<CampaignStatus, string>> = { open: 'green', closed: 'orange', finalized: 'blue' };

/** A launched campaign whose first day is still ahead (`upcoming`) reads "Sắp diễn ra", not "Đang diễn ra". */
export function PublicCampaignList() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isPending, isError, error } = usePublicCampaigns({ q: q || undefined, page, pageSize: 10 });

  return (
    <Card>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Input.Search
          allowClear
          placeholder={t('campaigns.list.searchPlaceholder')}
          aria-label={t('campaigns.list.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          style={{ maxWidth: 420 }}
        />
        {isError ? (
          <Alert type="error" showIcon title={problemMessage(error)} />
        ) : (
          <List
            loading={isPending}
            dataSource={data?.items ?? []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.public.empty')} />,
            }}
            pagination={
              data && data.total > data.pageSize
                ? { current: page, pageSize: data.pageSize, total: data.total, onChange: setPage }
                : false
            }
            renderItem={(c) => (
              <List.Item key={c.id} data-testid="public-campaign-item">
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Link to="/cong-khai/phong-trao/$campaignId" params={{ campaignId: c.id }}>
                        {c.title}
                      </Link>
                      {c.status === 'open' && c.upcoming ? (
                        <Tag color="cyan" data-testid="campaign-status" data-upcoming>
                          {t('campaigns.upcoming.tag')}
                        </Tag>
                      ) : (
                        <Tag color={COLORS[c.status]} data-testid="campaign-status">
                          {t(`campaigns.status.${c.status}`)}
                        </Tag>
                      )}
                    </Space>
                  }
                  description={
                    <Typography.Text type="secondary">
                      {t('campaigns.list.numberLine', { number: c.number, authority: c.authorityName })} ·{' '}
                      {t('campaigns.list.period', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) })}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
