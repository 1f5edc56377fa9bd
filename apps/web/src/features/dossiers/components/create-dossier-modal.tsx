/**
 * "Lập hồ sơ": the nominee (the unit as a collective, or a person of the unit — a staff member:
 * themselves), an award type the campaign leads to that fits the nominee, and the achievement.
 * Created once per opening (Idempotency-Key); the new dossier opens.
 */
import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import type { CreateDossierBody, NomineeKind } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { canUser, unitsFor } from '../../../lib/permissions.ts';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCampaignAwardTypes, useCreateDossier, useUnitPeople } from '../api/dossiers.ts';
import { useDossiersTranslation } from '../locales/register.ts';
import { SearchSelect } from '../../../components/search-select.tsx';

interface Values {
  unitId: string;
  nomineeKind: NomineeKind;
  personId?: string;
  awardTypeId: string;
  achievement: string;
}

interface Props {
  campaignId: string;
  open: boolean;
  onClose: () => void;
  /** Names of the units the user may prepare dossiers for. */
  unitNames: ReadonlyMap<string, string>;
}

export function CreateDossierModal({ campaignId, open, onClose, unitNames }: Props) {
  const { t } = useDossiersTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(0);
  const keyFor = useIdempotencyKey(opening);
  const create = useCreateDossier(campaignId);
  const awardTypes = useCampaignAwardTypes(campaignId);
  // The units the user prepares for: their unit roles' units, or (staff) the unit they work in.
  const units = useMemo(() => {
    const own = [...(unitsFor(user, 'dossier.write') ?? [])];
    if (own.length || !user) return own;
    const mine = user.roles.flatMap((g) =>
      g.unitId && canUser(user, 'dossier.write', { unitId: g.unitId, personId: user.personId }) ? [g.unitId] : [],
    );
    return [...new Set(mine)];
  }, [user]);
  const unitId = Form.useWatch('unitId', form) ?? units[0];
  const kind = Form.useWatch('nomineeKind', form);
  // A staff member (own records only) proposes themselves; the unit's members the unit or its people.
  const forUnit = Boolean(unitId && canUser(user, 'dossier.write', { unitId, personId: null }));
  const people = useUnitPeople(forUnit ? (unitId ?? null) : null);
  const personOptions = forUnit
    ? (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }))
    : user?.personId
      ? [{ value: user.personId, label: user.fullName }]
      : [];
  const effectiveKind: NomineeKind = forUnit ? (kind ?? 'unit') : 'person';
  const typeOptions = (awardTypes.data?.awardTypes ?? [])
    .filter((a) => !a.archived && a.recipientKind === (effectiveKind === 'person' ? 'individual' : 'collective'))
    .map((a) => ({ value: a.id, label: a.name }));

  function close() {
    form.resetFields();
    setError(null);
    setOpening((n) => n + 1);
    onClose();
  }

  async function save() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body: CreateDossierBody = {
      nomineeKind: effectiveKind,
      unitId: values.unitId,
      ...(effectiveKind === 'person' && values.personId ? { personId: values.personId } : {}),
      awardTypeId: values.awardTypeId,
      achievement: values.achievement.trim(),
    };
    try {
      const d = await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
      close();
      void navigate({ to: '/ho-so/$dossierId', params: { dossierId: d.id } });
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  const required = [{ required: true, message: t('dossiers.create.required') }];
  return (
    <Modal
      open={open}
      title={t('dossiers.create.title')}
      okText={t('dossiers.create.ok')}
      onOk={() => void save()}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {awardTypes.data && typeOptions.length === 0 && (
        <Alert type="warning" showIcon title={t('dossiers.create.noAwardTypes')} style={{ marginBottom: 12 }} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={{ unitId: units[0], nomineeKind: 'unit' }}>
        <Form.Item name="unitId" label={t('dossiers.fields.unit')} rules={required} hidden={units.length <= 1}>
          <Select options={units.map((u) => ({ value: u, label: unitNames.get(u) ?? u }))} />
        </Form.Item>
        {forUnit && (
          <Form.Item name="nomineeKind" label={t('dossiers.fields.nomineeKind')}>
            <Radio.Group
              onChange={() => form.setFieldsValue({ awardTypeId: undefined as never, personId: undefined })}
              options={[
                { value: 'unit', label: t('dossiers.kind.unit') },
                { value: 'person', label: t('dossiers.kind.person') },
              ]}
            />
          </Form.Item>
        )}
        {effectiveKind === 'person' && (
          <Form.Item name="personId" label={t('dossiers.fields.person')} rules={required}>
            <SearchSelect loading={people.isPending && forUnit} options={personOptions} />
          </Form.Item>
        )}
        <Form.Item name="awardTypeId" label={t('dossiers.fields.awardType')} rules={required}>
          <Select options={typeOptions} loading={awardTypes.isPending} data-testid="dossier-award-type" />
        </Form.Item>
        <Form.Item
          name="achievement"
          label={t('dossiers.fields.achievement')}
          extra={t('dossiers.create.achievementHint')}
          rules={[...required, { whitespace: true, message: t('dossiers.create.required') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
