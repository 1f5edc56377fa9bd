/**
 * Before the head signs off: what the self-assessment says (answered, met, not met, to review) and
 * what is missing — criteria without an answer (allowed, but the office will see them unanswered)
 * and required evidence not attached (the server refuses to submit until it is).
 */
import { Alert, Descriptions, Modal, Typography } from 'antd';
import type { Submission } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { isAnswered } from '../utils/answers.ts';

interface Props {
  open: boolean;
  submission: Submission;
  submitting: boolean;
  /** The server's refusal, if the last attempt failed. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function SubmitDialog({ open, submission, submitting, error, onConfirm, onCancel }: Props) {
  const { t } = useSubmissionsTranslation();
  const p = submission.progress;
  const unanswered = submission.answers.filter((a) => !isAnswered(a));
  const missing = submission.answers.filter((a) => a.evidenceMissing);
  const blocked = missing.length > 0;
  const list = (items: typeof unanswered, testId: string) => (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid={testId}>
      {items.map((a) => (
        <li key={a.criterionId}>
          <a href={`#criterion-${a.code}`} onClick={onCancel}>
            {a.code}
          </a>{' '}
          {a.title}
        </li>
      ))}
    </ul>
  );
  return (
    <Modal
      open={open}
      title={t(submission.status === 'returned' ? 'submissions.submit.titleAgain' : 'submissions.submit.title')}
      okText={t('submissions.submit.confirm')}
      cancelText={t('submissions.submit.cancel')}
      okButtonProps={{ disabled: blocked, loading: submitting }}
      onOk={onConfirm}
      onCancel={onCancel}
      width={680}
      destroyOnHidden
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('submissions.progress.answered')}>
          {t('submissions.progress.ofTotal', { done: formatNumber(p.answered), total: formatNumber(p.criteria) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('submissions.evaluation.result.met')}>{formatNumber(p.met)}</Descriptions.Item>
        <Descriptions.Item label={t('submissions.evaluation.result.not_met')}>
          {formatNumber(p.notMet)}
        </Descriptions.Item>
        <Descriptions.Item label={t('submissions.evaluation.result.needs_review')}>
          {formatNumber(p.needsReview)}
        </Descriptions.Item>
      </Descriptions>
      {blocked && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('submissions.submit.evidenceMissing', { count: missing.length })}
          description={list(missing, 'summary-evidence-missing')}
        />
      )}
      {unanswered.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('submissions.submit.unanswered', { count: unanswered.length })}
          description={list(unanswered, 'summary-unanswered')}
        />
      )}
      {!blocked && unanswered.length === 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('submissions.submit.complete')} />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('submissions.submit.afterwards')}
      </Typography.Paragraph>
    </Modal>
  );
}
