/** The leader revokes an award: the reason is required; the award stays in the register, marked. */
import { Typography } from 'antd';
import type { Award } from '@thidua/contract';
import { ReasonDialog } from '../../../components/reason-dialog.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useRevokeAward } from '../api/revoke-award.ts';
import { useAwardsTranslation } from '../locales/register.ts';

export function RevokeAwardModal({ award, onClose }: { award: Award | null; onClose: () => void }) {
  const { t } = useAwardsTranslation();
  const revoke = useRevokeAward();
  return (
    <ReasonDialog
      open={award !== null}
      title={t('awardRegister.revoke.title')}
      okText={t('awardRegister.revoke.save')}
      cancelText={t('awardRegister.revoke.cancel')}
      danger
      okTestId="revoke-award-save"
      saving={revoke.isPending}
      savedMessage={t('awardRegister.revoke.saved')}
      onSubmit={({ reason }) => revoke.mutateAsync({ award: award!, reason: reason.trim() })}
      onClose={onClose}
      reason={{
        label: t('awardRegister.revoke.reason'),
        requiredMessage: t('awardRegister.revoke.reasonRequired'),
        placeholder: t('awardRegister.revoke.reasonPlaceholder'),
        maxLength: 2000,
        testId: 'revoke-award-reason',
      }}
    >
      {award && (
        <Typography.Paragraph>
          <Typography.Text strong>{award.recipientName}</Typography.Text> — {award.awardTypeName}
          <br />
          {t('awardRegister.fields.decisionLine', { number: award.decisionNumber, date: formatDate(award.decidedOn) })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t('awardRegister.revoke.intro')}</Typography.Paragraph>
    </ReasonDialog>
  );
}
