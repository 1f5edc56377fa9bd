/**
 * Two submitted versions side by side, criterion by criterion: the answer, the evaluation, the note
 * and the files before and after, with what changed highlighted. Any two versions can be chosen
 * (by default the last one against the one before it); unchanged criteria can be hidden.
 */
import { useMemo, useState } from 'react';
import { Alert, Empty, Flex, Select, Skeleton, Switch, Table, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { SwapRightOutlined } from '@ant-design/icons';
import type { SubmissionAnswer } from '@thidua/contract';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useVersion } from '../api/get-version.ts';
import { useVersions } from '../api/get-versions.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { compareAnswers, isDifferent, type AnswerComparison, type AnswerField } from '../utils/answers.ts';
import { AnswerView } from './answer-view.tsx';
import { EvaluationBadge } from './evaluation-badge.tsx';

export function VersionCompare({ submissionId }: { submissionId: string }) {
  const { t } = useSubmissionsTranslation();
  const versions = useVersions(submissionId);
  const items = versions.data?.items ?? [];
  const latest = items.length ? items[items.length - 1]!.number : null;
  const [picked, setPicked] = useState<{ before: number | null; after: number | null }>({ before: null, after: null });
  // Until the user chooses: the last version against the one before it.
  const after = picked.after ?? latest;
  const before = picked.before ?? (after !== null && after > 1 ? after - 1 : null);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const a = useVersion(submissionId, before);
  const b = useVersion(submissionId, after);

  const rows = useMemo(() => (b.data ? compareAnswers(a.data?.answers ?? [], b.data.answers) : []), [a.data, b.data]);
  const changed = rows.filter(isDifferent);

  if (versions.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (versions.isError) return <Alert type="error" showIcon title={problemMessage(versions.error)} />;
  if (items.length === 0) return <Empty description={t('submissions.compare.noVersions')} />;

  const options = items.map((v) => ({
    value: v.number,
    label: t('submissions.compare.versionLabel', { n: v.number, time: formatDateTime(v.submittedAt) }),
  }));
  const loading = b.isPending || (before !== null && a.isPending);
  const failed = b.error ?? a.error;

  return (
    <div data-testid="version-compare">
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Select<number | 'none'>
          value={before ?? 'none'}
          aria-label={t('submissions.compare.before')}
          style={{ width: 300 }}
          onChange={(v) => setPicked({ before: v === 'none' ? null : v, after })}
          options={[{ value: 'none', label: t('submissions.compare.nothing') }, ...options]}
        />
        <SwapRightOutlined aria-hidden />
        <Select<number>
          value={after ?? undefined}
          aria-label={t('submissions.compare.after')}
          style={{ width: 300 }}
          onChange={(v) => setPicked({ before, after: v })}
          options={options}
        />
        <Flex align="center" gap={6}>
          <Switch checked={onlyChanges} onChange={setOnlyChanges} aria-label={t('submissions.compare.onlyChanges')} />
          <span>{t('submissions.compare.onlyChanges')}</span>
        </Flex>
      </Flex>
      {failed ? (
        <Alert type="error" showIcon title={problemMessage(failed)} />
      ) : loading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Typography.Paragraph data-testid="compare-summary">
            {before === null
              ? t('submissions.compare.firstOnly', { n: after })
              : t('submissions.compare.summary', {
                  count: changed.length,
                  formatted: formatNumber(changed.length),
                  before,
                  after,
                })}
          </Typography.Paragraph>
          <CompareTable rows={onlyChanges && before !== null ? changed : rows} />
        </>
      )}
    </div>
  );
}

function Side({ answer, changed }: { answer: SubmissionAnswer | null; changed: readonly AnswerField[] }) {
  const { t } = useSubmissionsTranslation();
  const { token } = theme.useToken();
  if (!answer) return <Typography.Text type="secondary">{t('submissions.compare.absent')}</Typography.Text>;
  const mark = (field: AnswerField) =>
    changed.includes(field)
      ? { background: token.colorWarningBgHover, borderRadius: 4, padding: '0 4px', display: 'inline-block' }
      : undefined;
  return (
    <Flex vertical gap={4}>
      <div style={mark('answer')}>
        <AnswerView answer={answer} />
      </div>
      <div style={mark('evaluation')}>
        <EvaluationBadge answer={answer} align="start" />
      </div>
      {answer.note && (
        <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-wrap', ...mark('note') }}>
          {t('submissions.review.note', { note: answer.note })}
        </Typography.Text>
      )}
      {answer.files.length > 0 && (
        <Typography.Text style={{ fontSize: 13, ...mark('files') }}>
          {t('submissions.compare.files', { names: answer.files.map((f) => f.name).join(', ') })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function CompareTable({ rows }: { rows: AnswerComparison[] }) {
  const { t } = useSubmissionsTranslation();
  const { token } = theme.useToken();
  const columns: TableColumnsType<AnswerComparison> = [
    {
      title: t('submissions.review.criterion'),
      key: 'criterion',
      render: (_: unknown, r) => (
        <div style={{ maxWidth: 360 }}>
          <Typography.Text strong>{r.code}.</Typography.Text> {r.title}
          <div style={{ marginTop: 4 }}>
            {r.before === null ? (
              <Tag color="blue">{t('submissions.compare.added')}</Tag>
            ) : r.after === null ? (
              <Tag color="default">{t('submissions.compare.removed')}</Tag>
            ) : r.changed.length ? (
              r.changed.map((f) => (
                <Tag key={f} color="orange">
                  {t(`submissions.compare.field.${f}`)}
                </Tag>
              ))
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('submissions.compare.unchanged')}
              </Typography.Text>
            )}
          </div>
        </div>
      ),
    },
    {
      title: t('submissions.compare.before'),
      key: 'before',
      width: 300,
      render: (_: unknown, r) => <Side answer={r.before} changed={r.changed} />,
    },
    {
      title: t('submissions.compare.after'),
      key: 'after',
      width: 300,
      render: (_: unknown, r) => <Side answer={r.after} changed={r.changed} />,
    },
  ];
  return (
    <Table<AnswerComparison>
      rowKey="criterionId"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => (isDifferent(r) ? { style: { background: token.colorWarningBg } } : {})}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('submissions.compare.noChanges')} />,
      }}
      data-testid="compare-table"
    />
  );
}
