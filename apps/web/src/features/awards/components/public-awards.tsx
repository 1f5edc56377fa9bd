/**
 * "Kết quả khen thưởng" on a finalized campaign's public page: who was commended with what, by
 * which decision. No bonus amounts (they are in the decisions), no revoked awards.
 */
import { Alert, Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PublicAward } from '@thidua/contract';
import { formatDate } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { usePublicAwards } from '../api/get-public-awards.ts';
import { useAwardsTranslation } from '../locales/register.ts';

export function PublicAwardsSection({ campaignId }: { campaignId: string }) {
  const { t } = useAwardsTranslation();
  const list = usePublicAwards(campaignId, true);
  const columns: TableColumnsType<PublicAward> = [
    { title: '#', key: 'n', width: 48, render: (_: unknown, _a, i) => i + 1 },
    {
      title: t('awardRegister.fields.recipient'),
      key: 'recipient',
      render: (_: unknown, a) => (
        <div>
          <Typography.Text strong>{a.recipientName}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.recipientKind === 'person' ? `${t('awardRegister.person')} — ${a.unitName}` : t('awardRegister.unit')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('awardRegister.fields.awardType'), dataIndex: 'awardTypeName', key: 'type' },
    {
      title: t('awardRegister.fields.decision'),
      key: 'decision',
      render: (_: unknown, a) =>
        t('awardRegister.public.decisionLine', {
          number: a.decisionNumber,
          date: formatDate(a.decidedOn),
          issuer: a.issuerName,
        }),
    },
  ];
  return (
    <Card title={t('awardRegister.public.title')} data-testid="public-awards">
      {list.isError ? (
        <Alert type="error" showIcon title={problemMessage(list.error)} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('awardRegister.public.note')}</Typography.Paragraph>
          <Table<PublicAward>
            rowKey="id"
            size="middle"
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            columns={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: list.isPending ? ' ' : t('awardRegister.public.empty') }}
          />
        </>
      )}
    </Card>
  );
}
