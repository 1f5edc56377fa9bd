/** The 403 / 404 / error pages, in the user's language. */
import { Button, Result } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problem.ts';

interface Props {
  kind: 'forbidden' | 'notFound' | 'error';
  error?: unknown;
  onRetry?: () => void;
}

export default function ResultView({ kind, error, onRetry }: Props) {
  const { t } = useTranslation();
  const home = (
    <Link to="/">
      <Button type="primary">{t('results.backHome')}</Button>
    </Link>
  );
  if (kind === 'forbidden')
    return <Result status="403" title={t('results.forbiddenTitle')} subTitle={t('results.forbidden')} extra={home} />;
  if (kind === 'notFound')
    return <Result status="404" title={t('results.notFoundTitle')} subTitle={t('results.notFound')} extra={home} />;
  return (
    <Result
      status="error"
      title={t('results.errorTitle')}
      subTitle={problemMessage(error)}
      extra={[
        onRetry ? (
          <Button key="retry" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : null,
        <span key="home">{home}</span>,
      ]}
    />
  );
}
