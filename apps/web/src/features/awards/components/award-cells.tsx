/** Pieces of an award's row shared by the register and the histories: the amount "702.000 đ", the recipient with its revocation. */
import { Tag, Typography } from 'antd';
import type { Award } from '@thidua/contract';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useAwardsTranslation } from '../locales/register.ts';

/** "702.000 đ" (Vietnamese thousands separator). */
export function useFormatAmount(): (n: number) => string {
  const { t } = useAwardsTranslation();
  return (n) => t('awardRegister.amount', { amount: formatNumber(n) });
}

/** The recipient's name (struck through once revoked) with the revocation's date, author and reason. */
export function RecipientCell({ award }: { award: Award }) {
  const { t } = useAwardsTranslation();
  const revoked = award.revoked;
  return (
    <div style={{ maxWidth: 320 }}>
      <Typography.Text strong delete={Boolean(revoked)} data-testid="award-recipient">
        {award.recipientName}
      </Typography.Text>{' '}
      <Tag bordered={false}>
        {award.recipientKind === 'person' ? t('awardRegister.person') : t('awardRegister.unit')}
      </Tag>
      {revoked && (
        <div data-testid="award-revoked">
          <Tag color="red">{t('awardRegister.revokedTag')}</Tag>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('awardRegister.revokedLine', {
              date: formatDate(revoked.at),
              by: revoked.byName ? t('awardRegister.revokedBy', { name: revoked.byName }) : '',
              reason: revoked.reason,
            })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The decision's number and date. */
export function DecisionCell({ award }: { award: Award }) {
  const { t } = useAwardsTranslation();
  return (
    <Typography.Text delete={Boolean(award.revoked)} style={{ fontSize: 13 }}>
      {t('awardRegister.fields.decisionLine', { number: award.decisionNumber, date: formatDate(award.decidedOn) })}
    </Typography.Text>
  );
}
