/** Campaigns with their status and dates, searchable (diacritics ignored) and filtered by status, one page at a time. */
import { useState } from 'react';
import { Alert, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import { CAMPAIGN_STATUSES } from '@thidua/contract';
import type { Campaign, CampaignStatus } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useCampaigns } from '../api/get-campaigns.ts';
import { CampaignStatusTag } from './campaign-status-tag.tsx';

interface Props {
  /** Rendered on the right of the filters (the "create" button, when the user may create). */
  extra?: React.ReactNode;
}

export function CampaignList({ extra }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CampaignStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isPending, isFetching, isError, error } = useCampaigns({ q: q || undefined, status, page, pageSize });

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('campaigns.fields.title'),
      dataIndex: 'title',
      render: (title: string, c) => (
        <div>
          <Link to="/phong-trao/$campaignId" params={{ campaignId: c.id }} data-testid="campaign-link">
            {title}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('campaigns.list.numberLine', { number: c.number, authority: c.authorityName })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('campaigns.fields.status'), dataIndex: 'status', width: 140, render: (s: CampaignStatus) => <CampaignStatusTag status={s} /> },
    {
      title: t('campaigns.fields.period'),
      key: 'period',
      width: 210,
      render: (_: unknown, c) => t('campaigns.list.period', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) }),
    },
    { title: t('campaigns.fields.submissionDeadline'), dataIndex: 'submissionDeadline', width: 150, responsive: ['lg'], render: (d: string) => formatDate(d) },
    { title: t('campaigns.fields.criteriaCount'), dataIndex: 'criteriaCount', width: 110, align: 'center', responsive: ['md'], render: (n: number) => formatNumber(n) },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('campaigns.list.searchPlaceholder')}
            aria-label={t('campaigns.list.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
            style={{ width: 320 }}
          />
          <Select<CampaignStatus | 'all'>
            value={status ?? 'all'}
            aria-label={t('campaigns.fields.status')}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : v);
              setPage(1);
            }}
            options={[{ value: 'all', label: t('campaigns.list.allStatuses') }, ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))]}
            style={{ width: 200 }}
          />
        </Space>
        {extra}
      </Space>
      {isError ? (
        <Alert type="error" showIcon title={problemMessage(error)} />
      ) : (
        <Table<Campaign>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isPending || isFetching}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q || status ? t('campaigns.list.noMatch') : t('campaigns.list.empty')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('campaigns.list.total', { count: total, formatted: formatNumber(total) }),
            onChange: (p, size) => {
              setPage(size === pageSize ? p : 1);
              setPageSize(size);
            },
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </div>
  );
}
