/** Base salaries (lương cơ sở) by the date each took effect; the one in force today marked. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BaseSalary } from '@thidua/contract';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useBaseSalaries, useCreateBaseSalary, useDeleteBaseSalary, useUpdateBaseSalary } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';
import { actionsColumn, CatalogueTable, DeleteRowButton } from './catalogue-table.tsx';

const DATE_FORMAT = 'DD/MM/YYYY';

export function BaseSalariesTab({ canManage }: { canManage: boolean }) {
  const { t } = useAwardCatalogueTranslation();
  const salaries = useBaseSalaries();
  const remove = useDeleteBaseSalary();
  const [editing, setEditing] = useState<BaseSalary | 'new' | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const current = [...(salaries.data?.items ?? [])].filter((s) => s.validFrom <= today).pop();
  return (
    <>
      {canManage && !salaries.error && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          {t('awardCatalogue.add')}
        </Button>
      )}
      <CatalogueTable<BaseSalary>
        error={salaries.error}
        rowKey="id"
        loading={salaries.isLoading}
        dataSource={salaries.data?.items ?? []}
        columns={[
          {
            title: t('awardCatalogue.salaries.validFrom'),
            dataIndex: 'validFrom',
            render: (d: string, r) => (
              <>
                {formatDate(d)}{' '}
                {r.id === current?.id && <Tag color="green">{t('awardCatalogue.salaries.current')}</Tag>}
              </>
            ),
          },
          {
            title: t('awardCatalogue.salaries.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (a: number) => formatNumber(a),
          },
          { title: t('awardCatalogue.salaries.legalReference'), dataIndex: 'legalReference' },
          ...actionsColumn<BaseSalary>(canManage, t('awardCatalogue.actions'), (r) => (
            <Space>
              <Button size="small" onClick={() => setEditing(r)}>
                {t('awardCatalogue.edit')}
              </Button>
              <DeleteRowButton onDelete={() => remove.mutateAsync(r.id)} />
            </Space>
          )),
        ]}
      />
      {editing && <SalaryModal record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface Values {
  amount: number;
  validFrom: Dayjs;
  legalReference: string;
}

function SalaryModal({ record, onClose }: { record: BaseSalary | null; onClose: () => void }) {
  const { t } = useAwardCatalogueTranslation();
  const create = useCreateBaseSalary();
  const update = useUpdateBaseSalary();
  const keyFor = useIdempotencyKey(record?.id ?? 'new');
  async function save(v: Values) {
    const body = {
      amount: v.amount,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      legalReference: v.legalReference ?? '',
    };
    if (record) await update.mutateAsync({ id: record.id, version: record.version, body });
    else await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
  }
  return (
    <FormDialog<Values>
      title={record ? t('awardCatalogue.salaries.editTitle') : t('awardCatalogue.salaries.addTitle')}
      okText={t('awardCatalogue.save')}
      cancelText={t('awardCatalogue.cancel')}
      saving={create.isPending || update.isPending}
      savedMessage={t('awardCatalogue.saved')}
      onSubmit={save}
      onClose={onClose}
      initialValues={
        record
          ? { amount: record.amount, validFrom: dayjs(record.validFrom), legalReference: record.legalReference }
          : {}
      }
    >
      <Form.Item name="amount" label={t('awardCatalogue.salaries.amount')} rules={[{ required: true }]}>
        <InputNumber min={1} step={10000} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="validFrom" label={t('awardCatalogue.salaries.validFrom')} rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="legalReference" label={t('awardCatalogue.salaries.legalReference')}>
        <Input maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
