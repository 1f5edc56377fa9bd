/**
 * Every participating unit of a campaign with where its self-assessment stands — not enrolled, not
 * started, drafting, submitted, returned, accepted — and how many criteria it answers (a draft's
 * count too). The office's "Tất cả" view of the self-assessment list, given to it as a slot by the
 * route. A draft is only a state and a count here: it opens only for its own unit.
 */
import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import type { ProgressStatus, UnitProgress } from '@thidua/contract';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useProgress } from '../api/get-progress.ts';
import { useProgressTranslation } from '../locales/register.ts';

const TAG_COLORS: Record<ProgressStatus, string> = {
  not_enrolled: 'default',
  not_started: 'default',
  draft: 'gold',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
};

export interface UnitStatesTableProps {
  campaignId: string;
  /** The list's search (unit name or code, diacritics ignored). */
  q: string;
}

export function UnitStatesTable({ campaignId, q }: UnitStatesTableProps) {
  const { t } = useProgressTranslation();
  const paging = usePagination();
  const progress = useProgress(campaignId, { q: q || undefined, page: paging.page, pageSize: paging.pageSize });
  const list = {
    ...progress,
    data: progress.data ? { items: progress.data.units.items, total: progress.data.units.total } : undefined,
  };

  const columns: TableColumnsType<UnitProgress> = [
    {
      title: t('progress.table.unit'),
      key: 'unit',
      render: (_, u) => (
        <Flex vertical>
          {u.submissionId && u.status !== 'draft' ? (
            <Link
              to="/phong-trao/$campaignId/tu-danh-gia/$submissionId"
              params={{ campaignId, submissionId: u.submissionId }}
              data-testid="submission-link"
            >
              {u.unitName}
            </Link>
          ) : (
            <Typography.Text>{u.unitName}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.unitCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('progress.table.status'),
      key: 'status',
      width: 150,
      render: (_, u) => (
        <Tag color={TAG_COLORS[u.status]} data-testid="unit-state">
          {t(`progress.status.${u.status}`)}
        </Tag>
      ),
    },
    {
      title: t('progress.table.answered'),
      key: 'answered',
      width: 180,
      render: (_, u) => (
        <span style={{ fontSize: 13 }} data-testid="unit-answered">
          {t('progress.table.answeredOf', { done: formatNumber(u.answered), total: formatNumber(u.criteria) })}
        </span>
      ),
    },
    {
      title: t('progress.table.lastSubmitted'),
      dataIndex: 'lastSubmittedAt',
      width: 170,
      responsive: ['md'],
      render: (v: string | null) => <span style={{ fontSize: 13 }}>{v ? formatDateTime(v) : '—'}</span>,
    },
    {
      title: t('progress.table.deadline'),
      key: 'deadline',
      width: 130,
      responsive: ['lg'],
      render: (_, u) => (
        <span style={{ fontSize: 13 }}>
          {formatDate(u.deadline)}
          {u.deadlineExtended && <Typography.Text type="secondary"> ({t('progress.table.extended')})</Typography.Text>}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="unit-states">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('progress.table.allUnitsHint')}
      </Typography.Paragraph>
      <PagedTable<UnitProgress>
        rowKey="unitId"
        list={list}
        paging={paging}
        columns={columns}
        emptyText={t('progress.table.empty')}
        totalText={(total) => t('progress.table.total', { formatted: formatNumber(total) })}
      />
    </div>
  );
}
