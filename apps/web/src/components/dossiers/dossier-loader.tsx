/**
 * The states of one dossier being loaded, as the unit's dossier page and the reception desk show
 * them: a skeleton card while it loads; when it cannot be shown, why (not found / not yours to see,
 * in the screen's own words, or the problem); once loaded, the screen's own view of it.
 */
import type { ReactNode } from 'react';
import { Alert, Card, Skeleton } from 'antd';
import { isApiError } from '../../lib/api-client.ts';
import { problemMessage } from '../../lib/problem.ts';

/** The parts of the dossier's TanStack query the loader reads. */
type DossierQuery<D> =
  | { isPending: true; isError: false; data: undefined; error: unknown }
  | { isPending: false; isError: true; data: D | undefined; error: unknown }
  | { isPending: false; isError: false; data: D; error: unknown };

export function DossierLoader<D>({
  query,
  notFound,
  children,
}: {
  query: DossierQuery<D>;
  /** Said on a 404: the dossier does not exist, or the user may not see it. */
  notFound: string;
  children: (dossier: D) => ReactNode;
}) {
  if (query.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={isApiError(query.error) && query.error.status === 404 ? notFound : problemMessage(query.error)}
      />
    );
  return <>{children(query.data)}</>;
}
