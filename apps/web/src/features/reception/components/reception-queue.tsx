/**
 * The desk's queue (Tiếp nhận hồ sơ): the dossiers of its authority waiting at the desk (oldest
 * first), or those received or returned, with the working days each waited — highlighted past the
 * limit the API reports — a campaign filter and a diacritics-free search. Each row opens the
 * dossier at the desk. The campaigns to filter by come from the page (features do not import each other).
 */
import { useState } from 'react';
import { Flex, Segmented, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import { RECEPTION_QUEUE_STATUSES, type ReceptionDossier, type ReceptionQueueStatus } from '@thidua/contract';
import { formatDate } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { DossierStatusTag } from '../../../components/dossiers/dossier-status-tag.tsx';
import { useReceptionQueue } from '../api/get-queue.ts';
import { useReceptionTranslation } from '../locales/register.ts';
import { SearchSelect } from '../../../components/search-select.tsx';

interface Props {
  campaigns: readonly { id: string; title: string }[];
}

export function ReceptionQueue({ campaigns }: Props) {
  const { t } = useReceptionTranslation();
  const { token } = theme.useToken();
  const [status, setStatus] = useState<ReceptionQueueStatus>('submitted');
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const paging = usePagination();
  const q = useDebouncedValue(search.trim(), 300);
  const queue = useReceptionQueue({
    status,
    campaignId,
    q: q || undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const limit = queue.data?.limitWorkingDays ?? 5;
  const overdue = (d: ReceptionDossier) => d.status === 'submitted' && d.waitingWorkingDays > limit;

  const columns: TableColumnsType<ReceptionDossier> = [
    {
      title: t('reception.fields.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, d) => <DossierStatusTag status={d.status} />,
    },
    {
      title: t('reception.fields.nominee'),
      key: 'nominee',
      render: (_: unknown, d) => (
        <div style={{ minWidth: 180 }}>
          <Link to="/tiep-nhan/$dossierId" params={{ dossierId: d.id }} data-testid="queue-open">
            <Typography.Text strong>{d.nomineeName}</Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {d.unitName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('reception.fields.awardType'), dataIndex: 'awardTypeName', width: 170 },
    {
      title: t('reception.fields.campaign'),
      dataIndex: 'campaignTitle',
      render: (title: string) => (
        <Typography.Text style={{ maxWidth: 240, display: 'inline-block' }} ellipsis={{ tooltip: title }}>
          {title}
        </Typography.Text>
      ),
    },
    {
      title: t('reception.fields.submittedAt'),
      dataIndex: 'submittedAt',
      width: 110,
      render: (at: string | null) => formatDate(at),
    },
    {
      title: t('reception.fields.waitingShort'),
      key: 'waiting',
      width: 110,
      align: 'right',
      render: (_: unknown, d) =>
        overdue(d) ? (
          <Tag color="red" title={t('reception.queue.overdue', { limit })} data-testid="waiting-overdue">
            {t('reception.queue.days', { count: d.waitingWorkingDays })}
          </Tag>
        ) : (
          t('reception.queue.days', { count: d.waitingWorkingDays })
        ),
    },
    {
      title: t('reception.fields.receiptNumber'),
      dataIndex: 'receiptNumber',
      width: 120,
      render: (n: string | null) => n ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <div>
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('reception.queue.search')}
        searchWidth={360}
        searchPlacement="last"
        filters={
          <>
            <Segmented<ReceptionQueueStatus>
              value={status}
              onChange={paging.resettingPage(setStatus)}
              options={RECEPTION_QUEUE_STATUSES.map((s) => ({ value: s, label: t(`reception.status.${s}`) }))}
              data-testid="queue-status"
            />
            <SearchSelect
              allowClear
              value={campaignId}
              onChange={paging.resettingPage((v: string | undefined) => setCampaignId(v))}
              placeholder={t('reception.queue.allCampaigns')}
              aria-label={t('reception.fields.campaign')}
              style={{ width: 320, maxWidth: '100%' }}
              options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
            />
          </>
        }
      />
      <PagedTable<ReceptionDossier>
        list={queue}
        paging={paging}
        columns={columns}
        emptyText={t(`reception.queue.empty.${status}`)}
        totalText={(count) => t('reception.queue.total', { count })}
        onRow={(d) => ({
          'data-testid': 'queue-row',
          style: overdue(d) ? { background: token.colorErrorBg } : undefined,
        })}
      />
      {status === 'submitted' && (
        <Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('reception.queue.limitNote', { limit })}
          </Typography.Text>
        </Flex>
      )}
    </div>
  );
}
