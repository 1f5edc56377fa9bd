/** The list of award decisions: number, subject, campaign, status, date, awardees and total bonus. */
import { useState } from 'react';
import { Alert, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import type { Decision, DecisionStatus } from '@thidua/contract';
import { problemMessage } from '../../../lib/problem.ts';
import { useDecisions } from '../api/decisions.ts';
import { useDecisionsTranslation } from '../locales/register.ts';
import { dmy, vnd } from './format.ts';

export function DecisionStatusTag({ status }: { status: DecisionStatus }) {
  const { t } = useDecisionsTranslation();
  return <Tag color={status === 'issued' ? 'success' : 'default'}>{t(`decisions.status.${status}`)}</Tag>;
}

export function DecisionsList() {
  const { t } = useDecisionsTranslation();
  const [status, setStatus] = useState<DecisionStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useDecisions({ status: status === 'all' ? undefined : status, page, pageSize });
  return (
    <Card>
      <Flex vertical gap={12}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as DecisionStatus | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('decisions.list.all') },
            { value: 'draft', label: t('decisions.status.draft') },
            { value: 'issued', label: t('decisions.status.issued') },
          ]}
        />
        {list.isError ? (
          <Alert type="error" showIcon title={problemMessage(list.error)} />
        ) : (
          <Table<Decision>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('decisions.list.empty') }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showTotal: (n) => t('decisions.list.total', { count: n }),
            }}
            columns={[
              {
                title: t('decisions.columns.number'),
                render: (_v, d) => (
                  <Link to="/quyet-dinh/$decisionId" params={{ decisionId: d.id }}>
                    {d.number ?? t('decisions.list.draftNumber')}
                  </Link>
                ),
              },
              {
                title: t('decisions.columns.subject'),
                render: (_v, d) => (
                  <>
                    <div>{d.subject}</div>
                    <Typography.Text type="secondary">{d.campaignTitle}</Typography.Text>
                  </>
                ),
              },
              { title: t('decisions.columns.status'), render: (_v, d) => <DecisionStatusTag status={d.status} /> },
              { title: t('decisions.columns.decidedOn'), render: (_v, d) => dmy(d.decidedOn) },
              { title: t('decisions.columns.awardees'), align: 'right', render: (_v, d) => d.awardees.length },
              { title: t('decisions.columns.total'), align: 'right', render: (_v, d) => vnd(d.total) },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
