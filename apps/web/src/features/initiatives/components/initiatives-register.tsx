/**
 * The initiatives register (sáng kiến, giải pháp mới): units and staff record their initiatives
 * with files; the standing office records their recognition by an authority (decision number, date,
 * scan). Recognised initiatives are what the derived criterion "recognised initiatives" counts.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Flex, InputNumber, Segmented, Statistic, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { INITIATIVE_STATUSES } from '@thidua/contract';
import type { Campaign, Initiative, InitiativeStatus, Unit } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useInitiatives } from '../api/get-initiatives.ts';
import { useInitiativesTranslation } from '../locales/register.ts';
import { canRecognise, canRecogniseAny, canRecord } from '../utils/permissions.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';
import { InitiativeFormModal } from './initiative-form-modal.tsx';
import { RecogniseModal } from './recognise-modal.tsx';
import { SearchSelect } from '../../../components/search-select.tsx';
import { pickerLabel } from '../../../lib/campaign-picker.ts';

interface Props {
  units: readonly Unit[];
  /** Campaigns an initiative may be entered for, and filtered by. */
  campaigns: readonly Pick<Campaign, 'id' | 'title' | 'number' | 'year'>[];
  Evidence: EvidenceSlot;
}

export function InitiativesRegister({ units, campaigns, Evidence }: Props) {
  const { t } = useInitiativesTranslation();
  const { user } = useSession();
  const office = canRecogniseAny(user);
  const [status, setStatus] = useState<InitiativeStatus | 'all'>('all');
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const paging = usePagination();
  const [creating, setCreating] = useState(false);
  const [recognising, setRecognising] = useState<Initiative | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const initiatives = useInitiatives({
    q: q || undefined,
    status: status === 'all' ? undefined : status,
    campaignId,
    unitId: unitId ?? undefined,
    year: year ?? undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const { data } = initiatives;
  const campaignTitle = new Map(campaigns.map((c) => [c.id, c.title]));

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
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12 }}
                ellipsis={{ tooltip: campaignTitle.get(i.campaignId) }}
              >
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
            <div style={{ fontSize: 12, marginTop: 2 }}>
              {t('initiatives.decisionLine', {
                number: i.recognition.decisionNumber,
                date: formatDate(i.recognition.decidedOn),
              })}
            </div>
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
                <Button
                  size="small"
                  type="primary"
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => setRecognising(i)}
                  data-testid="recognise-button"
                >
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
      <Descriptions.Item label={t('initiatives.fields.authors')}>
        {i.authors.map((a) => (a.position ? `${a.fullName} (${a.position})` : a.fullName)).join('; ')}
      </Descriptions.Item>
      <Descriptions.Item label={t('initiatives.fields.files')}>
        <Evidence files={i.files} />
      </Descriptions.Item>
      {i.recognition && (
        <Descriptions.Item label={t('initiatives.status.recognised')}>
          <div>
            {t('initiatives.recognitionLine', {
              authority: i.recognition.authority,
              number: i.recognition.decisionNumber,
              date: formatDate(i.recognition.decidedOn),
            })}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('initiatives.recognisedBy', {
              time: formatDateTime(i.recognition.recognisedAt),
              name: i.recognition.recognisedByName ?? '—',
            })}
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
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('initiatives.search')}
        searchPlacement="last"
        searchWidth={240}
        filters={
          <>
            <Segmented<InitiativeStatus | 'all'>
              value={status}
              onChange={paging.resettingPage(setStatus)}
              options={[
                { value: 'all', label: t('initiatives.allStatuses') },
                ...INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) })),
              ]}
            />
            <SearchSelect
              allowClear
              value={campaignId}
              placeholder={t('initiatives.allCampaigns')}
              aria-label={t('initiatives.fields.campaign')}
              onChange={paging.resettingPage((v: string | undefined) => setCampaignId(v))}
              options={campaigns.map((c) => ({ value: c.id, label: pickerLabel(c, campaigns) }))}
              style={{ width: 280 }}
            />
            <InputNumber
              min={1900}
              max={2200}
              precision={0}
              value={year}
              placeholder={t('initiatives.fields.year')}
              aria-label={t('initiatives.fields.year')}
              onChange={(v) => paging.resettingPage(setYear)(typeof v === 'number' ? v : null)}
              style={{ width: 110 }}
            />
            {office && (
              <UnitTreeSelect
                units={units}
                value={unitId}
                onChange={paging.resettingPage(setUnitId)}
                placeholder={t('initiatives.allUnits')}
                style={{ width: 240 }}
              />
            )}
          </>
        }
        actions={
          canRecord(user) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-initiative"
            >
              {t('initiatives.form.title')}
            </Button>
          )
        }
      />
      <PagedTable<Initiative>
        list={initiatives}
        paging={paging}
        columns={columns}
        expandable={{ expandedRowRender: details }}
        emptyText={
          q || status !== 'all' || campaignId || unitId || year ? t('initiatives.noMatch') : t('initiatives.empty')
        }
        totalText={(total) => t('initiatives.total', { count: total, formatted: formatNumber(total) })}
      />
      <InitiativeFormModal
        open={creating}
        units={units}
        campaigns={campaigns}
        Evidence={Evidence}
        onClose={() => setCreating(false)}
      />
      <RecogniseModal initiative={recognising} Evidence={Evidence} onClose={() => setRecognising(null)} />
    </div>
  );
}
