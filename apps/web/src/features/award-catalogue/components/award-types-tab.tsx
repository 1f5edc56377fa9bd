/** The award types (forms of commendation, titles, flags): a table, and an edit dialog for the administrator. */
import { useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import { AWARD_FORMS, RECIPIENT_KINDS, type AwardType, type CreateAwardTypeBody } from '@thidua/contract';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCreateAwardType, useUpdateAwardType } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';
import { actionsColumn, CatalogueTable } from './catalogue-table.tsx';
import { VERIFY_CODES, VerifyMark } from './verify-mark.tsx';

interface Values {
  code: string;
  name: string;
  form: AwardType['form'];
  recipientKind: AwardType['recipientKind'];
  bonusCoefficient: number;
  requiresInitiative: boolean;
  voteThreshold: number | null;
  description: string;
  displayOrder: number;
  archived: boolean;
}

export function AwardTypesTab({ items, canManage }: { items: AwardType[]; canManage: boolean }) {
  const { t } = useAwardCatalogueTranslation();
  const [editing, setEditing] = useState<AwardType | 'new' | null>(null);
  return (
    <>
      {canManage && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('awardCatalogue.add')}
          </Button>
        </Space>
      )}
      <CatalogueTable<AwardType>
        rowKey="id"
        dataSource={items}
        columns={[
          {
            title: t('awardCatalogue.types.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  {name} {r.archived && <Tag>{t('awardCatalogue.types.archived')}</Tag>}
                </span>
                <span style={{ color: '#888', fontSize: 12 }}>{r.code}</span>
              </Space>
            ),
          },
          {
            title: t('awardCatalogue.types.form'),
            dataIndex: 'form',
            render: (f: string) => t(`awardCatalogue.form.${f}`),
          },
          {
            title: t('awardCatalogue.types.recipientKind'),
            dataIndex: 'recipientKind',
            render: (k: string) => t(`awardCatalogue.recipient.${k}`),
          },
          {
            title: t('awardCatalogue.types.bonusCoefficient'),
            dataIndex: 'bonusCoefficient',
            align: 'right',
            render: (c: number, r) => (
              <span data-testid={`coefficient-${r.code}`}>
                {formatNumber(c, 3)} {VERIFY_CODES.has(r.code) && <VerifyMark />}
              </span>
            ),
          },
          {
            title: t('awardCatalogue.types.powers'),
            key: 'powers',
            render: (_: unknown, r) =>
              r.grantPowers.length === 0
                ? t('awardCatalogue.powers.none')
                : r.grantPowers.map((p) => (
                    <div key={p.id} style={{ fontSize: 12 }}>
                      {t(`awardCatalogue.level.${p.level}`)} ({formatDate(p.validFrom)} –{' '}
                      {p.validTo ? formatDate(p.validTo) : t('awardCatalogue.powers.openEnded')})
                    </div>
                  )),
          },
          ...actionsColumn<AwardType>(canManage, t('awardCatalogue.actions'), (r) => (
            <Button size="small" onClick={() => setEditing(r)} aria-label={`${t('awardCatalogue.edit')} ${r.name}`}>
              {t('awardCatalogue.edit')}
            </Button>
          )),
        ]}
      />
      {editing && <AwardTypeModal record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function AwardTypeModal({ record, onClose }: { record: AwardType | null; onClose: () => void }) {
  const { t } = useAwardCatalogueTranslation();
  const create = useCreateAwardType();
  const update = useUpdateAwardType();
  const keyFor = useIdempotencyKey(record?.id ?? 'new');
  const initial: Partial<Values> = record
    ? { ...record, voteThreshold: record.voteThreshold }
    : {
        form: 'commendation',
        recipientKind: 'individual',
        bonusCoefficient: 0,
        requiresInitiative: false,
        voteThreshold: null,
        description: '',
        displayOrder: 0,
        archived: false,
      };

  async function save(v: Values) {
    const body = { ...v, voteThreshold: v.voteThreshold ?? null, description: v.description ?? '' };
    if (record) await update.mutateAsync({ id: record.id, version: record.version, body });
    else {
      const { archived: _a, ...createBody } = body;
      await create.mutateAsync({ body: createBody as CreateAwardTypeBody, idempotencyKey: keyFor(createBody) });
    }
  }

  return (
    <FormDialog<Values>
      title={record ? t('awardCatalogue.types.editTitle') : t('awardCatalogue.types.addTitle')}
      okText={t('awardCatalogue.save')}
      cancelText={t('awardCatalogue.cancel')}
      width={640}
      saving={create.isPending || update.isPending}
      savedMessage={t('awardCatalogue.saved')}
      onSubmit={save}
      onClose={onClose}
      initialValues={initial}
    >
      <Form.Item name="name" label={t('awardCatalogue.types.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('awardCatalogue.types.code')}
        rules={[{ required: true, pattern: /^[a-z0-9_]+$/ }]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="form" label={t('awardCatalogue.types.form')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={AWARD_FORMS.map((f) => ({ value: f, label: t(`awardCatalogue.form.${f}`) }))}
          />
        </Form.Item>
        <Form.Item name="recipientKind" label={t('awardCatalogue.types.recipientKind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`awardCatalogue.recipient.${k}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="bonusCoefficient"
        label={t('awardCatalogue.types.bonusCoefficient')}
        extra={
          <>
            {t('awardCatalogue.types.bonusHelp')}
            {record && VERIFY_CODES.has(record.code) && <> {t('awardCatalogue.verifyHelp')}</>}
          </>
        }
        rules={[{ required: true }]}
      >
        <InputNumber min={0} max={100} step={0.05} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="voteThreshold"
        label={t('awardCatalogue.types.voteThreshold')}
        extra={t('awardCatalogue.types.voteThresholdHelp')}
      >
        <InputNumber min={0} max={1} step={0.05} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="requiresInitiative" valuePropName="checked">
        <Checkbox>{t('awardCatalogue.types.requiresInitiative')}</Checkbox>
      </Form.Item>
      <Form.Item name="description" label={t('awardCatalogue.types.description')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="displayOrder" label={t('awardCatalogue.types.displayOrder')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
        {record && (
          <Form.Item name="archived" valuePropName="checked" label=" ">
            <Tooltip title={t('awardCatalogue.types.archived')}>
              <Checkbox>{t('awardCatalogue.types.archived')}</Checkbox>
            </Tooltip>
          </Form.Item>
        )}
      </Space>
    </FormDialog>
  );
}
