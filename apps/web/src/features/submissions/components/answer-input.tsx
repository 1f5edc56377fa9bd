/**
 * The input that fits a criterion's kind: Có/Không; numerator and denominator with the percent
 * computed as one types; a count; a narrative. Half-typed answers are fine (autosave keeps a
 * numerator before its denominator); the server evaluates what it receives.
 */
import { Button, Flex, InputNumber, Input, Radio, Typography } from 'antd';
import type { CriterionAnswer, CriterionKind } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';
import { useSubmissionsTranslation } from '../locales/register.ts';
import { ratioPercent } from '../utils/answers.ts';

interface Props {
  kind: Exclude<CriterionKind, 'derived'>;
  value: CriterionAnswer | null;
  onChange: (next: CriterionAnswer | null) => void;
  disabled?: boolean;
  /** For labels: "1.2.a.8". */
  code: string;
}

const toInt = (v: number | string | null): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null;

export function AnswerInput({ kind, value, onChange, disabled, code }: Props) {
  const { t } = useSubmissionsTranslation();

  if (kind === 'boolean') {
    const v = typeof value?.value === 'boolean' ? (value.value ? 'yes' : 'no') : undefined;
    return (
      <Flex align="center" gap={8} wrap>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={v}
          disabled={disabled}
          aria-label={t('submissions.answer.booleanLabel', { code })}
          onChange={(e) => onChange({ value: e.target.value === 'yes' })}
          options={[
            { value: 'yes', label: t('submissions.answer.yes') },
            { value: 'no', label: t('submissions.answer.no') },
          ]}
        />
        {v !== undefined && !disabled && (
          <Button type="link" size="small" onClick={() => onChange(null)}>
            {t('submissions.answer.clear')}
          </Button>
        )}
      </Flex>
    );
  }

  if (kind === 'ratio') {
    const n = value?.numerator ?? null;
    const d = value?.denominator ?? null;
    const pct = ratioPercent(value);
    const set = (patch: Partial<CriterionAnswer>) => {
      const next = { numerator: n, denominator: d, ...patch };
      onChange(next.numerator === null && next.denominator === null ? null : next);
    };
    return (
      <Flex align="center" gap={8} wrap>
        <InputNumber<number>
          min={0}
          precision={0}
          value={n}
          disabled={disabled}
          placeholder={t('submissions.answer.numerator')}
          aria-label={t('submissions.answer.numeratorOf', { code })}
          onChange={(x) => set({ numerator: toInt(x) })}
          style={{ width: 130 }}
        />
        <Typography.Text strong aria-hidden>
          /
        </Typography.Text>
        <InputNumber<number>
          min={0}
          precision={0}
          value={d}
          disabled={disabled}
          placeholder={t('submissions.answer.denominator')}
          aria-label={t('submissions.answer.denominatorOf', { code })}
          onChange={(x) => set({ denominator: toInt(x) })}
          style={{ width: 130 }}
        />
        <Typography.Text data-testid="ratio-percent" type={pct === null ? 'secondary' : undefined}>
          {pct === null
            ? d === 0
              ? t('submissions.answer.zeroDenominator')
              : t('submissions.answer.percentPending')
            : `= ${formatNumber(pct, 2)}%`}
        </Typography.Text>
        {n !== null && d !== null && n > d && (
          <Typography.Text type="warning" style={{ fontSize: 13 }}>
            {t('submissions.answer.numeratorTooBig')}
          </Typography.Text>
        )}
      </Flex>
    );
  }

  if (kind === 'count') {
    return (
      <InputNumber<number>
        min={0}
        precision={0}
        value={typeof value?.value === 'number' ? value.value : null}
        disabled={disabled}
        aria-label={t('submissions.answer.countOf', { code })}
        placeholder={t('submissions.answer.count')}
        onChange={(x) => {
          const v = toInt(x);
          onChange(v === null ? null : { value: v });
        }}
        style={{ width: 160 }}
      />
    );
  }

  return (
    <Input.TextArea
      value={value?.text ?? ''}
      disabled={disabled}
      autoSize={{ minRows: 3, maxRows: 14 }}
      maxLength={20000}
      aria-label={t('submissions.answer.textOf', { code })}
      placeholder={t('submissions.answer.textPlaceholder')}
      onChange={(e) => onChange(e.target.value ? { text: e.target.value } : null)}
    />
  );
}
