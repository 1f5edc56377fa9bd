/**
 * /dang-nhap: email and password; after signing in, back to the page that asked for it.
 * Kept to Form, Input, Button and Alert: this route must load in ≤ 250 KB of gzipped JavaScript.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, theme } from 'antd';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { safeRedirect, signIn } from '../../../lib/auth.ts';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';

interface SignInValues {
  email: string;
  password: string;
}

const NOTICES: Record<string, { key: string; type: 'success' | 'warning' | 'info' }> = {
  expired: { key: 'signIn.sessionExpired', type: 'warning' },
  passwordChanged: { key: 'signIn.passwordChanged', type: 'success' },
  signedOut: { key: 'signIn.signedOut', type: 'info' },
};

export default function SignInPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { redirect?: string; reason?: string };
  const [form] = Form.useForm<SignInValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = search.reason ? NOTICES[search.reason] : undefined;

  async function submit(values: SignInValues) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.email.trim(), values.password);
      await navigate({ href: safeRedirect(search.redirect), replace: true });
    } catch (err) {
      setError(applyProblemToForm(form, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <section
        aria-labelledby="sign-in-title"
        style={{ width: '100%', maxWidth: 420, background: token.colorBgContainer, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowTertiary, padding: 32 }}
      >
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: -16, marginRight: -16 }}>
          <LanguageSwitch />
        </div>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <h1 id="sign-in-title" style={{ margin: '8px 0 4px', fontSize: 28, color: token.colorText }}>
            {t('app.name')}
          </h1>
          <p style={{ margin: 0, color: token.colorTextSecondary }}>{t('app.tagline')}</p>
        </div>
        {notice && <Alert type={notice.type} title={t(notice.key)} showIcon style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            name="email"
            label={t('signIn.email')}
            rules={[
              { required: true, message: t('signIn.emailRequired') },
              { type: 'email', message: t('signIn.emailInvalid') },
            ]}
          >
            <Input autoComplete="username" inputMode="email" autoFocus placeholder="ten@thachha.gov.vn" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </section>
    </main>
  );
}
