/**
 * /cua-toi: "Phong trào của đơn vị" — the running campaigns the user's units take part in, each
 * with its self-assessment's progress and the button to start or continue it. The campaigns and
 * the unit's enrolment come from the campaigns feature; the self-assessment card from submissions.
 */
import { useMemo } from 'react';
import { Alert, Card, Empty, Flex, Skeleton } from 'antd';
import { ownUnitsFor, type Campaign } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.ts';
import { useParticipants } from '../../features/campaigns/api/get-participants.ts';
import { MyCampaignCard, type UnitParticipation } from '../../features/submissions/components/my-campaign-card.tsx';
import { useSubmissionsTranslation } from '../../features/submissions/locales/register.ts';

export default function MyCampaignsPage() {
  const { t } = useTranslation();
  const texts = useSubmissionsTranslation();
  const { user } = useSession();
  // The units whose self-assessment the user writes as their officer or head.
  const myUnits = useMemo(() => ownUnitsFor(user, 'submission.write'), [user]);
  // A returned self-assessment can still be corrected after the campaign closes, so closed ones stay listed.
  const open = useCampaigns({ status: 'open', page: 1, pageSize: 50 });
  const closed = useCampaigns({ status: 'closed', page: 1, pageSize: 50 });
  const campaigns = [...(open.data?.items ?? []), ...(closed.data?.items ?? [])];
  const error = open.error ?? closed.error;

  return (
    <div data-testid="my-campaigns">
      <PageHeader title={t('submissions.pages.mine.title')} subtitle={t('submissions.pages.mine.description')} />
      {open.isPending || closed.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      ) : error ? (
        <Alert type="error" showIcon title={problemMessage(error)} />
      ) : campaigns.length === 0 ? (
        <Card>
          <Empty description={texts.t('submissions.mine.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {campaigns.map((c) => (
            <CampaignEntry key={c.id} campaign={c} myUnits={myUnits} />
          ))}
        </Flex>
      )}
    </div>
  );
}

/** One campaign: which of the user's units take part and have enrolled, then its card. */
function CampaignEntry({ campaign, myUnits }: { campaign: Campaign; myUnits: string[] }) {
  // Unit roles see only their own units among the participants, so one page holds them.
  const participants = useParticipants(campaign.id, { page: 1, pageSize: 100 }, myUnits.length > 0);
  const units: UnitParticipation[] | undefined =
    myUnits.length === 0
      ? []
      : participants.data?.items
          .filter((p) => myUnits.includes(p.unitId))
          .map((p) => ({ unitId: p.unitId, unitName: p.unitName, enrolled: p.enrolled }));
  return <MyCampaignCard campaign={campaign} units={units} unitsError={participants.error} />;
}
