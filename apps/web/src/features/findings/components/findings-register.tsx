/**
 * The inspection findings register of one campaign. The standing office records findings for the
 * participating units, follows them by status (and those overdue), verifies remedies or reopens
 * them; a unit sees only its own findings and reports each remedy with evidence. The counts on
 * top cover every matching finding, and the verified share is what feeds the derived criterion
 * "% of findings remedied" of the self-assessment.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Segmented,
  Space,
  Statistic,
  Typography,
  theme,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, PlusOutlined, RollbackOutlined, ToolOutlined } from '@ant-design/icons';
import { FINDING_STATUSES } from '@thidua/contract';
import type { Finding, FindingStatus, Unit } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useConfirmedAction } from '../../../lib/use-confirmed-action.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useFindings } from '../api/get-findings.ts';
import { useVerifyFinding } from '../api/verify-finding.ts';
import { useFindingsTranslation } from '../locales/register.ts';
import { canRecordFinding, canRemedy, canReopen, canVerify } from '../utils/permissions.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';
import { FindingFormModal } from './finding-form-modal.tsx';
import { FindingStatusTag } from './finding-status-tag.tsx';
import { RemedyModal } from './remedy-modal.tsx';
import { ReopenModal } from './reopen-modal.tsx';

interface Props {
  campaignId: string;
  /** Findings are recorded and handled only while the campaign is open or closed. */
  campaignActive: boolean;
  /** Every unit, for the office's unit filter and picker. */
  units: readonly Unit[];
  Evidence: EvidenceSlot;
}

export function FindingsRegister({ campaignId, campaignActive, units, Evidence }: Props) {
  const { t } = useFindingsTranslation();
  const confirmAction = useConfirmedAction();
  const { user } = useSession();
  const { token } = theme.useToken();
  const office = canRecordFinding(user);
  const [status, setStatus] = useState<FindingStatus | 'all'>('all');
  const [overdue, setOverdue] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const paging = usePagination();
  const [creating, setCreating] = useState(false);
  const [remedying, setRemedying] = useState<Finding | null>(null);
  const [reopening, setReopening] = useState<Finding | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const verify = useVerifyFinding();
  const findings = useFindings(campaignId, {
    q: q || undefined,
    status: status === 'all' ? undefined : status,
    unitId: unitId ?? undefined,
    overdue: overdue || undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const stats = findings.data?.stats;

  function confirmVerify(f: Finding) {
    confirmAction({
      title: t('findings.verify.title'),
      content: f.title,
      okText: t('findings.verify.ok'),
      run: () => verify.mutateAsync(f.id),
      doneMessage: t('findings.verify.saved'),
    });
  }

  const columns: TableColumnsType<Finding> = [
    {
      title: t('findings.fields.title'),
      key: 'title',
      render: (_: unknown, f) => (
        <div style={{ maxWidth: 460 }}>
          <Typography.Text strong>{f.title}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('findings.inspectionLine', { inspection: f.inspectionName, date: formatDate(f.inspectedOn) })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('findings.fields.unit'), dataIndex: 'unitName', width: 200 },
    {
      title: t('findings.fields.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      render: (d: string | null) => (d ? formatDate(d) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('findings.fields.status'),
      key: 'status',
      width: 190,
      render: (_: unknown, f) => <FindingStatusTag status={f.status} overdue={f.overdue} />,
    },
    {
      title: t('findings.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, f) => (
        <Space size={4} wrap>
          {campaignActive && canRemedy(user, f) && (
            <Button
              size="small"
              type="primary"
              icon={<ToolOutlined />}
              onClick={() => setRemedying(f)}
              data-testid="remedy-button"
            >
              {t('findings.remedy.button')}
            </Button>
          )}
          {campaignActive && canVerify(user, f) && (
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => confirmVerify(f)}
              data-testid="verify-button"
            >
              {t('findings.verify.button')}
            </Button>
          )}
          {campaignActive && canReopen(user, f) && (
            <Button size="small" icon={<RollbackOutlined />} onClick={() => setReopening(f)}>
              {t('findings.reopen.button')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const details = (f: Finding) => (
    <Descriptions size="small" column={1} bordered style={{ background: 'transparent' }}>
      {f.description && (
        <Descriptions.Item label={t('findings.fields.description')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{f.description}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('findings.fields.documents')}>
        <Evidence files={f.files} />
      </Descriptions.Item>
      {f.reopenReason && (
        <Descriptions.Item label={t('findings.reopen.reason')}>
          {t('findings.reopenedAt', { time: formatDateTime(f.reopenedAt), reason: f.reopenReason })}
        </Descriptions.Item>
      )}
      {f.remedy && (
        <Descriptions.Item label={t('findings.remedy.title')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
            {f.remedy.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('findings.remedy.by', {
              time: formatDateTime(f.remedy.remediedAt),
              name: f.remedy.remediedByName ?? '—',
            })}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Evidence files={f.remedy.files} />
          </div>
        </Descriptions.Item>
      )}
      {f.verifiedAt && (
        <Descriptions.Item label={t('findings.status.verified')}>
          {t('findings.verify.by', { time: formatDateTime(f.verifiedAt), name: f.verifiedByName ?? '—' })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );

  return (
    <div data-testid="findings-register">
      {stats && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex wrap gap={32}>
            <Statistic title={t('findings.stats.total')} value={stats.total} />
            <Statistic title={t('findings.status.open')} value={stats.open} />
            <Statistic title={t('findings.status.remedied')} value={stats.remedied} />
            <Statistic title={t('findings.status.verified')} value={stats.verified} />
            <Statistic
              title={t('findings.stats.overdue')}
              value={stats.overdue}
              styles={{ content: stats.overdue ? { color: token.colorError } : {} }}
            />
            <Statistic
              title={t('findings.stats.remediedPercent')}
              value={stats.remediedPercent === null ? '—' : `${formatNumber(stats.remediedPercent, 1)}%`}
            />
          </Flex>
        </Card>
      )}
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('findings.search')}
        searchPlacement="last"
        searchWidth={260}
        filters={
          <>
            <Segmented<FindingStatus | 'all'>
              value={status}
              onChange={paging.resettingPage(setStatus)}
              options={[
                { value: 'all', label: t('findings.allStatuses') },
                ...FINDING_STATUSES.map((s) => ({ value: s, label: t(`findings.status.${s}`) })),
              ]}
            />
            <Checkbox checked={overdue} onChange={(e) => paging.resettingPage(setOverdue)(e.target.checked)}>
              {t('findings.onlyOverdue')}
            </Checkbox>
            {office && (
              <UnitTreeSelect
                units={units}
                value={unitId}
                onChange={paging.resettingPage(setUnitId)}
                placeholder={t('findings.allUnits')}
                style={{ width: 260 }}
              />
            )}
          </>
        }
        actions={
          office &&
          campaignActive && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-finding"
            >
              {t('findings.form.title')}
            </Button>
          )
        }
      />
      {!campaignActive && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('findings.campaignInactive')} />
      )}
      <PagedTable<Finding>
        list={findings}
        paging={paging}
        columns={columns}
        expandable={{ expandedRowRender: details }}
        emptyText={q || status !== 'all' || overdue || unitId ? t('findings.noMatch') : t('findings.empty')}
        totalText={(total) => t('findings.total', { count: total, formatted: formatNumber(total) })}
      />
      <FindingFormModal
        open={creating}
        campaignId={campaignId}
        units={units}
        Evidence={Evidence}
        onClose={() => setCreating(false)}
      />
      <RemedyModal
        key={remedying?.id ?? 'none'}
        finding={remedying}
        Evidence={Evidence}
        onClose={() => setRemedying(null)}
      />
      <ReopenModal finding={reopening} onClose={() => setReopening(null)} />
    </div>
  );
}
