/**
 * "Lịch công tác" on the account page: the account's secret calendar link, to subscribe to from
 * Outlook, Google Calendar or a phone. The link is shown once, right after it is made (the server
 * keeps only a hash of it); making a new one or revoking it ends the old one, after a confirmation.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { CalendarOutlined, DeleteOutlined, LinkOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import type { CalendarFeedCreated } from '@thidua/contract';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useConfirmedAction } from '../../../lib/use-confirmed-action.ts';
import { useCalendarFeed } from '../api/get-calendar-feed.ts';
import { useCreateCalendarFeed } from '../api/create-calendar-feed.ts';
import { useRevokeCalendarFeed } from '../api/revoke-calendar-feed.ts';
import { useCalendarFeedTranslation } from '../locales/register.ts';

/** The new link, once: to copy, to open with the device's calendar, and how to subscribe elsewhere. */
function NewLink({ link }: { link: CalendarFeedCreated }) {
  const { t } = useCalendarFeedTranslation();
  return (
    <Alert
      type="success"
      showIcon
      title={t('calendarFeed.newLink.title')}
      data-testid="calendar-feed-new-link"
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="warning">{t('calendarFeed.newLink.onceWarning')}</Typography.Text>
          <Typography.Paragraph
            code
            aria-label={t('calendarFeed.newLink.label')}
            data-testid="calendar-feed-url"
            style={{ wordBreak: 'break-all', marginBottom: 0 }}
            copyable={{
              text: link.url,
              tooltips: [t('calendarFeed.newLink.copy'), t('calendarFeed.newLink.copied')],
            }}
          >
            {link.url}
          </Typography.Paragraph>
          <a href={link.webcalUrl}>
            <LinkOutlined /> {t('calendarFeed.newLink.open')}
          </a>
        </Space>
      }
    />
  );
}

function HowTo() {
  const { t } = useCalendarFeedTranslation();
  return (
    <div>
      <Typography.Title level={5}>{t('calendarFeed.howTo.title')}</Typography.Title>
      <ul style={{ paddingInlineStart: 20, marginBottom: 0 }}>
        {(['outlook', 'outlookDesktop', 'google', 'phone'] as const).map((k) => (
          <li key={k}>
            <Typography.Text>{t(`calendarFeed.howTo.${k}`)}</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CalendarFeedCard() {
  const { t } = useCalendarFeedTranslation();
  const { message } = App.useApp();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const confirmAction = useConfirmedAction();
  const [link, setLink] = useState<CalendarFeedCreated | null>(null);

  async function makeLink() {
    try {
      setLink(await create.mutateAsync());
      void message.success(t('calendarFeed.created'));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  function confirmRotate() {
    confirmAction({
      title: t('calendarFeed.confirmRotate.title'),
      content: t('calendarFeed.confirmRotate.content'),
      okText: t('calendarFeed.confirmRotate.ok'),
      run: async () => setLink(await create.mutateAsync()),
      doneMessage: t('calendarFeed.created'),
    });
  }

  function confirmRevoke() {
    confirmAction({
      title: t('calendarFeed.confirmRevoke.title'),
      content: t('calendarFeed.confirmRevoke.content'),
      okText: t('calendarFeed.confirmRevoke.ok'),
      danger: true,
      run: async () => {
        await revoke.mutateAsync();
        setLink(null);
      },
      doneMessage: t('calendarFeed.confirmRevoke.done'),
    });
  }

  const status = feed.data;
  return (
    <Card
      id="lich-cong-tac"
      data-testid="calendar-feed-card"
      title={
        <Space>
          <CalendarOutlined />
          {t('calendarFeed.title')}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('calendarFeed.intro')}</Typography.Paragraph>
        {feed.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : feed.isError || !status ? (
          <Alert
            type="error"
            showIcon
            title={problemMessage(feed.error)}
            action={<Button onClick={() => void feed.refetch()}>{t('actions.retry')}</Button>}
          />
        ) : status.active ? (
          <>
            <Descriptions
              size="small"
              column={1}
              title={<Typography.Text type="success">{t('calendarFeed.active')}</Typography.Text>}
              items={[
                { key: 'created', label: t('calendarFeed.createdAt'), children: formatDateTime(status.createdAt) },
                {
                  key: 'fetched',
                  label: t('calendarFeed.lastFetchedAt'),
                  children: status.lastFetchedAt
                    ? formatDateTime(status.lastFetchedAt)
                    : t('calendarFeed.neverFetched'),
                },
              ]}
            />
            <Space wrap>
              <Button
                data-testid="calendar-feed-rotate"
                icon={<SyncOutlined />}
                onClick={confirmRotate}
                loading={create.isPending}
              >
                {t('calendarFeed.rotate')}
              </Button>
              <Button
                data-testid="calendar-feed-revoke"
                danger
                icon={<DeleteOutlined />}
                onClick={confirmRevoke}
                loading={revoke.isPending}
              >
                {t('calendarFeed.revoke')}
              </Button>
            </Space>
          </>
        ) : (
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('calendarFeed.none')}</Typography.Text>
            <Button
              data-testid="calendar-feed-create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void makeLink()}
              loading={create.isPending}
            >
              {t('calendarFeed.create')}
            </Button>
          </Space>
        )}
        {link && <NewLink link={link} />}
        <HowTo />
      </Flex>
    </Card>
  );
}
