/** Base salaries (lương cơ sở) by the date each took effect; the one in force today marked. */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BaseSalary } from '@thidua/contract';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useBaseSalaries, useCreateBaseSalary, useDeleteBaseSalary, useUpdateBaseSalary } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';

const DATE_FORMAT = 'DD/MM/YYYY';

export function BaseSalariesTab({ canManage }: { canManage: boolean }) {
  const { t } = useAwardCatalogueTranslation();
  const { message } = App.useApp();
  const salaries = useBaseSalaries();
  const remove = useDeleteBaseSalary();
  const [editing, setEditing] = useState<BaseSalary | 'new' | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const current = [...(salaries.data?.items ?? [])].filter((s) => s.validFrom <= today).pop();
  if (salaries.error) return <Alert type="error" showIcon message={problemMessage(salaries.error)} />;
  return (
    <>
      {canManage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          {t('awardCatalogue.add')}
        </Button>
      )}
      <Table<BaseSalary>
        rowKey="id"
        size="middle"
        loading={salaries.isLoading}
        dataSource={salaries.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('awardCatalogue.empty') }}
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
          ...(canManage
            ? [
                {
                  title: t('awardCatalogue.actions'),
                  key: 'actions',
                  render: (_: unknown, r: BaseSalary) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('awardCatalogue.edit')}
                      </Button>
                      <Popconfirm
                        title={t('awardCatalogue.confirmDelete')}
                        onConfirm={() =>
                          remove.mutateAsync(r.id).then(
                            () => void message.success(t('awardCatalogue.deleted')),
                            (err: unknown) => void message.error(problemMessage(err)),
                          )
                        }
                      >
                        <Button size="small" danger>
                          {t('awardCatalogue.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateBaseSalary();
  const update = useUpdateBaseSalary();
  const keyFor = useIdempotencyKey(record?.id ?? 'new');
  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      amount: v.amount,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      legalReference: v.legalReference ?? '',
    };
    try {
      if (record) await update.mutateAsync({ id: record.id, version: record.version, body });
      else await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
      void message.success(t('awardCatalogue.saved'));
      onClose();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }
  return (
    <Modal
      open
      title={record ? t('awardCatalogue.salaries.editTitle') : t('awardCatalogue.salaries.addTitle')}
      okText={t('awardCatalogue.save')}
      cancelText={t('awardCatalogue.cancel')}
      onOk={save}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
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
      </Form>
    </Modal>
  );
}
