/**
 * One criterion of the self-assessment form: code and title as the plan prints them, the
 * threshold and what evidence it needs, the guidance, the answer input (or the derived value),
 * a note for the reviewer, the evidence files, and the evaluation badge from the last save; once
 * the office has returned or accepted it, the reviewer's verdict, score and comment.
 */
import { Alert, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { InfoCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import type { CriterionAnswer, CriterionReviewEntry, FileInfo, SubmissionAnswer } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { thresholdText } from '../utils/answers.ts';
import { AnswerInput } from './answer-input.tsx';
import { AnswerView } from './answer-view.tsx';
import { DerivedAnswer } from './derived-answer.tsx';
import { EvaluationBadge } from './evaluation-badge.tsx';
import type { EvidenceSlot } from '../../../components/file-slots.ts';

interface Props {
  /** The server's state of this criterion (evaluation, files, derived value). */
  answer: SubmissionAnswer;
  /** What the form shows: the user's unsaved values over the server's. */
  value: { answer: CriterionAnswer | null; note: string | null; files: readonly FileInfo[] };
  guidance: string | null | undefined;
  editable: boolean;
  /** The user changed something not saved yet: the badge is about to change. */
  pending: boolean;
  ownerUnitId: string;
  Evidence: EvidenceSlot;
  /** The office's review of this criterion, shown once returned or accepted. */
  review?: CriterionReviewEntry | null;
  onAnswer: (answer: CriterionAnswer | null) => void;
  onNote: (note: string | null) => void;
  onAddFile: (file: FileInfo) => void;
  onRemoveFile: (fileId: string) => void;
}

export function CriterionCard({
  answer,
  value,
  guidance,
  editable,
  pending,
  ownerUnitId,
  Evidence,
  review,
  onAnswer,
  onNote,
  onAddFile,
  onRemoveFile,
}: Props) {
  const { t } = useSubmissionsTranslation();
  const threshold = thresholdText(answer);
  const derived = answer.kind === 'derived';
  return (
    <Card
      size="small"
      data-testid={`criterion-${answer.code}`}
      id={`criterion-${answer.code}`}
      styles={{ body: { padding: 16 } }}
    >
      <Flex justify="space-between" align="flex-start" gap={16}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong>
            {answer.code}. {answer.title}
          </Typography.Text>
          <Space size={[6, 4]} wrap style={{ display: 'flex', marginTop: 6 }}>
            {threshold && <Tag>{t('submissions.criterion.threshold', { value: threshold })}</Tag>}
            <Tag>{t('submissions.criterion.maxScore', { value: formatNumber(answer.maxScore, 2) })}</Tag>
            {answer.evidenceRequired && <Tag color="purple">{t('submissions.criterion.evidenceRequired')}</Tag>}
            {answer.evidenceMissing && (
              <Tag color="red" data-testid="evidence-missing">
                {t('submissions.criterion.evidenceMissing')}
              </Tag>
            )}
          </Space>
        </div>
        <Flex align="flex-start" gap={6} style={{ flexShrink: 0, maxWidth: 260 }}>
          {pending && <LoadingOutlined aria-label={t('submissions.criterion.updating')} style={{ marginTop: 4 }} />}
          <EvaluationBadge answer={answer} stale={pending} />
        </Flex>
      </Flex>

      {review && (
        <Alert
          type={review.verdict === 'met' ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 10 }}
          data-testid={`review-note-${answer.code}`}
          title={t('submissions.scoring.unitSees', {
            verdict: t(review.verdict === 'met' ? 'submissions.scoring.met' : 'submissions.scoring.notMet'),
            score: formatNumber(review.score, 2),
            max: formatNumber(answer.maxScore, 2),
          })}
          description={review.comment ? <span style={{ whiteSpace: 'pre-wrap' }}>{review.comment}</span> : undefined}
        />
      )}

      {guidance && (
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 10, marginBottom: 0, whiteSpace: 'pre-wrap', fontSize: 13 }}
        >
          <InfoCircleOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
          <span>{t('submissions.criterion.guidance')}: </span>
          {guidance}
        </Typography.Paragraph>
      )}

      <div style={{ marginTop: 12 }}>
        {derived ? (
          <DerivedAnswer answer={answer} />
        ) : editable ? (
          <AnswerInput
            kind={answer.kind as Exclude<typeof answer.kind, 'derived'>}
            value={value.answer}
            onChange={onAnswer}
            code={answer.code}
          />
        ) : (
          <AnswerView answer={{ kind: answer.kind, answer: value.answer }} />
        )}
      </div>

      {(editable || value.note) && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('submissions.criterion.note')}
          </Typography.Text>
          {editable ? (
            <Input.TextArea
              value={value.note ?? ''}
              autoSize={{ minRows: 1, maxRows: 8 }}
              maxLength={10000}
              placeholder={t('submissions.criterion.notePlaceholder')}
              aria-label={t('submissions.criterion.noteOf', { code: answer.code })}
              onChange={(e) => onNote(e.target.value || null)}
              style={{ marginTop: 4 }}
            />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {value.note}
            </Typography.Paragraph>
          )}
        </div>
      )}

      {/* Derived criteria take evidence too (the inspection plan behind a findings ratio …): the
          register's records are the measure, the files back it up. */}
      {(editable || value.files.length > 0 || !derived) && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('submissions.criterion.evidence')}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Evidence
              files={value.files}
              ownerUnitId={ownerUnitId}
              testId={`evidence-${answer.code}`}
              uploadLabel={t('submissions.criterion.uploadEvidence')}
              {...(editable ? { onAdd: onAddFile, onRemove: onRemoveFile } : {})}
            />
          </div>
        </div>
      )}
    </Card>
  );
}
