/**
 * A derived criterion's answer: computed by the server from the registers (findings remedied,
 * recognised initiatives), never typed. Shows the value, where it comes from and when it was
 * computed, with a link to the register where the unit can change what feeds it.
 */
import { Flex, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { SubmissionAnswer } from '@thidua/contract';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { AnswerView } from './answer-view.tsx';

export function DerivedAnswer({ answer, showLink = true }: { answer: SubmissionAnswer; showLink?: boolean }) {
  const { t } = useSubmissionsTranslation();
  const source = answer.derived?.source;
  const a = answer.answer;
  let explanation: string;
  if (source === 'findings_remedied_ratio') {
    if (!a) explanation = t('submissions.derived.findingsNotForPerson');
    else if (!a.denominator) explanation = t('submissions.derived.findingsNone');
    else
      explanation = t('submissions.derived.findings', {
        verified: formatNumber(a.numerator ?? 0),
        total: formatNumber(a.denominator),
      });
  } else if (source === 'recognised_initiatives_count') {
    explanation = t('submissions.derived.initiatives', { count: typeof a?.value === 'number' ? a.value : 0 });
  } else {
    explanation = t('submissions.derived.unknown');
  }
  return (
    <Flex vertical gap={4} data-testid="derived-answer">
      <Flex align="center" gap={8} wrap>
        <CalculatorOutlined aria-hidden />
        <Typography.Text strong>
          <AnswerView answer={answer} />
        </Typography.Text>
        <Typography.Text type="secondary">{t('submissions.derived.readOnly')}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {explanation}
        {answer.derived?.computedAt &&
          ` ${t('submissions.derived.computedAt', { time: formatDateTime(answer.derived.computedAt) })}`}
      </Typography.Text>
      {showLink && source && (
        <Link to={source === 'findings_remedied_ratio' ? '/ton-tai' : '/sang-kien'} style={{ fontSize: 13 }}>
          {t(
            source === 'findings_remedied_ratio'
              ? 'submissions.derived.openFindings'
              : 'submissions.derived.openInitiatives',
          )}
        </Link>
      )}
    </Flex>
  );
}
