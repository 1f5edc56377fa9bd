/**
 * The campaign's dates on a line — issued, starts, self-assessment deadline, ends, award dossier
 * deadline — with today marked where it falls, so a unit sees at a glance what is due next.
 */
import { Timeline, Typography } from 'antd';
import type { TimelineProps } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { Campaign } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { timelineOf, todayInVietnam } from '../utils/campaign.ts';

type TimelineItemType = NonNullable<TimelineProps['items']>[number];
type Dates = Pick<Campaign, 'issuedOn' | 'startsOn' | 'endsOn' | 'submissionDeadline' | 'dossierDeadline'>;

export function CampaignTimeline({
  campaign,
  today = todayInVietnam(),
  orientation = 'horizontal',
}: {
  campaign: Dates;
  today?: string;
  orientation?: 'horizontal' | 'vertical';
}) {
  const { t } = useTranslation();
  const entries = timelineOf(campaign);
  const items: TimelineItemType[] = [];
  let todayPlaced = false;
  const todayItem: TimelineItemType = {
    key: 'today',
    color: 'red',
    icon: <ClockCircleOutlined style={{ fontSize: 16 }} />,
    title: (
      <Typography.Text strong type="danger">
        {formatDate(today)}
      </Typography.Text>
    ),
    content: (
      <Typography.Text strong type="danger" data-testid="timeline-today">
        {t('campaigns.timeline.today')}
      </Typography.Text>
    ),
  };
  for (const e of entries) {
    if (!todayPlaced && e.date && e.date > today) {
      items.push(todayItem);
      todayPlaced = true;
    }
    const past = e.date !== null && e.date < today;
    const isToday = e.date === today;
    items.push({
      key: e.key,
      // Explicit blue: the named 'blue' follows the theme's primary colour, which is red here.
      color: isToday ? 'red' : past ? 'green' : e.date ? '#1677ff' : 'gray',
      title: e.date ? (
        <Typography.Text strong={isToday} type={isToday ? 'danger' : undefined}>
          {formatDate(e.date)}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t(`campaigns.timeline.undated.${e.key}`)}</Typography.Text>
      ),
      content: (
        <Typography.Text type={past ? 'secondary' : undefined} strong={isToday}>
          {t(`campaigns.timeline.${e.key}`)}
          {isToday ? ` (${t('campaigns.timeline.today').toLowerCase()})` : ''}
        </Typography.Text>
      ),
    });
    if (isToday) todayPlaced = true;
  }
  if (!todayPlaced) {
    // Today is after every dated entry: it goes after the last dated one, before undated ones.
    const lastDated = items.reduce((at, item, i) => (entries.find((e) => e.key === item.key)?.date ? i : at), -1);
    items.splice(lastDated + 1, 0, todayItem);
  }
  return (
    <div data-testid="campaign-timeline">
      <Timeline orientation={orientation} items={items} />
    </div>
  );
}
