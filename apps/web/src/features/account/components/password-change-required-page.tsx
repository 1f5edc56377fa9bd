/**
 * /doi-mat-khau-bat-buoc: the only screen of an account that must change its password — one an
 * administrator gave it, or the published password of a demo account on a server. It says why,
 * takes the new password (the server judges its strength and ends every session), then sends the
 * person to sign in again; signing out is the other way out. The API refuses this account every
 * other route until then (403 auth.password_change_required).
 */
import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { endLocalSession, signOut, SIGN_IN_PATH, useSession } from '../../../lib/auth.ts';
import { queryClient } from '../../../lib/query-client.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';

export default function PasswordChangeRequiredPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();

  function toSignIn(reason: 'passwordChanged' | 'signedOut') {
    queryClient.clear();
    void navigate({ to: SIGN_IN_PATH, search: { reason } });
  }

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 520 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: 8 }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {t('password.required.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {user && (
          <Typography.Paragraph type="secondary">
            {t('password.required.account', { name: user.fullName, email: user.email })}
          </Typography.Paragraph>
        )}
        <Alert
          type="warning"
          showIcon
          title={t('password.required.why')}
          description={t('password.required.how')}
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm
          onChanged={() => {
            endLocalSession();
            toSignIn('passwordChanged');
          }}
        />
        <Button
          type="link"
          style={{ paddingInline: 0, marginTop: 8 }}
          onClick={() => void signOut().finally(() => toSignIn('signedOut'))}
        >
          {t('password.required.signOut')}
        </Button>
      </Card>
    </main>
  );
}
