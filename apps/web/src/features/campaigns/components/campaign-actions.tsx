/**
 * The campaign page's buttons: the lifecycle moves the user's roles allow from the current status
 * (each confirmed first; a refusal — 409 with its reason — is shown until dismissed), edit, the
 * plan as DOCX, export as a JSON template, clone for another year, the public page, delete a draft.
 */
import { useState } from 'react';
import { Alert, App, Button, Dropdown, Space } from 'antd';
import type { MenuProps } from 'antd';
import {
  CopyOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  ExportOutlined,
  FileWordOutlined,
  GlobalOutlined,
} from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { CAMPAIGN_PUBLIC_STATUSES } from '@thidua/contract';
import type { Campaign, CampaignAction } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDeleteCampaign } from '../api/delete-campaign.ts';
import { useDownloadPlan } from '../api/download-plan.ts';
import { useExportCampaign } from '../api/export-campaign.ts';
import { useTransitionCampaign } from '../api/transition-campaign.ts';
import { availableActions, canAuthorCampaigns, editScope } from '../utils/campaign.ts';
import { CloneCampaignModal } from './clone-campaign-modal.tsx';

const PRIMARY: ReadonlySet<CampaignAction> = new Set(['open', 'finalize']);

export function CampaignActions({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const transition = useTransitionCampaign();
  const remove = useDeleteCampaign();
  const docx = useDownloadPlan();
  const exporter = useExportCampaign();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [cloning, setCloning] = useState(false);
  const isAuthor = canAuthorCampaigns(user);
  const actions = availableActions(campaign.status, user);

  function confirmAction(action: CampaignAction) {
    modal.confirm({
      title: t(`campaigns.confirm.${action}.title`),
      content: t(`campaigns.confirm.${action}.content`, { title: campaign.title }),
      okText: t(`campaigns.actions.${action}`),
      cancelText: t('actions.cancel'),
      okButtonProps: { danger: action === 'close' || action === 'archive' },
      onOk: async () => {
        try {
          await transition.mutateAsync({ id: campaign.id, action });
          setRefusal(null);
          void message.success(t(`campaigns.done.${action}`));
        } catch (err) {
          setRefusal(problemMessage(err));
        }
      },
    });
  }

  function confirmDelete() {
    modal.confirm({
      title: t('campaigns.confirm.delete.title'),
      content: t('campaigns.confirm.delete.content', { title: campaign.title }),
      okText: t('campaigns.actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(campaign.id);
          void message.success(t('campaigns.done.delete'));
          await navigate({ to: '/phong-trao' });
        } catch (err) {
          setRefusal(problemMessage(err));
        }
      },
    });
  }

  async function download() {
    try {
      await docx.mutateAsync(campaign);
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  async function exportJson() {
    try {
      const name = await exporter.mutateAsync(campaign);
      void message.success(t('campaigns.done.export', { name }));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  const more: MenuProps['items'] = [
    {
      key: 'export',
      icon: <ExportOutlined />,
      label: t('campaigns.actions.exportJson'),
      onClick: () => void exportJson(),
    },
    ...(isAuthor
      ? [{ key: 'clone', icon: <CopyOutlined />, label: t('campaigns.actions.clone'), onClick: () => setCloning(true) }]
      : []),
    ...(CAMPAIGN_PUBLIC_STATUSES.includes(campaign.status)
      ? [
          {
            key: 'public',
            icon: <GlobalOutlined />,
            label: (
              <Link to="/cong-khai/phong-trao/$campaignId" params={{ campaignId: campaign.id }}>
                {t('campaigns.actions.publicPage')}
              </Link>
            ),
          },
        ]
      : []),
    ...(isAuthor && campaign.status === 'draft'
      ? [
          { type: 'divider' as const },
          {
            key: 'delete',
            icon: <DeleteOutlined />,
            danger: true,
            label: t('campaigns.actions.delete'),
            onClick: confirmDelete,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" align="end" size={8}>
      <Space wrap>
        {actions.map((action) => (
          <Button
            key={action}
            type={PRIMARY.has(action) ? 'primary' : 'default'}
            danger={action === 'close'}
            onClick={() => confirmAction(action)}
            data-testid={`action-${action}`}
          >
            {t(`campaigns.actions.${action}`)}
          </Button>
        ))}
        {isAuthor && editScope(campaign.status) !== 'none' && (
          <Link to="/phong-trao/$campaignId/sua" params={{ campaignId: campaign.id }}>
            <Button icon={<EditOutlined />} data-testid="action-edit">
              {t('campaigns.actions.edit')}
            </Button>
          </Link>
        )}
        <Button
          icon={<FileWordOutlined />}
          loading={docx.isPending}
          onClick={() => void download()}
          data-testid="action-docx"
        >
          {t('campaigns.actions.downloadPlan')}
        </Button>
        <Dropdown menu={{ items: more }} trigger={['click']} placement="bottomRight">
          <Button icon={<DownOutlined />} iconPlacement="end" loading={exporter.isPending} data-testid="action-more">
            {t('campaigns.actions.more')}
          </Button>
        </Dropdown>
      </Space>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          title={refusal}
          style={{ maxWidth: 560 }}
          data-testid="action-refusal"
        />
      )}
      <CloneCampaignModal
        campaign={cloning ? campaign : null}
        onClose={() => setCloning(false)}
        onCloned={(created) => {
          setCloning(false);
          void navigate({ to: '/phong-trao/$campaignId', params: { campaignId: created.id } });
        }}
      />
    </Space>
  );
}
