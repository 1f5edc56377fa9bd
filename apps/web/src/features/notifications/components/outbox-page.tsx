/** The administrator's e-mail outbox: every e-mail with its status, attempts and last error, newest first. */
import { useState } from 'react';
import { Card, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EmailStatus, OutboxEmail } from '@thidua/contract';
import { PageHeader } from '../../../components/page-header.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { useOutbox } from '../api/get-outbox.ts';
import { useNotificationsTranslation } from '../locales/register.ts';

const STATUS_COLOURS: Record<EmailStatus, string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  logged: 'default',
};
const STATUSES: EmailStatus[] = ['pending', 'sent', 'failed', 'logged'];

export function OutboxPage() {
  const { t } = useNotificationsTranslation();
  const paging = usePagination();
  const [status, setStatus] = useState<EmailStatus | undefined>();
  const list = useOutbox({ status, page: paging.page, pageSize: paging.pageSize });

  const columns: ColumnsType<OutboxEmail> = [
    { title: t('notifications.outbox.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('notifications.outbox.to'), dataIndex: 'to' },
    {
      title: t('notifications.outbox.subject'),
      dataIndex: 'subject',
      render: (v: string, e) => (
        <Typography.Text title={e.text} style={{ maxWidth: 420 }} ellipsis>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t('notifications.outbox.status'),
      dataIndex: 'status',
      render: (v: EmailStatus) => <Tag color={STATUS_COLOURS[v]}>{t(`notifications.outbox.statuses.${v}`)}</Tag>,
    },
    { title: t('notifications.outbox.attempts'), dataIndex: 'attempts', align: 'right' },
    { title: t('notifications.outbox.sentAt'), dataIndex: 'sentAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: t('notifications.outbox.lastError'),
      dataIndex: 'lastError',
      render: (v: string | null) =>
        v ? (
          <Typography.Text type="danger" style={{ maxWidth: 320 }} ellipsis={{ tooltip: v }}>
            {v}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('notifications.outbox.title')} subtitle={t('notifications.outbox.description')} />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Select<EmailStatus | undefined>
            allowClear
            style={{ width: 220 }}
            placeholder={t('notifications.outbox.allStatuses')}
            aria-label={t('notifications.outbox.status')}
            value={status}
            onChange={paging.resettingPage(setStatus)}
            options={STATUSES.map((s) => ({ value: s, label: t(`notifications.outbox.statuses.${s}`) }))}
          />
        </Space>
        <PagedTable<OutboxEmail>
          list={list}
          paging={paging}
          columns={columns}
          emptyText={t('notifications.outbox.empty')}
          totalText={(count) => t('notifications.outbox.total', { count })}
        />
      </Card>
    </>
  );
}
