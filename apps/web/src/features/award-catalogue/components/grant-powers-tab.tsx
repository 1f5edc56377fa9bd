/**
 * The authority matrix: award types × granting levels, each cell the dated rows of who may grant it.
 * The administrator adds a row in a cell and edits or removes one by clicking it.
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { GRANT_LEVELS, type AwardType, type GrantLevel, type GrantPower } from '@thidua/contract';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCreateGrantPower, useDeleteGrantPower, useUpdateGrantPower } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';
import { VerifyMark } from './verify-mark.tsx';

const DATE_FORMAT = 'DD/MM/YYYY';

interface Editing {
  awardType: AwardType;
  level: GrantLevel;
  power: GrantPower | null;
}

export function GrantPowersTab({ items, canManage }: { items: AwardType[]; canManage: boolean }) {
  const { t } = useAwardCatalogueTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('awardCatalogue.powers.intro')} <VerifyMark />
      </Typography.Paragraph>
      <Table<AwardType>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={items.filter((i) => !i.archived)}
        scroll={{ x: 900 }}
        columns={[
          { title: t('awardCatalogue.powers.awardType'), dataIndex: 'name', fixed: 'left', width: 220 },
          ...GRANT_LEVELS.map((level) => ({
            title: t(`awardCatalogue.level.${level}`),
            key: level,
            render: (_: unknown, r: AwardType) => {
              const powers = r.grantPowers.filter((p) => p.level === level);
              return (
                <Space direction="vertical" size={2}>
                  {powers.map((p) => {
                    const text = `${formatDate(p.validFrom)} – ${p.validTo ? formatDate(p.validTo) : t('awardCatalogue.powers.openEnded')}`;
                    return canManage ? (
                      <Button
                        key={p.id}
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        onClick={() => setEditing({ awardType: r, level, power: p })}
                      >
                        {text}
                      </Button>
                    ) : (
                      <span key={p.id} title={p.legalReference}>
                        {text}
                      </span>
                    );
                  })}
                  {powers.length === 0 && !canManage && <span>{t('awardCatalogue.powers.none')}</span>}
                  {canManage && (
                    <Button
                      size="small"
                      type="text"
                      icon={<PlusOutlined />}
                      aria-label={`${t('awardCatalogue.add')} ${r.name} ${t(`awardCatalogue.level.${level}`)}`}
                      onClick={() => setEditing({ awardType: r, level, power: null })}
                    />
                  )}
                </Space>
              );
            },
          })),
        ]}
      />
      {editing && <GrantPowerModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface Values {
  level: GrantLevel;
  validFrom: Dayjs;
  validTo: Dayjs | null;
  legalReference: string;
}

function GrantPowerModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useAwardCatalogueTranslation();
  const create = useCreateGrantPower();
  const update = useUpdateGrantPower();
  const remove = useDeleteGrantPower();
  const keyFor = useIdempotencyKey(editing);
  const { power } = editing;
  const initial: Partial<Values> = power
    ? {
        level: power.level,
        validFrom: dayjs(power.validFrom),
        validTo: power.validTo ? dayjs(power.validTo) : null,
        legalReference: power.legalReference,
      }
    : { level: editing.level, legalReference: 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15' };

  async function save(v: Values) {
    const fields = {
      level: v.level,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
      legalReference: v.legalReference ?? '',
    };
    if (power) await update.mutateAsync({ id: power.id, version: power.version, body: fields });
    else {
      const body = { awardTypeId: editing.awardType.id, ...fields };
      await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
    }
  }

  return (
    <FormDialog<Values>
      title={`${power ? t('awardCatalogue.powers.editTitle') : t('awardCatalogue.powers.addTitle')}: ${editing.awardType.name}`}
      okText={t('awardCatalogue.save')}
      cancelText={t('awardCatalogue.cancel')}
      saving={create.isPending || update.isPending}
      savedMessage={t('awardCatalogue.saved')}
      onSubmit={save}
      onClose={onClose}
      initialValues={initial}
      action={
        power
          ? {
              label: t('awardCatalogue.delete'),
              confirm: t('awardCatalogue.confirmDelete'),
              busy: remove.isPending,
              doneMessage: t('awardCatalogue.deleted'),
              run: () => remove.mutateAsync(power.id),
            }
          : undefined
      }
    >
      <Form.Item name="level" label={t('awardCatalogue.settings.grantorLevel')} rules={[{ required: true }]}>
        <Select options={GRANT_LEVELS.map((l) => ({ value: l, label: t(`awardCatalogue.level.${l}`) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="validFrom" label={t('awardCatalogue.powers.validFrom')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="validTo" label={t('awardCatalogue.powers.validTo')}>
          <DatePicker format={DATE_FORMAT} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Form.Item name="legalReference" label={t('awardCatalogue.powers.legalReference')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
