/**
 * /doi-mat-khau, the account page: change one's own password (then sign in again: the server ended
 * every session), and the account's calendar link ("Lịch công tác").
 */
import { Card, Col, Row } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { endLocalSession, SIGN_IN_PATH } from '../../lib/auth.ts';
import { queryClient } from '../../lib/query-client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ChangePasswordForm } from '../../features/account/components/change-password-form.tsx';
import { CalendarFeedCard } from '../../features/calendar/components/calendar-feed-card.tsx';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div>
      <PageHeader title={t('pages.changePassword.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card>
            <ChangePasswordForm
              onChanged={() => {
                endLocalSession();
                queryClient.clear();
                void navigate({ to: SIGN_IN_PATH, search: { reason: 'passwordChanged' } });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <CalendarFeedCard />
        </Col>
      </Row>
    </div>
  );
}
