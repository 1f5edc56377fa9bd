/** /phong-trao/$campaignId/ho-so: the campaign's award dossiers, and "Lập hồ sơ" for the unit. */
import { useMemo, useState } from 'react';
import { Button, Space } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useCan } from '../../lib/permissions.ts';
import { useCampaign } from '../../features/campaigns/api/get-campaign.ts';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { DossiersTable } from '../../features/dossiers/components/dossiers-table.tsx';
import { CreateDossierModal } from '../../features/dossiers/components/create-dossier-modal.tsx';
import { useDossiersTranslation } from '../../features/dossiers/locales/register.ts';

const route = getRouteApi('/_app/phong-trao/$campaignId/ho-so');

export default function CampaignDossiersPage() {
  const { t } = useTranslation();
  const texts = useDossiersTranslation();
  const { campaignId } = route.useParams();
  const can = useCan();
  const campaign = useCampaign(campaignId).data?.campaign;
  const tree = useUnitTree();
  const [creating, setCreating] = useState(false);
  const unitNames = useMemo(() => new Map((tree.data?.items ?? []).map((u) => [u.id, u.name])), [tree.data]);
  return (
    <div>
      <PageHeader
        title={t('dossiers.pages.campaign.title')}
        subtitle={campaign?.title}
        extra={
          <Space>
            <Link to="/phong-trao/$campaignId" params={{ campaignId }}>
              <Button icon={<ArrowLeftOutlined />}>{texts.t('dossiers.view.back')}</Button>
            </Link>
            {can('dossier.write') && campaign?.status === 'closed' && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="dossier-create"
              >
                {texts.t('dossiers.list.create')}
              </Button>
            )}
          </Space>
        }
      />
      <DossiersTable campaignId={campaignId} />
      <CreateDossierModal
        campaignId={campaignId}
        open={creating}
        onClose={() => setCreating(false)}
        unitNames={unitNames}
      />
    </div>
  );
}
