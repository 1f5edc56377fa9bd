/**
 * The administrator's list of background jobs: what the system did or will do by itself, filtered
 * by status and kind, with the attempts, the (next) run, the last error, and "Retry" on a failed
 * job. The list refreshes itself while open, since jobs move without anyone acting.
 */
import { useState } from 'react';
import { Button, Card, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, RedoOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { JOB_STATUSES, type Job, type JobStatus } from '@thidua/contract';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useConfirmedAction } from '../../../lib/use-confirmed-action.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useJobs } from '../api/get-jobs.ts';
import { useRetryJob } from '../api/retry-job.ts';
import { useJobsTranslation } from '../locales/register.ts';

const STATUS_COLORS: Record<JobStatus, string> = {
  pending: 'blue',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** Kinds every installation has (others appear as they occur in the list). */
const KNOWN_KINDS = ['campaign.open', 'campaign.close', 'reminder.scheduled', 'email.send', 'audit.checkpoint'];

function campaignOf(job: Job): string | null {
  const p = job.payload as { campaignId?: unknown } | null;
  return p && typeof p.campaignId === 'string' ? p.campaignId : null;
}

export function JobsList() {
  const { t, i18n } = useJobsTranslation();
  const [status, setStatus] = useState<JobStatus | 'all'>('all');
  const [kind, setKind] = useState<string | undefined>(undefined);
  const paging = usePagination([20, 50, 100]);
  const confirmAction = useConfirmedAction();
  const retry = useRetryJob();
  const jobs = useJobs({
    status: status === 'all' ? undefined : status,
    kind,
    page: paging.page,
    pageSize: paging.pageSize,
  });

  const kindLabel = (k: string) => (i18n.exists(`jobs.kinds.${k}`) ? t(`jobs.kinds.${k}`) : k);
  const kinds = [...new Set([...KNOWN_KINDS, ...(jobs.data?.items.map((j) => j.kind) ?? []), ...(kind ? [kind] : [])])];

  function confirmRetry(job: Job) {
    confirmAction({
      title: t('jobs.retry.title'),
      content: `${kindLabel(job.kind)} — ${job.lastError ?? job.key}`,
      okText: t('jobs.retry.ok'),
      run: () => retry.mutateAsync(job.id),
      doneMessage: t('jobs.retry.done'),
    });
  }

  const columns: TableColumnsType<Job> = [
    {
      title: t('jobs.fields.kind'),
      key: 'kind',
      render: (_: unknown, job) => (
        <Space orientation="vertical" size={0}>
          <span>{kindLabel(job.kind)}</span>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {job.key}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('jobs.fields.subject'),
      key: 'subject',
      responsive: ['lg'],
      render: (_: unknown, job) => {
        const campaignId = campaignOf(job);
        return campaignId ? (
          <Link to="/phong-trao/$campaignId" params={{ campaignId }}>
            {campaignId}
          </Link>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    {
      title: t('jobs.fields.status'),
      dataIndex: 'status',
      render: (s: JobStatus) => (
        <Tag color={STATUS_COLORS[s]} data-testid="job-status">
          {t(`jobs.status.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('jobs.fields.attempts'),
      key: 'attempts',
      align: 'right',
      render: (_: unknown, job) => `${job.attempts}/${job.maxAttempts}`,
    },
    {
      title: t('jobs.fields.runAt'),
      key: 'runAt',
      render: (_: unknown, job) =>
        job.status === 'done' || job.status === 'failed' ? (
          <Typography.Text type="secondary">
            {t('jobs.fields.finishedAt')}: {formatDateTime(job.finishedAt)}
          </Typography.Text>
        ) : (
          formatDateTime(job.runAt)
        ),
    },
    {
      title: t('jobs.fields.lastError'),
      dataIndex: 'lastError',
      render: (e: string | null, job) =>
        e ? (
          <Typography.Paragraph
            type={job.status === 'done' ? 'secondary' : 'danger'}
            style={{ maxWidth: 420, marginBottom: 0 }}
            ellipsis={{ rows: 2, expandable: true }}
          >
            {e}
          </Typography.Paragraph>
        ) : null,
    },
    {
      key: 'actions',
      render: (_: unknown, job) =>
        job.status === 'failed' ? (
          <Button size="small" icon={<RedoOutlined />} onClick={() => confirmRetry(job)}>
            {t('jobs.retry.button')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Segmented<JobStatus | 'all'>
            value={status}
            onChange={paging.resettingPage(setStatus)}
            options={[
              { value: 'all', label: t('jobs.allStatuses') },
              ...JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) })),
            ]}
          />
          <Select<string>
            allowClear
            placeholder={t('jobs.kindFilter')}
            aria-label={t('jobs.kindFilter')}
            value={kind}
            onChange={(v) => paging.resettingPage(setKind)(v ?? undefined)}
            options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            style={{ minWidth: 260 }}
          />
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void jobs.refetch()} loading={jobs.isFetching}>
          {t('jobs.refresh')}
        </Button>
      </Space>
      <PagedTable<Job>
        list={jobs}
        paging={paging}
        columns={columns}
        emptyText={t('jobs.empty')}
        totalText={(total) => t('jobs.total', { count: total, formatted: formatNumber(total) })}
      />
    </Card>
  );
}
