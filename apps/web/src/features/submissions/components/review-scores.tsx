/**
 * The office's review of a submitted self-assessment, criterion by criterion: beside the unit's
 * answer and the automatic evaluation, the reviewer's verdict (met / not met), a score from 0 to the
 * criterion's maximum (the maximum when met, 0 when not, unless changed) and a comment, autosaved.
 * Above the table: the total, how many criteria are reviewed, the four-eyes state with the second
 * reviewer's Confirm, and why accept must still wait (every criterion reviewed and, where required,
 * confirmed). The assessed unit's own members see none of it while the review is under way.
 */
import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  defaultScore,
  type CriterionReview,
  type ReviewChange,
  type ReviewVerdict,
  type Submission,
} from '@thidua/contract';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';
import { useConfirmReview } from '../api/confirm-review.ts';
import type { ReviewAutosave } from '../hooks/use-review-autosave.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { AnswersTable } from './answers-table.tsx';
import { AutosaveIndicator } from './autosave-indicator.tsx';

export interface ReviewAbilities {
  /** Records verdicts and scores (the office, not on its own unit, while submitted). */
  score: boolean;
  /** Returns or accepts. */
  decide: boolean;
  /** Holds the second reviewer's permission (whether this user may confirm also depends on the review). */
  confirm: boolean;
  userId: string | null;
}

type Value = Pick<ReviewChange, 'verdict' | 'score' | 'comment'>;

/** What the screen shows for a criterion: the unsaved change over the server's review. */
function valueOf(autosave: ReviewAutosave, c: CriterionReview): Value | null {
  const d = autosave.drafts.get(c.criterionId);
  if (d) return d;
  return c.review ? { verdict: c.review.verdict, score: c.review.score, comment: c.review.comment } : null;
}

/** Why accept must wait (null: it may go ahead): a save under way, criteria not reviewed, no confirmation. */
export function useAcceptBlocked(autosave: ReviewAutosave): string | null {
  const { t } = useSubmissionsTranslation();
  const review = autosave.review;
  if (autosave.dirty) return t('submissions.scoring.blockedSaving');
  if (review.withheld) return t('submissions.scoring.withheld');
  if (review.missing > 0) return t('submissions.scoring.blockedMissing', { count: review.missing });
  if (review.requireSecondReviewer && !review.confirmation) return t('submissions.scoring.blockedConfirm');
  return null;
}

/** The total, how many criteria are reviewed, the four-eyes state and the second reviewer's Confirm. */
export function ReviewSummary({
  submission,
  autosave,
  can,
  acceptBlocked,
}: {
  submission: Submission;
  autosave: ReviewAutosave;
  can: ReviewAbilities;
  acceptBlocked: string | null;
}) {
  const { t } = useSubmissionsTranslation();
  const { message } = App.useApp();
  const confirmer = useConfirmReview();
  const review = autosave.review;
  const open = submission.status === 'submitted';
  if (review.withheld) return <Alert type="info" showIcon title={t('submissions.scoring.withheld')} />;
  const values = review.criteria.map((c) => valueOf(autosave, c));
  const reviewedCount = values.filter(Boolean).length;
  const total = values.reduce((sum, v) => sum + (v?.score ?? 0), 0);
  const mayConfirm =
    open &&
    can.confirm &&
    review.requireSecondReviewer &&
    !review.confirmation &&
    review.missing === 0 &&
    !autosave.dirty &&
    !(can.userId && review.reviewerIds.includes(can.userId));

  async function confirm() {
    try {
      await confirmer.mutateAsync({ id: submission.id, etag: autosave.etag });
      void message.success(t('submissions.scoring.confirmed'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  let fourEyes: ReactNode = null;
  if (review.requireSecondReviewer)
    fourEyes = review.confirmation ? (
      <Tag color="green" icon={<SafetyCertificateOutlined />} data-testid="review-confirmation">
        {t('submissions.scoring.confirmedBy', {
          who: review.confirmation.confirmedByName ?? '—',
          time: formatDateTime(review.confirmation.confirmedAt),
        })}
      </Tag>
    ) : (
      <Tag color="orange" data-testid="review-confirmation">
        {t('submissions.scoring.awaitingConfirmation')}
      </Tag>
    );

  return (
    <Card size="small" data-testid="review-summary">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space size={16} wrap>
          <Typography.Text strong data-testid="review-total">
            {t('submissions.scoring.total', { total: formatNumber(total, 2), max: formatNumber(review.maxTotal, 2) })}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="review-count">
            {t('submissions.scoring.reviewedOf', { done: reviewedCount, total: review.criteria.length })}
          </Typography.Text>
          {fourEyes}
          {can.score && open && (
            <AutosaveIndicator
              status={autosave.status}
              onRetry={() => void autosave.flush()}
              onReload={() => void autosave.reload()}
            />
          )}
        </Space>
        {mayConfirm && (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={confirmer.isPending}
            onClick={() => void confirm()}
            data-testid="confirm-review-button"
          >
            {t('submissions.scoring.confirm')}
          </Button>
        )}
      </Flex>
      {open && can.decide && acceptBlocked && (
        <Typography.Text type="secondary" data-testid="accept-blocked" style={{ display: 'block', marginTop: 6 }}>
          {acceptBlocked}
        </Typography.Text>
      )}
      {autosave.status.kind === 'conflict' && (
        <Alert type="error" showIcon title={t('submissions.scoring.conflict')} style={{ marginTop: 8 }} />
      )}
    </Card>
  );
}

/** The answers with their evaluations and evidence, and per criterion the review (editable for the reviewer). */
export function ReviewTable({
  submission,
  autosave,
  editable: mayScore,
  Evidence,
}: {
  submission: Submission;
  autosave: ReviewAutosave;
  editable: boolean;
  Evidence: EvidenceSlot;
}) {
  const { t } = useSubmissionsTranslation();
  const review = autosave.review;
  if (review.withheld) return <AnswersTable answers={submission.answers} Evidence={Evidence} />;
  const editable = mayScore && submission.status === 'submitted' && autosave.status.kind !== 'conflict';
  const byId = new Map(review.criteria.map((c) => [c.criterionId, c]));

  function write(c: CriterionReview, next: Partial<Value>, immediate = false) {
    const suggested: ReviewVerdict = c.evaluation.result === 'met' ? 'met' : 'not_met';
    const base = valueOf(autosave, c) ?? {
      verdict: suggested,
      score: defaultScore(suggested, c.maxScore),
      comment: null,
    };
    autosave.change({ criterionId: c.criterionId, ...base, ...next }, immediate);
  }

  const reviewColumn = {
    title: t('submissions.scoring.column'),
    key: 'review',
    width: 300,
    render: (_: unknown, a: Submission['answers'][number]) => {
      const c = byId.get(a.criterionId);
      if (!c) return null;
      const v = valueOf(autosave, c);
      if (!editable) return <ReviewEntryView value={v} maxScore={c.maxScore} code={c.code} />;
      return (
        <Flex vertical gap={6} data-testid={`review-${c.code}`} style={{ minWidth: 260 }}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="small"
            value={v?.verdict ?? null}
            aria-label={t('submissions.scoring.verdictOf', { code: c.code })}
            options={[
              { value: 'met', label: t('submissions.scoring.met') },
              { value: 'not_met', label: t('submissions.scoring.notMet') },
            ]}
            onChange={(e) => {
              const verdict = e.target.value as ReviewVerdict;
              write(c, { verdict, score: defaultScore(verdict, c.maxScore) }, true);
            }}
          />
          <Space size={6} align="center">
            <InputNumber
              size="small"
              min={0}
              max={c.maxScore}
              step={1}
              value={v?.score ?? null}
              aria-label={t('submissions.scoring.scoreOf', { code: c.code })}
              onChange={(score) => {
                if (typeof score === 'number') write(c, { score });
              }}
            />
            <Typography.Text type="secondary">
              {t('submissions.scoring.outOf', { max: formatNumber(c.maxScore, 2) })}
            </Typography.Text>
          </Space>
          <Input.TextArea
            size="small"
            value={v?.comment ?? ''}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={5000}
            placeholder={t('submissions.scoring.commentPlaceholder')}
            aria-label={t('submissions.scoring.commentOf', { code: c.code })}
            onChange={(e) => write(c, { comment: e.target.value || null })}
          />
        </Flex>
      );
    },
  };
  return <AnswersTable answers={submission.answers} Evidence={Evidence} extraColumn={reviewColumn} />;
}

/** A criterion's review as read (not editable): "Đạt · 8/10", and the comment. */
export function ReviewEntryView({ value, maxScore, code }: { value: Value | null; maxScore: number; code: string }) {
  const { t } = useSubmissionsTranslation();
  if (!value)
    return (
      <Typography.Text type="secondary" data-testid={`review-${code}`}>
        {t('submissions.scoring.notReviewed')}
      </Typography.Text>
    );
  return (
    <div data-testid={`review-${code}`}>
      <Space size={6} wrap>
        <Tag color={value.verdict === 'met' ? 'green' : 'red'}>
          {t(value.verdict === 'met' ? 'submissions.scoring.met' : 'submissions.scoring.notMet')}
        </Tag>
        <Typography.Text>
          {t('submissions.scoring.points', {
            score: formatNumber(value.score ?? 0, 2),
            max: formatNumber(maxScore, 2),
          })}
        </Typography.Text>
      </Space>
      {value.comment && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
          {value.comment}
        </Typography.Paragraph>
      )}
    </div>
  );
}
