/** /phong-trao: campaigns with status and dates; authors create one from a template or blank. */
import { useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { CampaignList } from '../../features/campaigns/components/campaign-list.tsx';
import { CreateCampaignModal } from '../../features/campaigns/components/create-campaign-modal.tsx';
import { canAuthorCampaigns } from '../../features/campaigns/utils/campaign.ts';
import { useTemplates } from '../../features/templates/api/get-templates.ts';

export default function CampaignsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const canCreate = canAuthorCampaigns(user);
  const [creating, setCreating] = useState(false);
  const templates = useTemplates(canCreate);

  return (
    <div>
      <PageHeader title={t('campaigns.pages.list.title')} subtitle={t('campaigns.pages.list.description')} />
      <Card>
        <CampaignList
          extra={
            canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="campaign-create"
              >
                {t('campaigns.list.create')}
              </Button>
            ) : null
          }
        />
      </Card>
      {canCreate && (
        <CreateCampaignModal
          open={creating}
          templates={templates.data?.items ?? []}
          templatesLoading={templates.isPending}
          onClose={() => setCreating(false)}
          onCreated={(campaign, source) => {
            setCreating(false);
            void navigate(
              source === 'blank'
                ? { to: '/phong-trao/$campaignId/sua', params: { campaignId: campaign.id } }
                : { to: '/phong-trao/$campaignId', params: { campaignId: campaign.id } },
            );
          }}
        />
      )}
    </div>
  );
}
