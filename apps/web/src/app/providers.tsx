/**
 * App-wide providers: React Query and antd's ConfigProvider (locale following the i18n language,
 * theme). antd's <App> (message/modal/notification) lives in the signed-in layout instead: it
 * weighs ~15 KB gzipped that the sign-in route does not need. antd's English locale, like the
 * English texts, is fetched only when a reader switches to English.
 */
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { registerEnglishResource } from '../lib/i18n.ts';
import { queryClient } from '../lib/query-client.ts';

let enUS: Locale | undefined;
registerEnglishResource(async () => {
  enUS = (await import('antd/locale/en_US')).default;
});

/**
 * antd's Vietnamese, with the words our users expect: a date field says "Chọn ngày" (antd's
 * "Chọn thời điểm" reads as "pick a moment"; our date fields are days).
 */
export const vietnamese: Locale = {
  ...viVN,
  DatePicker: viVN.DatePicker && {
    ...viVN.DatePicker,
    lang: { ...viVN.DatePicker.lang, placeholder: 'Chọn ngày' },
  },
};

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
      <ConfigProvider locale={i18n.language === 'en' && enUS ? enUS : vietnamese} theme={theme}>
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
