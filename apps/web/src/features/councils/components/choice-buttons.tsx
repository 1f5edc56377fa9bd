/** The three choices of a vote (đồng ý / không đồng ý / không biểu quyết) as small buttons. */
import { Button, Space } from 'antd';
import type { VoteChoice } from '@thidua/contract';
import { useCouncilsTranslation } from '../locales/register.ts';

const CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];

export function ChoiceButtons({
  onChoose,
  disabled,
  testId,
}: {
  onChoose: (choice: VoteChoice) => void;
  disabled: boolean;
  testId: string;
}) {
  const { t } = useCouncilsTranslation();
  return (
    <Space size={4} data-testid={testId}>
      {CHOICES.map((c) => (
        <Button
          key={c}
          size="small"
          type={c === 'for' ? 'primary' : 'default'}
          danger={c === 'against'}
          disabled={disabled}
          onClick={() => onChoose(c)}
          data-testid={`vote-${c}`}
        >
          {t(`councils.choice.${c}`)}
        </Button>
      ))}
    </Space>
  );
}
