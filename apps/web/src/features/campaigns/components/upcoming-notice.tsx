/**
 * The campaign page's notice for a campaign launched ahead of its first day: self-assessments open
 * on that day — or already, when the office opened them early on purpose, which the page then
 * says. The office (campaign.open) may open them early from here, after confirming.
 */
import { Alert, App, Button } from 'antd';
import type { Campaign } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useOpenSelfAssessmentEarly } from '../api/open-self-assessment-early.ts';

export function UpcomingNotice({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const can = useCan();
  const openEarly = useOpenSelfAssessmentEarly();
  const startsOn = formatDate(campaign.startsOn);

  if (campaign.selfAssessmentOpenedEarlyAt) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="campaign-upcoming"
        title={t('campaigns.upcoming.openedEarly', {
          at: formatDateTime(campaign.selfAssessmentOpenedEarlyAt),
          date: startsOn,
        })}
      />
    );
  }

  function confirm() {
    modal.confirm({
      title: t('campaigns.upcoming.openEarlyConfirmTitle'),
      content: t('campaigns.upcoming.openEarlyConfirm', { date: startsOn }),
      okText: t('campaigns.upcoming.openEarly'),
      onOk: async () => {
        try {
          await openEarly.mutateAsync(campaign.id);
          void message.success(t('campaigns.upcoming.openedEarlyDone'));
        } catch (err) {
          void message.error(problemMessage(err));
        }
      },
    });
  }

  return (
    <Alert
      type="info"
      showIcon
      data-testid="campaign-upcoming"
      title={t('campaigns.upcoming.notice', { date: startsOn })}
      action={
        can('campaign.open', { unitId: campaign.authorityUnitId }) && (
          <Button size="small" onClick={confirm} loading={openEarly.isPending}>
            {t('campaigns.upcoming.openEarly')}
          </Button>
        )
      }
    />
  );
}
