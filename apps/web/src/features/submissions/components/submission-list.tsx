/**
 * The standing office's list of a campaign's self-assessments: filtered by status and by collective
 * or individual, searched by unit or person (diacritics ignored), with each one's progress, missing
 * evidence, submit time and versions. Drafts never appear here: they stay inside their unit.
 */
import { useState } from 'react';
import { Alert, Empty, Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import type { CriterionTarget, SubmissionStatus, SubmissionSummary } from '@thidua/contract';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useSubmissions } from '../api/get-submissions.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { SubmissionStatusTag } from './submission-status-tag.tsx';

/** What the office can see: everything but drafts. */
const REVIEW_STATUSES = ['submitted', 'returned', 'accepted'] as const satisfies readonly SubmissionStatus[];

export function SubmissionList({ campaignId }: { campaignId: string }) {
  const { t } = useSubmissionsTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<SubmissionStatus | 'all'>('submitted');
  const [target, setTarget] = useState<CriterionTarget | 'all'>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isPending, isFetching, isError, error } = useSubmissions(campaignId, {
    q: q || undefined,
    status: status === 'all' ? undefined : status,
    target: target === 'all' ? undefined : target,
    page,
    pageSize,
  });

  const open = (s: SubmissionSummary) => void navigate({ to: '/phong-trao/$campaignId/tu-danh-gia/$submissionId', params: { campaignId, submissionId: s.id } });

  const columns: TableColumnsType<SubmissionSummary> = [
    {
      title: t('submissions.list.unit'),
      key: 'unit',
      render: (_: unknown, s) => (
        <div>
          <Typography.Link onClick={() => open(s)} data-testid="submission-link">
            {s.personName ?? s.unitName}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {s.personName ? `${s.unitName} · ${t('submissions.target.individual')}` : `${s.unitCode} · ${t('submissions.target.collective')}`}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('submissions.list.status'), dataIndex: 'status', width: 140, render: (st: SubmissionStatus) => <SubmissionStatusTag status={st} /> },
    {
      title: t('submissions.list.progress'),
      key: 'progress',
      width: 200,
      render: (_: unknown, s) => (
        <div style={{ fontSize: 13 }}>
          <div>{t('submissions.progress.answeredOf', { done: formatNumber(s.progress.answered), total: formatNumber(s.progress.criteria) })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('submissions.list.results', { met: s.progress.met, notMet: s.progress.notMet, review: s.progress.needsReview })}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('submissions.list.evidence'),
      key: 'evidence',
      width: 170,
      responsive: ['md'],
      render: (_: unknown, s) =>
        s.progress.evidenceMissing.length > 0 ? (
          <Typography.Text type="danger" style={{ fontSize: 13 }}>
            {t('submissions.progress.evidenceMissing', { count: s.progress.evidenceMissing.length })}
          </Typography.Text>
        ) : (
          <Typography.Text style={{ fontSize: 13 }}>{t('submissions.progress.withEvidence', { count: s.progress.withEvidence })}</Typography.Text>
        ),
    },
    {
      title: t('submissions.list.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      responsive: ['lg'],
      render: (v: string | null, s) => (
        <div style={{ fontSize: 13 }}>
          {v ? formatDateTime(v) : '—'}
          {s.versionCount > 1 && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('submissions.list.versions', { count: s.versionCount })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('submissions.list.deadline'),
      dataIndex: 'deadline',
      width: 130,
      responsive: ['xl'],
      render: (d: string, s) => (
        <span style={{ fontSize: 13 }}>
          {formatDate(d)}
          {s.deadlineExtended && <Typography.Text type="secondary"> {t('submissions.list.extended')}</Typography.Text>}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="submission-list">
      <Flex wrap gap={12} style={{ marginBottom: 12 }}>
        <Segmented<SubmissionStatus | 'all'>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[...REVIEW_STATUSES.map((s) => ({ value: s, label: t(`submissions.status.${s}`) })), { value: 'all', label: t('submissions.list.allStatuses') }]}
        />
        <Select<CriterionTarget | 'all'>
          value={target}
          aria-label={t('submissions.list.target')}
          onChange={(v) => {
            setTarget(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('submissions.list.allTargets') },
            { value: 'collective', label: t('submissions.target.collective') },
            { value: 'individual', label: t('submissions.target.individual') },
          ]}
          style={{ width: 170 }}
        />
        <Input.Search
          allowClear
          value={search}
          placeholder={t('submissions.list.search')}
          aria-label={t('submissions.list.search')}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          style={{ width: 300 }}
        />
      </Flex>
      {isError ? (
        <Alert type="error" showIcon title={problemMessage(error)} />
      ) : (
        <Table<SubmissionSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isPending || isFetching}
          onRow={(s) => ({ onDoubleClick: () => open(s) })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q || status !== 'all' || target !== 'all' ? t('submissions.list.noMatch') : t('submissions.list.empty')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('submissions.list.total', { count: total, formatted: formatNumber(total) }),
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
