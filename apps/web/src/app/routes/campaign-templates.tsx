/** /mau-phong-trao: the template gallery; "create from template" opens the campaign create dialog. */
import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { CreateCampaignModal } from '../../features/campaigns/components/create-campaign-modal.tsx';
import { canAuthorCampaigns } from '../../features/campaigns/utils/campaign.ts';
import { useTemplates } from '../../features/templates/api/get-templates.ts';
import { TemplateGallery } from '../../features/templates/components/template-gallery.tsx';

export default function CampaignTemplatesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const canAuthor = canAuthorCampaigns(user);
  const templates = useTemplates();
  const [templateId, setTemplateId] = useState<string | null>(null);

  return (
    <div>
      <PageHeader title={t('campaigns.pages.templates.title')} subtitle={t('campaigns.pages.templates.description')} />
      <TemplateGallery canAuthor={canAuthor} onUseTemplate={(tp) => setTemplateId(tp.id)} />
      {canAuthor && (
        <CreateCampaignModal
          open={templateId !== null}
          templates={templates.data?.items ?? []}
          initialTemplateId={templateId}
          onClose={() => setTemplateId(null)}
          onCreated={(campaign, source) => {
            setTemplateId(null);
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
