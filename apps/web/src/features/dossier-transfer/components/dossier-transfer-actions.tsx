/**
 * The dossier page's buttons for proposals upward, for the DossierActions slot: "Chuyển lên cấp
 * trên" for the office of the dossier's authority when it is approved and its award is beyond the
 * authority's power (a confirm dialog names the higher authority), and "Tải gói hồ sơ (ZIP)" for
 * whoever reads the dossier.
 */
import { useState } from 'react';
import { App, Button, Modal, Typography } from 'antd';
import { CloudDownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dossier } from '@thidua/contract';
import { useCan } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { downloadPackage, useForwardDossier, useForwarding } from '../api/transfer.ts';
import { useTransferTranslation } from '../locales/register.ts';

export function DossierTransferActions({ dossier }: { dossier: Dossier }) {
  const { t } = useTransferTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [confirming, setConfirming] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const mayForward = dossier.status === 'approved' && can('dossier.evaluate', { unitId: dossier.authorityUnitId });
  const forwarding = useForwarding(dossier.id);
  const forward = useForwardDossier();
  const target = forwarding.data?.target;
  const showForward = mayForward && target?.needed && target.authorityUnitId;

  const onForward = async () => {
    try {
      await forward.mutateAsync({ id: dossier.id, version: dossier.version });
      setConfirming(false);
      void message.success(t('dossierTransfer.forward.done', { authority: target?.authorityName ?? '' }));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };
  const onDownload = async () => {
    setDownloading(true);
    try {
      const name = await downloadPackage(dossier.id);
      void message.success(t('dossierTransfer.package.downloaded', { name }));
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      {showForward && (
        <Button
          type="primary"
          icon={<UploadOutlined />}
          onClick={() => setConfirming(true)}
          data-testid="dossier-forward"
        >
          {t('dossierTransfer.forward.button')}
        </Button>
      )}
      <Button
        icon={<CloudDownloadOutlined />}
        loading={downloading}
        onClick={() => void onDownload()}
        data-testid="dossier-package"
      >
        {t('dossierTransfer.package.download')}
      </Button>
      <Modal
        open={confirming}
        title={t('dossierTransfer.forward.confirmTitle')}
        okText={t('dossierTransfer.forward.ok')}
        cancelText={t('dossierTransfer.forward.cancel')}
        confirmLoading={forward.isPending}
        onOk={() => void onForward()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="forward-confirm-text">
          {t('dossierTransfer.forward.confirmBody', {
            nominee: dossier.nomineeName,
            awardType: dossier.awardTypeName,
            authority: target?.authorityName ?? '',
            reference: target?.legalReference ?? '',
          })}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
