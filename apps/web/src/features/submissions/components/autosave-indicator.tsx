/** "Đang lưu…", "Đã lưu lúc 14:05", "Lưu thất bại" with a retry: where the answers stand. */
import { Button, Flex, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useSubmissionsTranslation } from '../locales/register.ts';
import type { SaveStatus } from '../hooks/use-autosave.ts';

function clock(d: Date): string {
  return new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(d);
}

export function AutosaveIndicator({
  status,
  onRetry,
  onReload,
}: {
  status: SaveStatus;
  onRetry: () => void;
  onReload: () => void;
}) {
  const { t } = useSubmissionsTranslation();
  let body: React.ReactNode = null;
  switch (status.kind) {
    case 'pending':
    case 'saving':
      body = (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('submissions.autosave.saving')}
        </Typography.Text>
      );
      break;
    case 'saved':
      body = (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {t('submissions.autosave.saved', { time: clock(status.at) })}
        </Typography.Text>
      );
      break;
    case 'failed':
      body = (
        <Flex align="center" gap={4}>
          <Typography.Text type="danger" title={status.message}>
            <CloseCircleOutlined /> {t('submissions.autosave.failed')}
          </Typography.Text>
          <Button size="small" type="link" onClick={onRetry}>
            {t('submissions.autosave.retry')}
          </Button>
        </Flex>
      );
      break;
    case 'conflict':
      // The explanation is above the form; the bar, always in view, offers the way out.
      body = (
        <Flex align="center" gap={4}>
          <Typography.Text type="danger" title={t('submissions.autosave.conflictTitle')}>
            <CloseCircleOutlined /> {t('submissions.autosave.conflictShort')}
          </Typography.Text>
          <Button size="small" type="link" onClick={onReload}>
            {t('submissions.autosave.reload')}
          </Button>
        </Flex>
      );
      break;
    case 'idle':
      body = <Typography.Text type="secondary">{t('submissions.autosave.idle')}</Typography.Text>;
  }
  return (
    <div role="status" aria-live="polite" data-testid="autosave-status" data-state={status.kind}>
      {body}
    </div>
  );
}
