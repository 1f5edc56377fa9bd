/**
 * A submission's answers for a reviewer, grouped as the plan prints them: each criterion's answer,
 * the machine's evaluation with its reason, the unit's note and the evidence files to download.
 */
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CRITERION_GROUPS } from '@thidua/contract';
import type { SubmissionAnswer } from '@thidua/contract';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { AnswerView } from './answer-view.tsx';
import { DerivedAnswer } from './derived-answer.tsx';
import { EvaluationBadge } from './evaluation-badge.tsx';
import type { EvidenceSlot } from '../../../components/file-slots.ts';

export function AnswersTable({
  answers,
  Evidence,
  extraColumn,
}: {
  answers: readonly SubmissionAnswer[];
  Evidence: EvidenceSlot;
  /** One more column at the end (the reviewer's verdict, score and comment). */
  extraColumn?: TableColumnsType<SubmissionAnswer>[number];
}) {
  const { t } = useSubmissionsTranslation();
  // With the reviewer's column the table must still fit a laptop screen: the evaluation goes under
  // the answer, and the text columns narrow.
  const compact = Boolean(extraColumn);
  const evaluationColumn: TableColumnsType<SubmissionAnswer> = compact
    ? []
    : [
        {
          title: t('submissions.review.evaluation'),
          key: 'evaluation',
          width: 220,
          render: (_: unknown, a) => <EvaluationBadge answer={a} align="start" />,
        },
      ];
  const columns: TableColumnsType<SubmissionAnswer> = [
    {
      title: t('submissions.review.criterion'),
      key: 'criterion',
      render: (_: unknown, a) => (
        <div style={{ maxWidth: compact ? 320 : 440 }}>
          <Typography.Text strong>{a.code}.</Typography.Text> {a.title}
          {a.evidenceMissing && (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('submissions.criterion.evidenceMissing')}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: compact
        ? `${t('submissions.review.answer')} · ${t('submissions.review.evaluation')}`
        : t('submissions.review.answer'),
      key: 'answer',
      width: 260,
      render: (_: unknown, a) => (
        <div>
          {a.kind === 'derived' ? <DerivedAnswer answer={a} showLink={false} /> : <AnswerView answer={a} />}
          {compact && (
            <div style={{ marginTop: 6 }}>
              <EvaluationBadge answer={a} align="start" />
            </div>
          )}
          {a.note && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '6px 0 0', whiteSpace: 'pre-wrap' }}>
              {t('submissions.review.note', { note: a.note })}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    ...evaluationColumn,
    {
      title: t('submissions.criterion.evidence'),
      key: 'files',
      width: compact ? 200 : 280,
      render: (_: unknown, a) =>
        // A derived criterion's proof is its register; files attached to it (the inspection plan …) show too.
        a.kind === 'derived' && a.files.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Evidence files={a.files} testId={`evidence-${a.code}`} />
        ),
    },
    ...(extraColumn ? [extraColumn] : []),
  ];
  return (
    <div>
      {CRITERION_GROUPS.map((group) => {
        const items = answers.filter((a) => a.group === group);
        if (items.length === 0) return null;
        return (
          <div key={group} style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
              {t(`submissions.groups.${group}`)}
            </Typography.Title>
            <Table<SubmissionAnswer>
              rowKey="criterionId"
              size="small"
              columns={columns}
              dataSource={items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid={`answers-${group}`}
            />
          </div>
        );
      })}
    </div>
  );
}
