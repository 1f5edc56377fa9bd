/** Switches between Vietnamese and English; the choice is remembered in this browser. */
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n.ts';
import { queryClient } from '../lib/query-client.ts';

export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Button
      type={type}
      lang={next}
      title={t('language.switchTo')}
      onClick={() => {
        void setLanguage(next).then(() => {
          // Server texts (problem details, level names) follow Accept-Language: fetch them again.
          void queryClient.invalidateQueries();
        });
      }}
    >
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </Button>
  );
}
