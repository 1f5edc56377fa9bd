/**
 * App-wide providers: React Query and antd's ConfigProvider (locale following the i18n language,
 * theme). antd's <App> (message/modal/notification) lives in the signed-in layout instead: it
 * weighs ~15 KB gzipped that the sign-in route does not need.
 */
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../lib/query-client.ts';

const theme = {
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 6,
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
