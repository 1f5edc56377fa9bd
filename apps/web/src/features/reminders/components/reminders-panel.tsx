/**
 * "Đôn đốc" on the campaign page. The standing office chooses units (those that have not submitted
 * are chosen already), writes a message and sends it; below, the reminders sent — by hand or by the
 * system before the deadline — with how many of the accounts reached have read each (the leadership
 * reads the same list). A unit's members see the reminders their unit received instead.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { NotificationOutlined, SendOutlined } from '@ant-design/icons';
import type { Reminder, ReminderCandidate } from '@thidua/contract';
import { PagedTable } from '../../../components/paged-table.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../../lib/auth.ts';
import { holdsWidely, useCan } from '../../../lib/permissions.ts';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { useReminderCandidates } from '../api/get-candidates.ts';
import { useReminders } from '../api/get-reminders.ts';
import { useSendReminder } from '../api/send-reminder.ts';
import { useRemindersTranslation } from '../locales/register.ts';

export interface RemindersPanelProps {
  campaignId: string;
  /** Reminders are sent only while the campaign is open. */
  campaignOpen: boolean;
}

export function RemindersPanel({ campaignId, campaignOpen }: RemindersPanelProps) {
  const { t } = useRemindersTranslation();
  const can = useCan();
  const { user } = useSession();
  const office = can('reminder.send');
  // The office and the leadership read every unit's reminders; a unit's members those it received.
  const wide = holdsWidely(user, 'reminder.read');
  if (!office && !can('reminder.read')) return null;
  return (
    <Card
      title={
        <Space>
          <NotificationOutlined />
          {wide ? t('reminders.panel.title') : t('reminders.panel.receivedTitle')}
        </Space>
      }
      style={{ marginTop: 16 }}
      data-testid="reminders-panel"
    >
      {office && <SendReminderForm campaignId={campaignId} campaignOpen={campaignOpen} />}
      <ReminderHistory campaignId={campaignId} wide={wide} />
    </Card>
  );
}

function SendReminderForm({ campaignId, campaignOpen }: RemindersPanelProps) {
  const { t } = useRemindersTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const candidates = useReminderCandidates(campaignId, campaignOpen);
  const send = useSendReminder();
  const keyFor = useIdempotencyKey(campaignId);
  const [selected, setSelected] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!campaignOpen)
    return <Alert type="info" showIcon title={t('reminders.panel.notOpen')} style={{ marginBottom: 16 }} />;
  if (candidates.isError) return <Alert type="error" showIcon title={problemMessage(candidates.error)} />;

  // Those that have not submitted are chosen until the user changes the choice.
  const chosen = selected ?? (candidates.data?.items ?? []).filter((c) => !c.submitted).map((c) => c.unitId);
  async function submit(values: { message: string }) {
    setError(null);
    if (!chosen.length) return setError(t('reminders.panel.noUnits'));
    const body = { unitIds: chosen, message: values.message.trim() };
    try {
      const sent = await send.mutateAsync({ campaignId, body, idempotencyKey: keyFor(body) });
      void message.success(t('reminders.panel.sent', { count: sent.units.length }));
      form.resetFields();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  const columns: ColumnsType<ReminderCandidate> = [
    {
      title: t('reminders.panel.unit'),
      dataIndex: 'unitName',
      render: (v: string, c) => (
        <>
          {v} <Typography.Text type="secondary">({c.unitCode})</Typography.Text>
        </>
      ),
    },
    { title: t('reminders.panel.deadline'), dataIndex: 'deadline', render: (v: string) => formatDate(v) },
    {
      title: t('reminders.panel.standing'),
      dataIndex: 'submitted',
      render: (v: boolean) =>
        v ? (
          <Tag color="success">{t('reminders.panel.submitted')}</Tag>
        ) : (
          <Tag color="warning">{t('reminders.panel.notSubmitted')}</Tag>
        ),
    },
    {
      title: t('reminders.panel.lastReminded'),
      dataIndex: 'lastRemindedAt',
      render: (v: string | null) => formatDateTime(v),
    },
  ];

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ marginBottom: 24 }} data-testid="reminder-form">
      <Typography.Title level={5}>{t('reminders.panel.units')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('reminders.panel.unitsHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <Button
          size="small"
          onClick={() => setSelected((candidates.data?.items ?? []).filter((c) => !c.submitted).map((c) => c.unitId))}
        >
          {t('reminders.panel.chooseNotSubmitted')}
        </Button>
        <Button size="small" onClick={() => setSelected([])} data-testid="reminder-clear-selection">
          {t('reminders.panel.clearChoice')}
        </Button>
      </Space>
      <Table<ReminderCandidate>
        rowKey="unitId"
        size="small"
        loading={candidates.isPending}
        dataSource={candidates.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setSelected(keys.map(String)) }}
        locale={{ emptyText: candidates.isPending ? ' ' : t('reminders.panel.noCandidates') }}
        scroll={{ x: 'max-content', y: 360 }}
      />
      <Form.Item
        name="message"
        label={t('reminders.panel.message')}
        rules={[{ required: true, whitespace: true, message: t('reminders.panel.messageRequired') }]}
        style={{ marginTop: 16 }}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('reminders.panel.messagePlaceholder')} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        icon={<SendOutlined />}
        loading={send.isPending}
        disabled={!chosen.length}
      >
        {t('reminders.panel.sendCount', { count: chosen.length })}
      </Button>
    </Form>
  );
}

function ReminderHistory({ campaignId, wide }: { campaignId: string; wide: boolean }) {
  const { t } = useRemindersTranslation();
  const paging = usePagination([5, 10, 20, 50]);
  const list = useReminders(campaignId, { page: paging.page, pageSize: paging.pageSize });

  const columns: ColumnsType<Reminder> = [
    { title: t('reminders.panel.sentAt'), dataIndex: 'sentAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('reminders.panel.sentBy'),
      key: 'sentBy',
      render: (_, r) =>
        r.kind === 'scheduled' ? (
          <Tag>{t('reminders.panel.scheduled', { days: r.daysBefore ?? 0 })}</Tag>
        ) : (
          (r.sentByName ?? t('reminders.panel.system'))
        ),
    },
    {
      title: t('reminders.panel.message'),
      dataIndex: 'message',
      render: (v: string) => (
        <Typography.Paragraph
          ellipsis={{ rows: 2, expandable: true, symbol: '…' }}
          style={{ marginBottom: 0, maxWidth: 420 }}
        >
          {v}
        </Typography.Paragraph>
      ),
    },
    ...(wide
      ? [
          {
            title: t('reminders.panel.to'),
            key: 'units',
            render: (_: unknown, r: Reminder) => r.units.map((u) => u.unitName).join(', '),
          },
        ]
      : []),
    {
      title: t('reminders.panel.read'),
      key: 'read',
      render: (_, r) => (
        <span title={r.recipients.map((x) => `${x.fullName}: ${x.readAt ? formatDateTime(x.readAt) : '—'}`).join('\n')}>
          {t('reminders.panel.readCount', { read: r.readCount, total: r.recipientCount })}
        </span>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={5}>{t('reminders.panel.history')}</Typography.Title>
      <PagedTable<Reminder>
        list={list}
        paging={paging}
        columns={columns}
        size="small"
        data-testid="reminder-history"
        emptyText={wide ? t('reminders.panel.empty') : t('reminders.panel.receivedEmpty')}
        totalText={(count) => t('reminders.panel.total', { count })}
      />
    </>
  );
}
