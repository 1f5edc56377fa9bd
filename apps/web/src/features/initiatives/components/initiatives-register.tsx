/**
 * The initiatives register (sáng kiến, giải pháp mới): units and staff record their initiatives
 * with files; the standing office records their recognition by an authority (decision number, date,
 * scan). Recognised initiatives are what the derived criterion "recognised initiatives" counts.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, InputNumber, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { INITIATIVE_STATUSES } from '@thidua/contract';
import type { Campaign, Initiative, InitiativeStatus, Unit } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useInitiatives } from '../api/get-initiatives.ts';
import { useInitiativesTranslation } from '../locales/register.ts';
import { canRecognise, canRecord, isOffice } from '../utils/permissions.ts';
import type { EvidenceSlot } from './evidence-slot.ts';
import { InitiativeFormModal } from './initiative-form-modal.tsx';
import { RecogniseModal } from './recognise-modal.tsx';

interface Props {
  units: readonly Unit[];
  /** Campaigns an initiative may be entered for, and filtered by. */
  campaigns: readonly Pick<Campaign, 'id' | 'title' | 'number' | 'year'>[];
  Evidence: EvidenceSlot;
}

export function InitiativesRegister({ units, campaigns, Evidence }: Props) {
  const { t } = useInitiativesTranslation();
  const { user } = useSession();
  const office = isOffice(user);
  const [status, setStatus] = useState<InitiativeStatus | 'all'>('all');
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [recognising, setRecognising] = useState<Initiative | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isPending, isFetching, isError, error } = useInitiatives({
    q: q || undefined,
    status: status === 'all' ? undefined : status,
    campaignId,
    unitId: unitId ?? undefined,
    year: year ?? undefined,
    page,
    pageSize,
  });
  const campaignTitle = new Map(campaigns.map((c) => [c.id, c.title]));
  const reset = () => setPage(1);

  const columns: TableColumnsType<Initiative> = [
    {
      title: t('initiatives.fields.title'),
      key: 'title',
      render: (_: unknown, i) => (
        <div style={{ maxWidth: 460 }}>
          <Typography.Text strong>{i.title}</Typography.Text>
          {i.summary && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2 }}>
              {i.summary}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: t('initiatives.fields.unitAndAuthors'),
      key: 'unit',
      width: 240,
      render: (_: unknown, i) => (
        <div>
          <div>{i.unitName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {i.authors.map((a) => a.fullName).join(', ')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('initiatives.fields.yearAndCampaign'),
      key: 'year',
      width: 200,
      responsive: ['lg'],
      render: (_: unknown, i) => (
        <div style={{ fontSize: 13 }}>
          {i.year ?? '—'}
          {i.campaignId && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: campaignTitle.get(i.campaignId) }}>
                {campaignTitle.get(i.campaignId) ?? t('initiatives.otherCampaign')}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('initiatives.fields.status'),
      key: 'status',
      width: 240,
      render: (_: unknown, i) =>
        i.recognition ? (
          <div>
            <Tag color="green" data-testid="initiative-status">
              {t('initiatives.status.recognised')}
            </Tag>
            <div style={{ fontSize: 12, marginTop: 2 }}>{t('initiatives.decisionLine', { number: i.recognition.decisionNumber, date: formatDate(i.recognition.decidedOn) })}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.recognition.authority}
            </Typography.Text>
          </div>
        ) : (
          <Tag data-testid="initiative-status">{t('initiatives.status.registered')}</Tag>
        ),
    },
    ...(office
      ? [
          {
            title: t('initiatives.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, i: Initiative) =>
              i.status === 'registered' &&
              canRecognise(user, i.unitId) && (
                <Button size="small" type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setRecognising(i)} data-testid="recognise-button">
                  {t('initiatives.recognise.button')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const details = (i: Initiative) => (
    <Descriptions size="small" column={1} bordered>
      {i.summary && (
        <Descriptions.Item label={t('initiatives.fields.summary')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{i.summary}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('initiatives.fields.authors')}>{i.authors.map((a) => (a.position ? `${a.fullName} (${a.position})` : a.fullName)).join('; ')}</Descriptions.Item>
      <Descriptions.Item label={t('initiatives.fields.files')}>
        <Evidence files={i.files} />
      </Descriptions.Item>
      {i.recognition && (
        <Descriptions.Item label={t('initiatives.status.recognised')}>
          <div>{t('initiatives.recognitionLine', { authority: i.recognition.authority, number: i.recognition.decisionNumber, date: formatDate(i.recognition.decidedOn) })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('initiatives.recognisedBy', { time: formatDateTime(i.recognition.recognisedAt), name: i.recognition.recognisedByName ?? '—' })}
          </Typography.Text>
          {i.recognition.file && (
            <div style={{ marginTop: 4 }}>
              <Evidence files={[i.recognition.file]} />
            </div>
          )}
        </Descriptions.Item>
      )}
    </Descriptions>
  );

  return (
    <div data-testid="initiatives-register">
      {data && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex wrap gap={32}>
            <Statistic title={t('initiatives.stats.total')} value={data.total} />
            <Statistic title={t('initiatives.stats.recognised')} value={data.recognisedCount} />
          </Flex>
        </Card>
      )}
      <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented<InitiativeStatus | 'all'>
            value={status}
            onChange={(v) => {
              setStatus(v);
              reset();
            }}
            options={[{ value: 'all', label: t('initiatives.allStatuses') }, ...INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))]}
          />
          <Select
            allowClear
            value={campaignId}
            placeholder={t('initiatives.allCampaigns')}
            aria-label={t('initiatives.fields.campaign')}
            onChange={(v: string | undefined) => {
              setCampaignId(v);
              reset();
            }}
            options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
            style={{ width: 280 }}
            optionFilterProp="label"
            showSearch
          />
          <InputNumber
            min={1900}
            max={2200}
            precision={0}
            value={year}
            placeholder={t('initiatives.fields.year')}
            aria-label={t('initiatives.fields.year')}
            onChange={(v) => {
              setYear(typeof v === 'number' ? v : null);
              reset();
            }}
            style={{ width: 110 }}
          />
          {office && (
            <UnitTreeSelect
              units={units}
              value={unitId}
              onChange={(v) => {
                setUnitId(v);
                reset();
              }}
              placeholder={t('initiatives.allUnits')}
              style={{ width: 240 }}
            />
          )}
          <Input.Search
            allowClear
            value={search}
            placeholder={t('initiatives.search')}
            aria-label={t('initiatives.search')}
            onChange={(e) => {
              setSearch(e.target.value);
              reset();
            }}
            style={{ width: 240 }}
          />
        </Space>
        {canRecord(user) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-initiative">
            {t('initiatives.form.title')}
          </Button>
        )}
      </Flex>
      {isError ? (
        <Alert type="error" showIcon title={problemMessage(error)} />
      ) : (
        <Table<Initiative>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isPending || isFetching}
          expandable={{ expandedRowRender: details }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q || status !== 'all' || campaignId || unitId || year ? t('initiatives.noMatch') : t('initiatives.empty')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('initiatives.total', { count: total, formatted: formatNumber(total) }),
            onChange: (p, size) => {
              setPage(size === pageSize ? p : 1);
              setPageSize(size);
            },
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <InitiativeFormModal open={creating} units={units} campaigns={campaigns} Evidence={Evidence} onClose={() => setCreating(false)} />
      <RecogniseModal initiative={recognising} Evidence={Evidence} onClose={() => setRecognising(null)} />
    </div>
  );
}
