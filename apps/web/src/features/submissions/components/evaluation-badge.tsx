/**
 * The machine's evaluation of one answer: Đạt / Chưa đạt / Cần xem xét (or "Chưa trả lời"), with
 * the reason in words ("Tỷ lệ 35% đạt ngưỡng > 30%"). The standing office confirms or overrides it.
 */
import { Flex, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import type { SubmissionAnswer } from '@thidua/contract';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { measuredText, measureOf, thresholdText } from '../utils/answers.ts';

type Evaluated = Pick<SubmissionAnswer, 'kind' | 'derived' | 'comparator' | 'threshold' | 'evaluation'>;

export function useEvaluationReason() {
  const { t } = useSubmissionsTranslation();
  return (a: Evaluated): string => {
    const { reason } = a.evaluation;
    if (reason === 'threshold_met' || reason === 'threshold_not_met') {
      const what =
        measureOf(a) === 'percent' ? t('submissions.evaluation.ratioWord') : t('submissions.evaluation.countWord');
      return t(`submissions.evaluation.reason.${reason}`, {
        what,
        measured: measuredText(a) ?? '',
        threshold: thresholdText(a) ?? '',
      });
    }
    return t(`submissions.evaluation.reason.${reason}`);
  };
}

export function EvaluationBadge({
  answer,
  stale = false,
  showReason = true,
  align = 'end',
}: {
  answer: Evaluated;
  stale?: boolean;
  showReason?: boolean;
  align?: 'start' | 'end';
}) {
  const { t } = useSubmissionsTranslation();
  const reasonOf = useEvaluationReason();
  const { result, reason } = answer.evaluation;
  const unanswered = reason === 'missing_answer';
  const look = unanswered
    ? { color: 'default', icon: <MinusCircleOutlined />, label: t('submissions.evaluation.result.unanswered') }
    : result === 'met'
      ? { color: 'success', icon: <CheckCircleOutlined />, label: t('submissions.evaluation.result.met') }
      : result === 'not_met'
        ? { color: 'error', icon: <CloseCircleOutlined />, label: t('submissions.evaluation.result.not_met') }
        : {
            color: 'warning',
            icon: <ExclamationCircleOutlined />,
            label: t('submissions.evaluation.result.needs_review'),
          };
  return (
    <Flex
      vertical
      align={align === 'end' ? 'flex-end' : 'flex-start'}
      gap={2}
      style={{ opacity: stale ? 0.55 : 1, transition: 'opacity .2s' }}
      aria-busy={stale}
    >
      <Tag
        color={look.color}
        icon={look.icon}
        data-testid="evaluation-badge"
        data-result={unanswered ? 'unanswered' : result}
        style={{ marginInlineEnd: 0, fontSize: 13 }}
      >
        {look.label}
      </Tag>
      {showReason && !unanswered && (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, textAlign: align === 'end' ? 'right' : 'left' }}
          data-testid="evaluation-reason"
        >
          {reasonOf(answer)}
        </Typography.Text>
      )}
    </Flex>
  );
}
