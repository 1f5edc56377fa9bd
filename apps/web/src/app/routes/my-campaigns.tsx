/**
 * /cua-toi: "Phong trào của đơn vị" — the running campaigns the user's units take part in, each
 * with its self-assessment's progress and the button to start or continue it. The campaigns and
 * the unit's enrolment come from the campaigns feature; the self-assessment card from submissions.
 */
import { Alert, Card, Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.ts';
import { MyCampaignEntry } from '../my-campaign-entry.tsx';
import { useSubmissionsTranslation } from '../../features/submissions/locales/register.ts';

export default function MyCampaignsPage() {
  const { t } = useTranslation();
  const texts = useSubmissionsTranslation();
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
            <MyCampaignEntry key={c.id} campaign={c} />
          ))}
        </Flex>
      )}
    </div>
  );
}
