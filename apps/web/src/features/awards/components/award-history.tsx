/** The award history of a unit or a person (on the unit page and in the staff list): the register's rows for one subject. */
import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Award } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { canUser } from '../../../lib/permissions.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useAwardHistory } from '../api/get-awards.ts';
import { useAwardsTranslation } from '../locales/register.ts';
import { DecisionCell, RecipientCell, useFormatAmount } from './award-cells.tsx';

function HistoryTable({ of, id }: { of: 'units' | 'people'; id: string }) {
  const { t } = useAwardsTranslation();
  const amount = useFormatAmount();
  const paging = usePagination([5, 10, 20, 50]);
  const history = useAwardHistory(of, id, paging.page, paging.pageSize);
  const columns: TableColumnsType<Award> = [
    {
      title: t('awardRegister.fields.recipient'),
      key: 'recipient',
      render: (_: unknown, a) => <RecipientCell award={a} />,
    },
    {
      title: t('awardRegister.fields.awardType'),
      key: 'type',
      render: (_: unknown, a) => <Typography.Text delete={Boolean(a.revoked)}>{a.awardTypeName}</Typography.Text>,
    },
    {
      title: t('awardRegister.fields.decision'),
      key: 'decision',
      render: (_: unknown, a) => <DecisionCell award={a} />,
    },
    { title: t('awardRegister.fields.issuer'), dataIndex: 'issuerName', key: 'issuer', responsive: ['lg'] },
    {
      title: t('awardRegister.fields.amount'),
      key: 'amount',
      align: 'right',
      render: (_: unknown, a) => <Typography.Text delete={Boolean(a.revoked)}>{amount(a.amount)}</Typography.Text>,
    },
  ];
  return (
    <PagedTable<Award>
      list={history}
      paging={paging}
      columns={columns}
      size="small"
      emptyText={t('awardRegister.history.empty')}
    />
  );
}

/** A card with the history, for those who hold award.read (nothing for others). */
export function AwardHistoryCard({ of, id }: { of: 'units' | 'people'; id: string }) {
  const { t } = useAwardsTranslation();
  const { user } = useSession();
  if (!canUser(user, 'award.read')) return null;
  return (
    <Card title={t('awardRegister.history.title')} size="small" data-testid={`award-history-${of}`}>
      <HistoryTable key={`${of}:${id}`} of={of} id={id} />
    </Card>
  );
}

/** The history alone (inside a row of the staff list). */
export function AwardHistory({ of, id }: { of: 'units' | 'people'; id: string }) {
  const { user } = useSession();
  if (!canUser(user, 'award.read')) return null;
  return (
    <div data-testid={`award-history-${of}`}>
      <HistoryTable of={of} id={id} />
    </div>
  );
}
