/**
 * The bell in the header: the unread count (polled every minute), and a panel with the latest
 * notifications, unread first — each marked read on its own or when opened, or all at once.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Empty, List, Popover, Space, Spin, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import type { Notification } from '@thidua/contract';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useBellNotifications } from '../api/get-notifications.ts';
import { useReadAllNotifications, useReadNotification } from '../api/read-notification.ts';
import { useNotificationsTranslation } from '../locales/register.ts';

export function NotificationBell() {
  const { t } = useNotificationsTranslation();
  const [open, setOpen] = useState(false);
  const bell = useBellNotifications();
  const readOne = useReadNotification();
  const readAll = useReadAllNotifications();
  const navigate = useNavigate();
  const unread = bell.data?.unreadCount ?? 0;

  function openNotification(n: Notification) {
    if (!n.readAt) readOne.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate({ href: n.link });
  }

  const content = (
    <div style={{ width: 380, maxWidth: '90vw' }} data-testid="notification-panel">
      {bell.isPending ? (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      ) : bell.isError ? (
        <Alert type="error" showIcon title={problemMessage(bell.error)} />
      ) : bell.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.bell.empty')} />
      ) : (
        <>
          <List<Notification>
            size="small"
            style={{ maxHeight: 420, overflowY: 'auto' }}
            dataSource={bell.data.items}
            renderItem={(n) => (
              <List.Item
                key={n.id}
                data-testid="notification-item"
                style={{ alignItems: 'flex-start', background: n.readAt ? undefined : 'rgba(22,119,255,0.06)' }}
                actions={
                  n.readAt
                    ? []
                    : [
                        <Button
                          key="read"
                          size="small"
                          type="text"
                          icon={<CheckOutlined />}
                          aria-label={t('notifications.bell.markRead')}
                          title={t('notifications.bell.markRead')}
                          onClick={() => readOne.mutate(n.id)}
                        />,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <Typography.Link strong={!n.readAt} onClick={() => openNotification(n)}>
                      {n.title}
                    </Typography.Link>
                  }
                  description={
                    <>
                      <Typography.Paragraph
                        ellipsis={{ rows: 3, expandable: true, symbol: '…' }}
                        style={{ marginBottom: 4, whiteSpace: 'pre-line' }}
                      >
                        {n.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {bell.data.total > bell.data.items.length && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('notifications.bell.more', { shown: bell.data.items.length, total: bell.data.total })}
            </Typography.Text>
          )}
        </>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={content}
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{t('notifications.bell.title')}</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            {t('notifications.bell.readAll')}
          </Button>
        </Space>
      }
    >
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={unread ? t('notifications.bell.unread', { count: unread }) : t('notifications.bell.label')}
        icon={
          <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
