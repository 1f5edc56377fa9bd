/** An answer as read by a reviewer: "Có", "35/100 (35%)", "2", the narrative; "Chưa trả lời" when empty. */
import { Typography } from 'antd';
import type { SubmissionAnswer } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { ratioPercent } from '../utils/answers.ts';

export function AnswerView({ answer }: { answer: Pick<SubmissionAnswer, 'kind' | 'answer'> }) {
  const { t } = useSubmissionsTranslation();
  const a = answer.answer;
  const none = <Typography.Text type="secondary">{t('submissions.answer.none')}</Typography.Text>;
  if (!a) return none;
  const hasRatio = a.numerator !== undefined || a.denominator !== undefined;
  if (answer.kind === 'boolean')
    return typeof a.value === 'boolean' ? (
      <span>{a.value ? t('submissions.answer.yes') : t('submissions.answer.no')}</span>
    ) : (
      none
    );
  if (answer.kind === 'text')
    return a.text ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.text}</Typography.Paragraph>
    ) : (
      none
    );
  if (answer.kind === 'ratio' || (answer.kind === 'derived' && hasRatio)) {
    const pct = ratioPercent(a);
    const n = a.numerator ?? null;
    const d = a.denominator ?? null;
    if (n === null && d === null) return none;
    return (
      <span>
        {`${n === null ? '…' : formatNumber(n)}/${d === null ? '…' : formatNumber(d)}`}
        {pct !== null && ` (${formatNumber(pct, 2)}%)`}
      </span>
    );
  }
  return typeof a.value === 'number' ? <span>{formatNumber(a.value, 2)}</span> : none;
}
