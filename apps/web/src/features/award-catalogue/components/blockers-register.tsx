/**
 * "Vướng mắc xét khen": the blockers on units and people of the caller's authority (pending
 * discipline, investigation, inspection, unresolved complaint). The office records and lifts them.
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BLOCKER_KINDS, type AwardBlocker, type BlockerKind, type Unit } from '@thidua/contract';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { ReasonDialog } from '../../../components/reason-dialog.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useCan } from '../../../lib/permissions.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useBlockers, useCreateBlocker, useLiftBlocker, useUnitStaff } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';
import { CatalogueTable } from './catalogue-table.tsx';
import { SearchSelect } from '../../../components/search-select.tsx';

const DATE_FORMAT = 'DD/MM/YYYY';
type Shown = 'open' | 'lifted' | 'all';

export function BlockersRegister({ units }: { units: readonly Unit[] }) {
  const { t } = useAwardCatalogueTranslation();
  const can = useCan();
  const [shown, setShown] = useState<Shown>('open');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [lifting, setLifting] = useState<AwardBlocker | null>(null);
  const blockers = useBlockers({ open: shown === 'all' ? undefined : shown === 'open', unitId: unitId ?? undefined });
  const mayManage = (b: AwardBlocker) => b.open && can('award_blocker.manage', { unitId: b.unitId ?? '' });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('awardBlockers.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Shown>
          value={shown}
          onChange={setShown}
          options={(['open', 'lifted', 'all'] as const).map((v) => ({
            value: v,
            label: t(`awardBlockers.filter.${v}`),
          }))}
        />
        <UnitTreeSelect
          units={units}
          value={unitId}
          onChange={setUnitId}
          allowClear
          placeholder={t('awardBlockers.unit')}
          style={{ width: 300 }}
        />
        {can('award_blocker.manage') && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('awardBlockers.record')}
          </Button>
        )}
      </Space>
      <CatalogueTable<AwardBlocker>
        error={blockers.error}
        rowKey="id"
        loading={blockers.isLoading}
        dataSource={blockers.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('awardBlockers.empty') }}
        columns={[
          {
            title: t('awardBlockers.nominee'),
            key: 'nominee',
            render: (_: unknown, b) => (
              <Space direction="vertical" size={0}>
                <strong>{b.personName ?? b.unitName}</strong>
                {b.personName && <span style={{ color: '#888' }}>{b.unitName}</span>}
              </Space>
            ),
          },
          {
            title: t('awardBlockers.kindLabel'),
            dataIndex: 'kind',
            render: (k: BlockerKind) => t(`awardBlockers.kind.${k}`),
          },
          { title: t('awardBlockers.reason'), dataIndex: 'reason' },
          { title: t('awardBlockers.since'), dataIndex: 'since', render: (d: string) => formatDate(d) },
          {
            title: t('awardBlockers.status'),
            key: 'status',
            render: (_: unknown, b) =>
              b.open ? (
                <Tag color="red">{t('awardBlockers.open')}</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag color="green">{t('awardBlockers.liftedOn', { date: formatDate(b.liftedAt) })}</Tag>
                  <span style={{ fontSize: 12 }}>{b.liftReason}</span>
                </Space>
              ),
          },
          {
            title: t('awardBlockers.actions'),
            key: 'actions',
            render: (_: unknown, b) =>
              mayManage(b) && (
                <Button size="small" onClick={() => setLifting(b)}>
                  {t('awardBlockers.lift')}
                </Button>
              ),
          },
        ]}
      />
      {recording && <RecordModal units={units} onClose={() => setRecording(false)} />}
      {lifting && <LiftModal blocker={lifting} onClose={() => setLifting(null)} />}
    </>
  );
}

interface RecordValues {
  unitId: string;
  personId?: string | null;
  kind: BlockerKind;
  reason: string;
  since: Dayjs;
}

function RecordModal({ units, onClose }: { units: readonly Unit[]; onClose: () => void }) {
  const { t } = useAwardCatalogueTranslation();
  const [form] = Form.useForm<RecordValues>();
  const create = useCreateBlocker();
  const keyFor = useIdempotencyKey('record');
  const unitId = Form.useWatch('unitId', form) ?? null;
  const staff = useUnitStaff(unitId);
  async function save(v: RecordValues) {
    const body = {
      ...(v.personId ? { personId: v.personId } : { unitId: v.unitId }),
      kind: v.kind,
      reason: v.reason,
      since: v.since.format('YYYY-MM-DD'),
    };
    await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
  }
  return (
    <FormDialog<RecordValues>
      form={form}
      title={t('awardBlockers.record')}
      okText={t('awardBlockers.save')}
      cancelText={t('awardBlockers.cancel')}
      saving={create.isPending}
      savedMessage={t('awardBlockers.recorded')}
      onSubmit={save}
      onClose={onClose}
      initialValues={{ kind: 'complaint', since: dayjs() }}
    >
      <Form.Item name="unitId" label={t('awardBlockers.unit')} rules={[{ required: true }]}>
        <UnitTreeSelect units={units} onChange={() => form.setFieldValue('personId', null)} />
      </Form.Item>
      <Form.Item name="personId" label={t('awardBlockers.person')}>
        <SearchSelect
          allowClear
          disabled={!unitId}
          loading={staff.isLoading}
          options={(staff.data?.items ?? []).map((p) => ({
            value: p.id,
            label: p.position ? `${p.fullName} (${p.position})` : p.fullName,
          }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('awardBlockers.kindLabel')} rules={[{ required: true }]}>
        <Select options={BLOCKER_KINDS.map((k) => ({ value: k, label: t(`awardBlockers.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('awardBlockers.reason')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="since" label={t('awardBlockers.since')} rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormDialog>
  );
}

function LiftModal({ blocker, onClose }: { blocker: AwardBlocker; onClose: () => void }) {
  const { t } = useAwardCatalogueTranslation();
  const lift = useLiftBlocker();
  return (
    <ReasonDialog
      open
      title={`${t('awardBlockers.liftTitle')}: ${blocker.personName ?? blocker.unitName ?? ''}`}
      okText={t('awardBlockers.lift')}
      cancelText={t('awardBlockers.cancel')}
      saving={lift.isPending}
      savedMessage={t('awardBlockers.lifted')}
      onSubmit={({ reason }) => lift.mutateAsync({ id: blocker.id, reason })}
      onClose={onClose}
      reason={{ label: t('awardBlockers.liftReason'), maxLength: 2000 }}
    />
  );
}
