/**
 * The signed-in shell: side menu built from the page registry (filtered by the user's permissions),
 * header with the user's name, language switch and sign-out, and the current page.
 */
import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Dropdown, Grid, Layout, Menu, Space, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { CalendarOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { signOut, SIGN_IN_PATH, useSession } from '../../lib/auth.ts';
import { mayOpen } from '../../lib/permissions.ts';
import { queryClient } from '../../lib/query-client.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { navPages, pageFor } from '../pages.tsx';

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  // On phones the menu slides away completely and is opened from a button in the header.
  const phone = !screens.md;
  const { token } = theme.useToken();

  const current = pageFor(pathname);
  useEffect(() => {
    document.title = current ? `${t(current.titleKey)} · ${t('app.name')}` : t('app.name');
  }, [current, t]);

  const menuItems = useMemo<MenuProps['items']>(
    () =>
      navPages()
        .filter((p) => mayOpen(user, p.access))
        .map((p) => ({ key: p.path, icon: p.nav.icon, label: <Link to={p.path}>{t(p.titleKey)}</Link> })),
    [user, t],
  );

  async function handleSignOut() {
    try {
      await signOut();
    } finally {
      queryClient.clear();
      await navigate({ to: SIGN_IN_PATH, search: { reason: 'signedOut' } });
    }
  }

  const userMenu: MenuProps = {
    items: [
      {
        key: 'password',
        icon: <KeyOutlined />,
        label: <Link to="/doi-mat-khau">{t('pages.changePassword.title')}</Link>,
      },
      {
        key: 'calendar',
        icon: <CalendarOutlined />,
        label: (
          <Link to="/doi-mat-khau" hash="lich-cong-tac">
            {t('layout.calendar')}
          </Link>
        ),
      },
      { type: 'divider' },
      { key: 'signOut', icon: <LogoutOutlined />, label: t('layout.signOut'), onClick: () => void handleSignOut() },
    ],
  };

  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider
          breakpoint="lg"
          collapsedWidth={phone ? 0 : 80}
          collapsible
          trigger={phone ? null : undefined}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={232}
          theme="light"
          style={{
            borderRight: `1px solid ${token.colorBorderSecondary}`,
            // On phones the open menu lies over the page instead of squeezing it.
            ...(phone
              ? {
                  position: 'fixed',
                  insetBlock: 0,
                  insetInlineStart: 0,
                  zIndex: 1000,
                  boxShadow: collapsed ? undefined : token.boxShadowSecondary,
                }
              : {}),
          }}
        >
          <Link to="/" aria-label={t('app.name')}>
            <div
              style={{
                height: 64,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                gap: 8,
                color: token.colorPrimary,
                fontWeight: 700,
                fontSize: collapsed ? 16 : 20,
              }}
            >
              <img src="/favicon.svg" alt="" width={28} height={28} />
              {!collapsed && t('app.name')}
            </div>
          </Link>
          <nav aria-label={t('layout.mainMenu')}>
            <Menu
              mode="inline"
              selectedKeys={current ? [current.path] : []}
              items={menuItems}
              style={{ borderInlineEnd: 0 }}
              onClick={() => {
                if (phone) setCollapsed(true);
              }}
            />
          </nav>
        </Sider>
        <Layout>
          <Header
            style={{
              background: token.colorBgContainer,
              padding: '0 16px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
              {phone && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('layout.mainMenu')}
                  aria-expanded={!collapsed}
                  onClick={() => setCollapsed((c) => !c)}
                />
              )}
              <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
                {phone ? t('app.name') : t('app.organisation')}
              </Typography.Text>
            </div>
            <Space size="small">
              <NotificationBell />
              <LanguageSwitch />
              <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
                <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                  {screens.md ? user?.fullName : null}
                </Button>
              </Dropdown>
            </Space>
          </Header>
          <Content style={{ margin: 16 }}>
            <Outlet />
          </Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
