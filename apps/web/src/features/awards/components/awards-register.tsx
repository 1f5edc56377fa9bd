/**
 * Sổ khen thưởng: every award of the issued decisions the user may see (the authority's roles:
 * their units'; unit roles: their own unit's; staff: their own), filtered by campaign, award type,
 * year, unit and name; amounts as "702.000 đ"; revoked awards struck through with their reason;
 * the same list as XLSX; the leader revokes with a reason.
 */
import { useState } from 'react';
import { App, Button, Checkbox, InputNumber, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, StopOutlined } from '@ant-design/icons';
import type { Award, Campaign, Unit } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { formatNumber } from '../../../lib/format.ts';
import { canUser, holdsWidely } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { downloadAwardsXlsx, useAwards, useAwardTypeOptions } from '../api/get-awards.ts';
import { useAwardsTranslation } from '../locales/register.ts';
import { DecisionCell, RecipientCell, useFormatAmount } from './award-cells.tsx';
import { RevokeAwardModal } from './revoke-award-modal.tsx';
import { SearchSelect } from '../../../components/search-select.tsx';

interface Props {
  units: readonly Unit[];
  campaigns: readonly Pick<Campaign, 'id' | 'title'>[];
}

export function AwardsRegister({ units, campaigns }: Props) {
  const { t } = useAwardsTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const wide = holdsWidely(user, 'award.read');
  const mayRevoke = canUser(user, 'award.revoke');
  const amount = useFormatAmount();
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const [awardTypeId, setAwardTypeId] = useState<string | undefined>(undefined);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [includeRevoked, setIncludeRevoked] = useState(true);
  const [search, setSearch] = useState('');
  const [revoking, setRevoking] = useState<Award | null>(null);
  const [exporting, setExporting] = useState(false);
  const paging = usePagination();
  const q = useDebouncedValue(search.trim(), 300);
  const types = useAwardTypeOptions();
  const filters = {
    q: q || undefined,
    campaignId,
    awardTypeId,
    unitId: unitId ?? undefined,
    year: year ?? undefined,
    includeRevoked: includeRevoked ? undefined : false,
  };
  const awards = useAwards({ ...filters, page: paging.page, pageSize: paging.pageSize });
  const filtered = Boolean(q || campaignId || awardTypeId || unitId || year || !includeRevoked);

  async function exportXlsx() {
    setExporting(true);
    try {
      const name = await downloadAwardsXlsx(filters);
      void message.success(t('awardRegister.exported', { name }));
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setExporting(false);
    }
  }

  const columns: TableColumnsType<Award> = [
    {
      title: t('awardRegister.fields.recipient'),
      key: 'recipient',
      render: (_: unknown, a) => <RecipientCell award={a} />,
    },
    {
      title: t('awardRegister.fields.unit'),
      key: 'unit',
      width: 170,
      render: (_: unknown, a) => <Typography.Text delete={Boolean(a.revoked)}>{a.unitName}</Typography.Text>,
    },
    {
      title: t('awardRegister.fields.awardType'),
      key: 'type',
      width: 210,
      render: (_: unknown, a) => (
        <div>
          <Typography.Text delete={Boolean(a.revoked)}>{a.awardTypeName}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: a.campaignTitle }}>
              {a.campaignTitle}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('awardRegister.fields.decision'),
      key: 'decision',
      width: 200,
      render: (_: unknown, a) => (
        <div>
          <DecisionCell award={a} />
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.issuerName}
              {a.signerName ? ` — ${a.signerName}` : ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('awardRegister.fields.amount'),
      key: 'amount',
      width: 140,
      align: 'right',
      render: (_: unknown, a) => (
        <div>
          <Typography.Text strong delete={Boolean(a.revoked)} data-testid="award-amount">
            {amount(a.amount)}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('awardRegister.bonusLine', {
                coefficient: formatNumber(a.coefficient, 3),
                baseSalary: amount(a.baseSalary),
              })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(mayRevoke
      ? [
          {
            title: t('awardRegister.fields.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, a: Award) =>
              !a.revoked &&
              canUser(user, 'award.revoke', { unitId: a.unitId }) && (
                <Button
                  size="small"
                  danger
                  icon={<StopOutlined />}
                  onClick={() => setRevoking(a)}
                  data-testid="revoke-award"
                >
                  {t('awardRegister.revoke.button')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="awards-register">
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('awardRegister.search')}
        searchWidth={260}
        filters={
          <>
            <SearchSelect
              allowClear
              value={campaignId}
              placeholder={t('awardRegister.allCampaigns')}
              aria-label={t('awardRegister.fields.campaign')}
              onChange={paging.resettingPage((v: string | undefined) => setCampaignId(v))}
              options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
              style={{ width: 220 }}
            />
            <SearchSelect
              allowClear
              value={awardTypeId}
              loading={types.isPending}
              placeholder={t('awardRegister.allAwardTypes')}
              aria-label={t('awardRegister.fields.awardType')}
              onChange={paging.resettingPage((v: string | undefined) => setAwardTypeId(v))}
              options={(types.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              style={{ width: 200 }}
            />
            <InputNumber
              min={1900}
              max={2200}
              precision={0}
              value={year}
              placeholder={t('awardRegister.year')}
              aria-label={t('awardRegister.year')}
              onChange={(v) => paging.resettingPage(setYear)(typeof v === 'number' ? v : null)}
              style={{ width: 100 }}
            />
            {wide && (
              <UnitTreeSelect
                units={units}
                value={unitId}
                onChange={paging.resettingPage(setUnitId)}
                placeholder={t('awardRegister.allUnits')}
                style={{ width: 220 }}
              />
            )}
            <Checkbox
              checked={includeRevoked}
              onChange={(e) => paging.resettingPage(setIncludeRevoked)(e.target.checked)}
            >
              {t('awardRegister.includeRevoked')}
            </Checkbox>
          </>
        }
        actions={
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            onClick={() => void exportXlsx()}
            data-testid="awards-export"
          >
            {t('awardRegister.export')}
          </Button>
        }
      />
      <PagedTable<Award>
        list={awards}
        paging={paging}
        columns={columns}
        onRow={(a) => ({ 'data-testid': `award-row-${a.id}` }) as object}
        rowClassName={(a) => (a.revoked ? 'award-revoked' : '')}
        emptyText={filtered ? t('awardRegister.noMatch') : t('awardRegister.empty')}
        totalText={(total) => t('awardRegister.total', { count: total, formatted: formatNumber(total) })}
      />
      <RevokeAwardModal award={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}
