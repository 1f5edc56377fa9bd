/** /hoi-dong/cuoc-hop/$meetingId: one meeting of the council — attendance, proposals, votes, tally, minutes. */
import { useTranslation } from 'react-i18next';
import { Link, getRouteApi } from '@tanstack/react-router';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { PageHeader } from '../../components/page-header.tsx';
import { MeetingView } from '../../features/councils/components/meeting-view.tsx';

const route = getRouteApi('/_app/hoi-dong/cuoc-hop/$meetingId');

export default function CouncilMeetingPage() {
  const { t } = useTranslation();
  const { meetingId } = route.useParams();
  return (
    <div>
      <PageHeader
        title={t('councils.pages.meeting.title')}
        extra={
          <Link to="/hoi-dong">
            <Button icon={<ArrowLeftOutlined />}>{t('councils.pages.list.title')}</Button>
          </Link>
        }
      />
      <MeetingView meetingId={meetingId} />
    </div>
  );
}
