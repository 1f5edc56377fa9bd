/** Campaigns with their status and dates, searchable (diacritics ignored) and filtered by status, one page at a time. */
import { useState } from 'react';
import { Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import { CAMPAIGN_STATUSES } from '@thidua/contract';
import type { Campaign, CampaignStatus } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
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
  const paging = usePagination();
  const q = useDebouncedValue(search.trim(), 300);
  const campaigns = useCampaigns({ q: q || undefined, status, page: paging.page, pageSize: paging.pageSize });

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
    {
      title: t('campaigns.fields.status'),
      dataIndex: 'status',
      width: 140,
      render: (s: CampaignStatus, c) => <CampaignStatusTag status={s} upcoming={c.upcoming} />,
    },
    {
      title: t('campaigns.fields.period'),
      key: 'period',
      width: 210,
      render: (_: unknown, c) => t('campaigns.list.period', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) }),
    },
    {
      title: t('campaigns.fields.submissionDeadline'),
      dataIndex: 'submissionDeadline',
      width: 150,
      responsive: ['lg'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('campaigns.fields.criteriaCount'),
      dataIndex: 'criteriaCount',
      width: 110,
      align: 'center',
      responsive: ['md'],
      render: (n: number) => formatNumber(n),
    },
  ];

  return (
    <div>
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('campaigns.list.searchPlaceholder')}
        searchWidth={320}
        filters={
          <Select<CampaignStatus | 'all'>
            value={status ?? 'all'}
            aria-label={t('campaigns.fields.status')}
            onChange={(v) => paging.resettingPage(setStatus)(v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: t('campaigns.list.allStatuses') },
              ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) })),
            ]}
            style={{ width: 200 }}
          />
        }
        actions={extra}
      />
      <PagedTable<Campaign>
        list={campaigns}
        paging={paging}
        columns={columns}
        emptyText={q || status ? t('campaigns.list.noMatch') : t('campaigns.list.empty')}
        totalText={(total) => t('campaigns.list.total', { count: total, formatted: formatNumber(total) })}
      />
    </div>
  );
}
