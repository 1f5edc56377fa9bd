/**
 * The audit log: filter by text (action or actor email), object and time; each row expands to the
 * recorded before/after. "Check integrity" recomputes the hash chain on the server.
 */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Input, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEvent, AuditVerifyResult } from '@thidua/contract';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useAuditEvents } from '../api/get-audit-events.ts';
import { useVerifyAuditChain } from '../api/verify-audit-chain.ts';

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('audit.verifyOk')}
        description={t('audit.verifyOkDetail', { count: result.checked, formatted: formatNumber(result.checked) })}
        data-testid="audit-verify-result"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={t('audit.verifyBroken')}
      description={
        <>
          {t('audit.verifyBrokenDetail', {
            seq: result.firstBrokenSeq ?? '?',
            id: result.firstBrokenId ?? '?',
            checked: formatNumber(result.checked),
          })}
          <br />
          {/* Explained by the server in the language the app asks for (Accept-Language). */}
          {result.reason}
        </>
      }
    />
  );
}

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        maxHeight: 320,
        overflow: 'auto',
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [objectType, setObjectType] = useState('');
  const [objectId, setObjectId] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const paging = usePagination([20, 50, 100]);
  const q = useDebouncedValue(search.trim(), 300);
  const type = useDebouncedValue(objectType.trim(), 300);
  const oid = useDebouncedValue(objectId.trim(), 300);

  const events = useAuditEvents({
    q: q || undefined,
    objectType: type || undefined,
    objectId: oid || undefined,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const verify = useVerifyAuditChain();

  const columns: TableColumnsType<AuditEvent> = [
    { title: '#', dataIndex: 'seq', width: 70 },
    { title: t('audit.fields.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.fields.actor'),
      key: 'actor',
      render: (_: unknown, e) =>
        e.actorEmail ? (
          <Space size={4} wrap>
            <span>{e.actorEmail}</span>
            {e.actorRole && <Tag>{t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.fields.action'),
      dataIndex: 'action',
      // Actions of newer modules may have no label yet: then the code alone is shown.
      render: (action: string) =>
        i18n.exists(`auditActions.${action}`) ? (
          <Space size={4} wrap>
            <span>{t(`auditActions.${action}`)}</span>
            <Typography.Text code type="secondary">
              {action}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text code>{action}</Typography.Text>
        ),
    },
    {
      title: t('audit.fields.object'),
      key: 'object',
      responsive: ['md'],
      render: (_: unknown, e) => (
        <span>
          {t(`auditObjects.${e.objectType}`, { defaultValue: e.objectType })}
          {e.objectId && (
            <Typography.Text
              type="secondary"
              copyable={{ text: e.objectId }}
              style={{ marginInlineStart: 4, fontSize: 12 }}
            >
              {e.objectId}
            </Typography.Text>
          )}
        </span>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('audit.integrityTitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => void verify.refetch()}
            loading={verify.isFetching}
          >
            {t('audit.verify')}
          </Button>
        }
      >
        {verify.isError ? (
          <Alert type="error" showIcon title={problemMessage(verify.error)} />
        ) : verify.data && !verify.isFetching ? (
          <VerifyResult result={verify.data} />
        ) : (
          <Typography.Text type="secondary">{t('audit.integrityHint')}</Typography.Text>
        )}
      </Card>
      <Card>
        <ListToolbar
          search={search}
          onSearchChange={paging.resettingPage(setSearch)}
          searchPlaceholder={t('audit.searchPlaceholder')}
          filters={
            <>
              <Input
                allowClear
                placeholder={t('audit.fields.objectType')}
                aria-label={t('audit.fields.objectType')}
                value={objectType}
                onChange={(e) => paging.resettingPage(setObjectType)(e.target.value)}
                style={{ width: 160 }}
              />
              <Input
                allowClear
                placeholder={t('audit.fields.objectId')}
                aria-label={t('audit.fields.objectId')}
                value={objectId}
                onChange={(e) => paging.resettingPage(setObjectId)(e.target.value)}
                style={{ width: 220 }}
              />
              <DatePicker.RangePicker
                value={range}
                onChange={(v) => paging.resettingPage(setRange)(v)}
                format="DD/MM/YYYY"
                allowEmpty={[true, true]}
              />
            </>
          }
        />
        <PagedTable<AuditEvent>
          list={events}
          paging={paging}
          columns={columns}
          emptyText={t('audit.empty')}
          totalText={(total) => t('audit.total', { count: total, formatted: formatNumber(total) })}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('audit.fields.before')}>
                  <Json value={e.before} />
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.fields.after')}>
                  <Json value={e.after} />
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.fields.requestId')}>
                  {e.requestId ?? t('common.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('audit.fields.hash')}>
                  <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {e.hash}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
        />
      </Card>
    </Space>
  );
}
