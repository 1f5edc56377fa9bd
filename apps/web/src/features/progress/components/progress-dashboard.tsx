/**
 * The progress dashboard of one campaign: the screen the standing office and the leadership open
 * every morning. Count cards, a chart of where the units stand (a click on a bar, or on a card,
 * filters the unit table), a chart of how many units meet each criterion (those most units fail
 * first), and the unit table with last activity and days to the deadline (red once past). A unit's
 * officer or head gets the same screen for their own unit's line only (the API decides).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Space, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type {
  CampaignProgress,
  CriterionProgress,
  ProgressFilter,
  ProgressStatus,
  UnitProgress,
} from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { holdsWidely } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { Chart, type ChartOption } from '../../../components/chart.tsx';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useProgress } from '../api/get-progress.ts';
import { useProgressTranslation } from '../locales/register.ts';

/** The statuses every participating unit is in exactly one of, in the order of the chart. */
const STATUSES: readonly ProgressStatus[] = [
  'not_enrolled',
  'not_started',
  'draft',
  'submitted',
  'returned',
  'accepted',
];
const FILTERS: readonly ProgressFilter[] = [...STATUSES, 'enrolled', 'on_time', 'late', 'overdue'];

type Counts = CampaignProgress['counts'];
/** The count cards: each names the count and the filter a click on it applies. */
const CARDS: { key: keyof Counts; filter?: ProgressFilter }[] = [
  { key: 'participants' },
  { key: 'enrolled', filter: 'enrolled' },
  { key: 'notStarted', filter: 'not_started' },
  { key: 'drafting', filter: 'draft' },
  { key: 'submittedOnTime', filter: 'on_time' },
  { key: 'submittedLate', filter: 'late' },
  { key: 'returned', filter: 'returned' },
  { key: 'accepted', filter: 'accepted' },
  { key: 'overdue', filter: 'overdue' },
];
const STATUS_COUNT: Record<ProgressStatus, keyof Counts> = {
  not_enrolled: 'notEnrolled',
  not_started: 'notStarted',
  draft: 'drafting',
  submitted: 'submitted',
  returned: 'returned',
  accepted: 'accepted',
};

/** The status tags' antd preset colours. */
const TAG_COLORS: Record<ProgressStatus, string> = {
  not_enrolled: 'default',
  not_started: 'default',
  draft: 'gold',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
};

/** A colour per status in the chart, from the antd theme. */
function colorsOf(token: ReturnType<typeof theme.useToken>['token']): Record<ProgressStatus, string> {
  return {
    not_enrolled: token.colorTextQuaternary,
    not_started: token.colorTextTertiary,
    draft: token.colorWarning,
    submitted: token.colorPrimary,
    returned: token.colorError,
    accepted: token.colorSuccess,
  };
}

interface Props {
  campaignId: string;
  /** The table's filter, kept in the URL by the page. */
  filter: ProgressFilter | undefined;
  onFilterChange: (filter: ProgressFilter | undefined) => void;
}

export function ProgressDashboard({ campaignId, filter, onFilterChange }: Props) {
  const { t } = useProgressTranslation();
  const { token } = theme.useToken();
  const { user } = useSession();
  const reviewer = holdsWidely(user, 'submission.read');
  const [search, setSearch] = useState('');
  const paging = usePagination();
  const q = useDebouncedValue(search.trim(), 300);
  const progress = useProgress(campaignId, {
    status: filter,
    q: q || undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const data = progress.data;
  const statusColors = useMemo(() => colorsOf(token), [token]);
  const select = paging.resettingPage(onFilterChange);

  const statusOption = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    // the bar of the status the table is filtered by stands out (other filters dim nothing)
    const shownStatus = STATUSES.find((x) => x === filter);
    return {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [...STATUSES],
        axisLabel: { interval: 0, formatter: (v: string) => t(`progress.status.${v}`) },
      },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('progress.charts.units'),
          data: STATUSES.map((s) => ({
            name: s,
            value: data.counts[STATUS_COUNT[s]],
            itemStyle: { color: statusColors[s], opacity: shownStatus && shownStatus !== s ? 0.35 : 1 },
          })),
          label: { show: true, position: 'right' },
          tooltip: { valueFormatter: (v) => formatNumber(Number(v)) },
        },
      ],
    };
  }, [data, filter, t, statusColors]);

  const criteriaOption = useMemo<ChartOption | null>(() => {
    if (!data?.criteria.length) return null;
    const rows: CriterionProgress[] = data.criteria;
    const series = (
      key: 'met' | 'notMet' | 'needsReview' | 'notAnswered',
      color: string,
    ): NonNullable<ChartOption['series']> => ({
      type: 'bar',
      stack: 'units',
      name: t(`progress.charts.${key}`),
      data: rows.map((c) => c[key]),
      itemStyle: { color },
      emphasis: { focus: 'series' },
    });
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((c) => c.code),
        axisLabel: { width: 90, overflow: 'truncate' },
      },
      series: [
        series('notMet', token.colorError),
        series('met', token.colorSuccess),
        series('needsReview', token.colorWarning),
        series('notAnswered', token.colorFillSecondary),
      ] as ChartOption['series'],
    };
  }, [data, t, token]);

  if (progress.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (progress.isError && !data) return <Alert type="error" showIcon title={problemMessage(progress.error)} />;
  if (!data) return null;

  const columns: TableColumnsType<UnitProgress> = [
    {
      title: t('progress.table.unit'),
      key: 'unit',
      render: (_, u) => (
        <Flex vertical>
          <Typography.Text strong>{u.unitName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.unitCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('progress.table.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          <Tag color={TAG_COLORS[u.status]} data-testid="progress-unit-status">
            {t(`progress.status.${u.status}`)}
          </Tag>
          {u.late && <Tag color="error">{t('progress.table.late')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('progress.table.answered'),
      key: 'answered',
      render: (_, u) =>
        t('progress.table.answeredOf', { done: formatNumber(u.answered), total: formatNumber(u.criteria) }),
    },
    {
      title: t('progress.table.lastActivity'),
      dataIndex: 'lastActivityAt',
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('progress.table.never')}</Typography.Text>,
    },
    {
      title: t('progress.table.deadline'),
      key: 'deadline',
      render: (_, u) => (
        <Space size={4}>
          {formatDate(u.deadline)}
          {u.deadlineExtended && <Tag>{t('progress.table.extended')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('progress.table.daysToDeadline'),
      key: 'days',
      align: 'right',
      render: (_, u) => <DaysToDeadline unit={u} />,
    },
    {
      title: t('progress.table.criteriaMet'),
      key: 'met',
      align: 'right',
      render: (_, u) =>
        u.criteriaMet === null ? '—' : `${formatNumber(u.criteriaMet)} / ${formatNumber(data.criteria.length)}`,
    },
    {
      key: 'open',
      render: (_, u) => {
        if (!u.submissionId) return null;
        return reviewer && u.status !== 'draft' ? (
          <Link
            to="/phong-trao/$campaignId/tu-danh-gia/$submissionId"
            params={{ campaignId, submissionId: u.submissionId }}
          >
            {t('progress.table.open')}
          </Link>
        ) : (
          <Link to="/tu-danh-gia/$submissionId" params={{ submissionId: u.submissionId }}>
            {t('progress.table.open')}
          </Link>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="progress-dashboard">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('progress.today', { date: formatDate(data.today), deadline: formatDate(data.submissionDeadline) })}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void progress.refetch()} loading={progress.isFetching}>
          {t('progress.refresh')}
        </Button>
      </Flex>
      {data.ownUnitsOnly && <Alert type="info" showIcon title={t('progress.ownUnitOnly')} />}
      {progress.isError && <Alert type="error" showIcon title={problemMessage(progress.error)} />}

      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(112px, 1fr))' }}>
        {CARDS.map((c) => (
          <CountCard
            key={c.key}
            label={t(`progress.counts.${c.key}`)}
            value={data.counts[c.key]}
            testId={`progress-count-${c.key}`}
            active={c.filter !== undefined && filter === c.filter}
            onClick={c.filter ? () => select(filter === c.filter ? undefined : c.filter) : undefined}
          />
        ))}
      </div>

      {data.counts.participants === 0 ? (
        <Card>
          <Empty description={t('progress.noParticipants')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('progress.charts.statuses')} style={{ height: '100%' }}>
              <Typography.Text type="secondary">{t('progress.charts.statusesHint')}</Typography.Text>
              {statusOption && (
                <Chart
                  option={statusOption}
                  height={280}
                  label={t('progress.charts.statuses')}
                  testId="progress-status-chart"
                  onSelect={(name) => {
                    const s = STATUSES.find((x) => x === name);
                    if (s) select(filter === s ? undefined : s);
                  }}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('progress.charts.criteria')} style={{ height: '100%' }}>
              <Typography.Text type="secondary">{t('progress.charts.criteriaHint')}</Typography.Text>
              {criteriaOption ? (
                <Chart
                  option={criteriaOption}
                  height={Math.max(240, 48 + data.criteria.length * 26)}
                  label={t('progress.charts.criteria')}
                  testId="progress-criteria-chart"
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.charts.noCriteria')} />
              )}
            </Card>
          </Col>
        </Row>
      )}

      <Card size="small" title={t('progress.table.title')}>
        <ListToolbar
          search={search}
          onSearchChange={paging.resettingPage(setSearch)}
          searchPlaceholder={t('progress.table.search')}
          filters={
            <Select<ProgressFilter | 'all'>
              aria-label={t('progress.table.status')}
              data-testid="progress-filter"
              style={{ width: 200 }}
              value={filter ?? 'all'}
              onChange={(v) => select(v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('progress.table.allStatuses') },
                ...FILTERS.map((f) => ({ value: f, label: t(`progress.status.${f}`) })),
              ]}
            />
          }
        />
        <PagedTable<UnitProgress>
          rowKey="unitId"
          data-testid="progress-units"
          list={{ ...progress, data: data.units }}
          paging={paging}
          columns={columns}
          emptyText={t('progress.table.empty')}
          totalText={(total) => t('progress.table.total', { formatted: formatNumber(total) })}
        />
      </Card>
    </Flex>
  );
}

function CountCard({
  label,
  value,
  testId,
  active,
  onClick,
}: {
  label: ReactNode;
  value: number;
  testId: string;
  active: boolean;
  onClick: (() => void) | undefined;
}) {
  const { token } = theme.useToken();
  return (
    <Card
      size="small"
      hoverable={Boolean(onClick)}
      onClick={onClick}
      role={onClick ? 'button' : undefined}
      tabIndex={onClick ? 0 : undefined}
      aria-pressed={onClick ? active : undefined}
      onKeyDown={(e) => {
        if (onClick && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onClick();
        }
      }}
      style={{ height: '100%', borderColor: active ? token.colorPrimary : undefined }}
      data-testid={testId}
    >
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={`${testId}-value`}>
        {formatNumber(value)}
      </div>
    </Card>
  );
}

/** Days to the deadline; red once past for a unit that has not submitted, and for a late first submission. */
function DaysToDeadline({ unit }: { unit: UnitProgress }) {
  const { t } = useProgressTranslation();
  const d = unit.daysToDeadline;
  const text =
    d > 0
      ? t('progress.table.daysLeft', { count: d })
      : d === 0
        ? t('progress.table.dueToday')
        : t('progress.table.daysLate', { count: -d });
  const red = unit.overdue || unit.late;
  return (
    <Typography.Text type={red ? 'danger' : undefined} strong={red} data-testid="progress-days">
      {text}
    </Typography.Text>
  );
}
