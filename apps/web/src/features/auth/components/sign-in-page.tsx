/**
 * /dang-nhap: email and password; after signing in, back to the page that asked for it.
 * This route must load in ≤ 250 KB of gzipped JavaScript, so it uses a plain <form> with antd's
 * Input, Button and Alert rather than antd's Form (whose validation engine and tooltips weigh
 * ~25 KB gzipped); two fields need no more than the checks below.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Input, theme } from 'antd';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { safeRedirect, signIn } from '../../../lib/auth.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';

const NOTICES: Record<string, { key: string; type: 'success' | 'warning' | 'info' }> = {
  expired: { key: 'signIn.sessionExpired', type: 'warning' },
  passwordChanged: { key: 'signIn.passwordChanged', type: 'success' },
  signedOut: { key: 'signIn.signedOut', type: 'info' },
};

// The same shape the API checks (format: email); the server stays the judge.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FieldErrors {
  email?: string;
  password?: string;
}

const route = getRouteApi('/dang-nhap');

export default function SignInPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const search = route.useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgotShown, setForgotShown] = useState(false);
  const notice = search.reason ? NOTICES[search.reason] : undefined;

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('signIn.emailRequired');
    else if (!EMAIL.test(email.trim())) errors.email = t('signIn.emailInvalid');
    if (!password) errors.password = t('signIn.passwordRequired');
    return errors;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      await navigate({ href: safeRedirect(search.redirect), replace: true });
    } catch (err) {
      // A field problem from the server (e.g. a malformed address) goes under its field.
      const field = isApiError(err) ? err.errors[0]?.field : undefined;
      if (field === '/email' || field === '/password') setFieldErrors({ [field.slice(1)]: problemMessage(err) });
      else setError(problemMessage(err));
      setBusy(false);
    }
  }

  const fieldStyle = { display: 'block', marginBottom: 16 } as const;
  const labelStyle = { display: 'block', marginBottom: 8, color: token.colorText } as const;
  const errorStyle = { color: token.colorError, fontSize: token.fontSizeSM, marginTop: 4 } as const;

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <section
        aria-labelledby="sign-in-title"
        style={{
          width: '100%',
          maxWidth: 420,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
          padding: 32,
        }}
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
        <form onSubmit={submit} noValidate>
          <label style={fieldStyle}>
            <span style={labelStyle}>{t('signIn.email')}</span>
            <Input
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              autoFocus
              placeholder="ten@thachha.gov.vn"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              status={fieldErrors.email ? 'error' : undefined}
              aria-invalid={Boolean(fieldErrors.email)}
              disabled={busy}
            />
            {fieldErrors.email && (
              <div role="alert" style={errorStyle}>
                {fieldErrors.email}
              </div>
            )}
          </label>
          <label style={fieldStyle}>
            <span style={labelStyle}>{t('signIn.password')}</span>
            <Input.Password
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              status={fieldErrors.password ? 'error' : undefined}
              aria-invalid={Boolean(fieldErrors.password)}
              disabled={busy}
            />
            {fieldErrors.password && (
              <div role="alert" style={errorStyle}>
                {fieldErrors.password}
              </div>
            )}
          </label>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </form>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16, gap: 8, flexWrap: 'wrap' }}>
          <Button
            type="link"
            style={{ padding: 0 }}
            aria-expanded={forgotShown}
            aria-controls="forgot-password-help"
            onClick={() => setForgotShown((v) => !v)}
          >
            {t('signIn.forgot')}
          </Button>
          <Link to="/cong-khai" style={{ alignSelf: 'center', color: token.colorLink }}>
            {t('signIn.publicPage')}
          </Link>
        </div>
        {forgotShown && (
          <Alert
            id="forgot-password-help"
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('signIn.forgotTitle')}
            description={t('signIn.forgotHelp')}
          />
        )}
      </section>
    </main>
  );
}
