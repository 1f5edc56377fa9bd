/**
 * The frame of the pages anyone may read without signing in: the system's name, the language
 * switch and a way in for staff. Sets the browser tab's title.
 */
import { useEffect, type ReactNode } from 'react';
import { Button, Layout, Space, Typography, theme } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SIGN_IN_PATH, useSession } from '../../../lib/auth.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';

export function PublicLayout({ title, children }: { title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const { token } = theme.useToken();

  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : `${t('campaigns.public.title')} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `3px solid ${token.colorPrimary}`,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: 16,
          gap: 12,
        }}
      >
        <Link to="/cong-khai" style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong ellipsis style={{ fontSize: 17, color: token.colorPrimary }}>
            {t('campaigns.public.title')}
          </Typography.Text>
        </Link>
        <Space size="small">
          <LanguageSwitch />
          {status === 'signedIn' ? (
            <Link to="/">
              <Button>{t('campaigns.public.enterApp')}</Button>
            </Link>
          ) : (
            <Link to={SIGN_IN_PATH}>
              <Button icon={<LoginOutlined />}>{t('campaigns.public.signIn')}</Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('campaigns.public.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
