/**
 * A list of award dossiers (a campaign's, or across campaigns for "Hồ sơ của tôi"): status tag,
 * nominee (opens the dossier page), award type, receipt number; a status filter; server paging.
 */
import { useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import { DOSSIER_STATUSES, type Dossier, type DossierStatus } from '@thidua/contract';
import { formatDateTime } from '../../../lib/format.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { PagedTable } from '../../../components/paged-table.tsx';
import { DossierStatusTag } from '../../../components/dossiers/dossier-status-tag.tsx';
import { useDossierSharedTranslation } from '../../../components/dossiers/dossier-texts.ts';
import { useDossierList } from '../api/dossiers.ts';
import { useDossiersTranslation } from '../locales/register.ts';

export function DossiersTable({ campaignId, showCampaign = false }: { campaignId?: string; showCampaign?: boolean }) {
  const { t } = useDossiersTranslation();
  const shared = useDossierSharedTranslation();
  const paging = usePagination();
  const [status, setStatus] = useState<DossierStatus | undefined>(undefined);
  const list = useDossierList({ campaignId, status, page: paging.page, pageSize: paging.pageSize });

  const columns: TableColumnsType<Dossier> = [
    {
      title: t('dossiers.fields.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, d) => <DossierStatusTag status={d.status} />,
    },
    {
      title: t('dossiers.fields.nominee'),
      key: 'nominee',
      render: (_: unknown, d) => (
        <Link to="/ho-so/$dossierId" params={{ dossierId: d.id }} data-testid="dossier-open">
          <Typography.Text strong>{d.nomineeName}</Typography.Text>
        </Link>
      ),
    },
    ...(showCampaign ? [{ title: t('dossiers.fields.campaign'), dataIndex: 'campaignTitle', width: 260 }] : []),
    { title: t('dossiers.fields.unit'), dataIndex: 'unitName', width: 200 },
    { title: t('dossiers.fields.awardType'), dataIndex: 'awardTypeName', width: 220 },
    {
      title: t('dossiers.fields.receiptNumber'),
      key: 'receipt',
      width: 130,
      render: (_: unknown, d) => d.receiptNumber ?? '—',
    },
    {
      title: t('dossiers.fields.updatedAt'),
      key: 'updatedAt',
      width: 160,
      render: (_: unknown, d) => formatDateTime(d.updatedAt),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Select<DossierStatus | undefined>
        allowClear
        style={{ width: 240 }}
        placeholder={t('dossiers.list.statusFilter')}
        value={status}
        onChange={paging.resettingPage(setStatus)}
        options={DOSSIER_STATUSES.map((s) => ({ value: s, label: shared.t(`dossierShared.status.${s}`) }))}
      />
      <PagedTable<Dossier>
        list={list}
        paging={paging}
        columns={columns}
        emptyText={t('dossiers.list.empty')}
        totalText={(count) => t('dossiers.list.total', { count })}
      />
    </Flex>
  );
}
