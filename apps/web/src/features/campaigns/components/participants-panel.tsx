/**
 * The campaign's participating units and who has enrolled. The standing office sees every unit,
 * filters enrolled / not enrolled, and may enrol a unit itself while the campaign is open; unit
 * roles see only their own units (the API scopes the list).
 */
import { useState } from 'react';
import { Button, Segmented, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { Campaign, CampaignParticipant, EnrollmentFilter } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useParticipants } from '../api/get-participants.ts';
import { EnrollmentModal, type EnrollmentTarget } from './enrollment-modal.tsx';
import { enrolsAnyUnit } from '../utils/campaign.ts';

export function ParticipantsPanel({ campaign }: { campaign: Pick<Campaign, 'id' | 'status' | 'participants'> }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [filter, setFilter] = useState<EnrollmentFilter | 'all'>('all');
  const [search, setSearch] = useState('');
  const paging = usePagination();
  const [target, setTarget] = useState<EnrollmentTarget | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const participants = useParticipants(campaign.id, {
    status: filter === 'all' ? undefined : filter,
    q: q || undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const { data } = participants;
  const canEnrolAny = enrolsAnyUnit(user) && campaign.status === 'open';

  const columns: TableColumnsType<CampaignParticipant> = [
    {
      title: t('campaigns.participants.unit'),
      dataIndex: 'unitName',
      render: (name: string, p) => (
        <div>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.unitCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('campaigns.participants.kind'),
      dataIndex: 'unitKind',
      responsive: ['md'],
      render: (k: string) => t(`unitKinds.${k}`),
    },
    {
      title: t('campaigns.participants.state'),
      dataIndex: 'enrolled',
      width: 150,
      render: (enrolled: boolean) =>
        enrolled ? (
          <Tag color="green" icon={<CheckCircleOutlined />}>
            {t('campaigns.participants.enrolledTag')}
          </Tag>
        ) : (
          <Tag icon={<MinusCircleOutlined />}>{t('campaigns.participants.notEnrolledTag')}</Tag>
        ),
    },
    {
      title: t('campaigns.participants.enrolledAt'),
      key: 'enrolledAt',
      responsive: ['lg'],
      render: (_: unknown, p) =>
        p.enrollment ? (
          <div>
            <div>{formatDateTime(p.enrollment.enrolledAt)}</div>
            {p.enrollment.enrolledByName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.enrollment.enrolledByName}
              </Typography.Text>
            )}
          </div>
        ) : null,
    },
    ...(canEnrolAny
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            render: (_: unknown, p: CampaignParticipant) =>
              p.enrolled ? null : (
                <Button
                  size="small"
                  onClick={() => setTarget({ mode: 'create', unitId: p.unitId, unitName: p.unitName })}
                  data-testid={`enrol-${p.unitCode}`}
                >
                  {t('campaigns.participants.enrolForUnit')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div>
      {data && (
        <Typography.Paragraph data-testid="enrolled-count">
          {t('campaigns.participants.summary', {
            enrolled: formatNumber(data.enrolledCount),
            total: formatNumber(data.participantCount),
          })}
          {campaign.participants.individualsTakePart ? ` ${t('campaigns.participants.individualsToo')}` : ''}
        </Typography.Paragraph>
      )}
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('campaigns.participants.searchPlaceholder')}
        searchPlacement="last"
        filters={
          <Segmented<EnrollmentFilter | 'all'>
            value={filter}
            onChange={paging.resettingPage(setFilter)}
            options={[
              { value: 'all', label: t('campaigns.participants.filter.all') },
              { value: 'enrolled', label: t('campaigns.participants.filter.enrolled') },
              { value: 'not_enrolled', label: t('campaigns.participants.filter.notEnrolled') },
            ]}
          />
        }
      />
      <PagedTable<CampaignParticipant>
        list={participants}
        paging={paging}
        rowKey="unitId"
        columns={columns}
        expandable={{
          rowExpandable: (p) => p.enrollment !== null,
          expandedRowRender: (p) => (
            <div>
              <Typography.Text strong>{t('campaigns.enrolment.commitment')}: </Typography.Text>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.enrollment?.commitment}</Typography.Text>
            </div>
          ),
        }}
        emptyText={t('campaigns.participants.empty')}
      />
      <EnrollmentModal campaignId={campaign.id} target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
