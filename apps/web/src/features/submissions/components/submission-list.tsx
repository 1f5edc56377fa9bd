/**
 * The standing office's list of a campaign's self-assessments: filtered by status and by collective
 * or individual, searched by unit or person (diacritics ignored), with each one's progress, missing
 * evidence, submit time and versions. Drafts are not in these rows (they stay inside their unit);
 * "Tất cả" for the units shows every participating unit with its state instead — not started,
 * drafting (and how many criteria the draft answers), submitted … — through the `AllUnits` slot.
 */
import { useState, type ComponentType } from 'react';
import { Segmented, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import type { CriterionTarget, SubmissionStatus, SubmissionSummary } from '@thidua/contract';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useSubmissions } from '../api/get-submissions.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { SubmissionStatusTag } from './submission-status-tag.tsx';

/** What the office can see: everything but drafts. */
const REVIEW_STATUSES = ['submitted', 'returned', 'accepted'] as const satisfies readonly SubmissionStatus[];

interface Props {
  campaignId: string;
  /** Every participating unit with its state (the progress feature's table), for "Tất cả". */
  AllUnits?: ComponentType<{ campaignId: string; q: string }>;
}

export function SubmissionList({ campaignId, AllUnits }: Props) {
  const { t } = useSubmissionsTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<SubmissionStatus | 'all'>('submitted');
  const [target, setTarget] = useState<CriterionTarget | 'all'>('all');
  const [search, setSearch] = useState('');
  const paging = usePagination();
  const q = useDebouncedValue(search.trim(), 300);
  const submissions = useSubmissions(campaignId, {
    q: q || undefined,
    status: status === 'all' ? undefined : status,
    target: target === 'all' ? undefined : target,
    page: paging.page,
    pageSize: paging.pageSize,
  });

  // "Tất cả" of the units: every participant with its state, not only the submitted ones.
  const allUnits = status === 'all' && target !== 'individual' && AllUnits;

  const open = (s: SubmissionSummary) =>
    void navigate({
      to: '/phong-trao/$campaignId/tu-danh-gia/$submissionId',
      params: { campaignId, submissionId: s.id },
    });

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
              {s.personName
                ? `${s.unitName} · ${t('submissions.target.individual')}`
                : `${s.unitCode} · ${t('submissions.target.collective')}`}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('submissions.list.status'),
      dataIndex: 'status',
      width: 140,
      render: (st: SubmissionStatus) => <SubmissionStatusTag status={st} />,
    },
    {
      title: t('submissions.list.progress'),
      key: 'progress',
      width: 200,
      render: (_: unknown, s) => (
        <div style={{ fontSize: 13 }}>
          <div>
            {t('submissions.progress.answeredOf', {
              done: formatNumber(s.progress.answered),
              total: formatNumber(s.progress.criteria),
            })}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('submissions.list.results', {
              met: s.progress.met,
              notMet: s.progress.notMet,
              review: s.progress.needsReview,
            })}
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
          <Typography.Text style={{ fontSize: 13 }}>
            {t('submissions.progress.withEvidence', { count: s.progress.withEvidence })}
          </Typography.Text>
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
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('submissions.list.search')}
        searchPlacement="last"
        searchWidth={300}
        filters={
          <>
            <Segmented<SubmissionStatus | 'all'>
              value={status}
              onChange={paging.resettingPage(setStatus)}
              options={[
                ...REVIEW_STATUSES.map((s) => ({ value: s, label: t(`submissions.status.${s}`) })),
                { value: 'all', label: t('submissions.list.allStatuses') },
              ]}
            />
            <Select<CriterionTarget | 'all'>
              value={target}
              aria-label={t('submissions.list.target')}
              onChange={paging.resettingPage(setTarget)}
              options={[
                { value: 'all', label: t('submissions.list.allTargets') },
                { value: 'collective', label: t('submissions.target.collective') },
                { value: 'individual', label: t('submissions.target.individual') },
              ]}
              style={{ width: 170 }}
            />
          </>
        }
      />
      {allUnits ? (
        <AllUnits campaignId={campaignId} q={q} />
      ) : (
        <PagedTable<SubmissionSummary>
          list={submissions}
          paging={paging}
          columns={columns}
          onRow={(s) => ({ onDoubleClick: () => open(s) })}
          emptyText={
            q || status !== 'all' || target !== 'all' ? t('submissions.list.noMatch') : t('submissions.list.empty')
          }
          totalText={(total) => t('submissions.list.total', { count: total, formatted: formatNumber(total) })}
        />
      )}
    </div>
  );
}
