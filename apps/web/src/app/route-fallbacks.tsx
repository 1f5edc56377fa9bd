/**
 * What a route shows while its code loads, when it fails, when it is not allowed and when it does
 * not exist. The result pages load lazily: antd's Result illustrations would otherwise weigh on
 * the sign-in route.
 */
import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import type { ErrorComponentProps } from '@tanstack/react-router';

/** Thrown by a route guard when the user lacks the page's roles. */
export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
    this.name = 'ForbiddenError';
  }
}

export function PageSpinner() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin size="large" />
    </div>
  );
}

const ResultView = lazy(() => import('./result-view.tsx'));

export function RouteError({ error, reset }: ErrorComponentProps) {
  const kind = error instanceof ForbiddenError ? 'forbidden' : 'error';
  return (
    <Suspense fallback={<PageSpinner />}>
      <ResultView kind={kind} error={error} onRetry={reset} />
    </Suspense>
  );
}

export function NotFoundPage() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <ResultView kind="notFound" />
    </Suspense>
  );
}
