/**
 * Each authority's award settings: its level in the authority matrix, the council's quorum and
 * threshold, the posting period, bonus rounding and the lines printed on decisions. Shows the
 * derived defaults until the administrator stores them.
 */
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Empty, Form, Input, InputNumber, Select, Skeleton, Space } from 'antd';
import { GRANT_LEVELS, type AwardSettings, type PutAwardSettingsBody, type Unit } from '@thidua/contract';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { useAwardSettings, usePutAwardSettings } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';

const AUTHORITY_KINDS = new Set(['authority', 'commune', 'office']);

export function SettingsTab({ units, canManage }: { units: readonly Unit[]; canManage: boolean }) {
  const { t } = useAwardCatalogueTranslation();
  const authorities = units.filter((u) => AUTHORITY_KINDS.has(u.kind));
  const [unitId, setUnitId] = useState<string | null>(null);
  const chosen = unitId ?? authorities[0]?.id ?? null;
  const settings = useAwardSettings(chosen);
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <span>{t('awardCatalogue.settings.authority')}</span>
        <UnitTreeSelect
          units={units}
          value={chosen}
          onChange={setUnitId}
          allowedIds={new Set(authorities.map((a) => a.id))}
          placeholder={t('awardCatalogue.settings.pickAuthority')}
          style={{ width: 360 }}
        />
      </Space>
      {!chosen ? (
        <Empty description={t('awardCatalogue.settings.pickAuthority')} />
      ) : settings.error ? (
        <Alert type="error" showIcon message={problemMessage(settings.error)} />
      ) : !settings.data ? (
        <Skeleton active />
      ) : (
        <SettingsForm key={`${chosen}-${settings.data.version}`} settings={settings.data} canManage={canManage} />
      )}
    </>
  );
}

function SettingsForm({ settings, canManage }: { settings: AwardSettings; canManage: boolean }) {
  const { t } = useAwardCatalogueTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PutAwardSettingsBody>();
  const [error, setError] = useState<string | null>(null);
  const put = usePutAwardSettings();
  const { authorityUnitId, stored: _s, version, ...initial } = settings;
  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await put.mutateAsync({
        unitId: authorityUnitId,
        version,
        body: { ...v, place: v.place ?? '', grantorTitle: v.grantorTitle ?? '' },
      });
      void message.success(t('awardCatalogue.saved'));
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }
  const ratio = [{ required: true }, { type: 'number' as const, min: 0, max: 1 }];
  return (
    <Form form={form} layout="vertical" initialValues={initial} disabled={!canManage} style={{ maxWidth: 640 }}>
      {!settings.stored && (
        <Alert type="info" showIcon message={t('awardCatalogue.settings.notStored')} style={{ marginBottom: 12 }} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="grantorLevel" label={t('awardCatalogue.settings.grantorLevel')} rules={[{ required: true }]}>
        <Select options={GRANT_LEVELS.map((l) => ({ value: l, label: t(`awardCatalogue.level.${l}`) }))} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          name="quorum"
          label={t('awardCatalogue.settings.quorum')}
          extra={`${t('awardCatalogue.settings.quorumHelp')} ${t('awardCatalogue.verifyHelp')}`}
          rules={ratio}
          style={{ width: 300 }}
        >
          <InputNumber min={0} max={1} step={0.01} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="threshold"
          label={t('awardCatalogue.settings.threshold')}
          extra={`${t('awardCatalogue.settings.thresholdHelp')} ${t('awardCatalogue.verifyHelp')}`}
          rules={ratio}
          style={{ width: 300 }}
        >
          <InputNumber min={0} max={1} step={0.01} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="thresholdStrict" valuePropName="checked">
        <Checkbox>{t('awardCatalogue.settings.thresholdStrict')}</Checkbox>
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          name="postingWorkingDays"
          label={t('awardCatalogue.settings.postingWorkingDays')}
          extra={`${t('awardCatalogue.settings.postingHelp')} ${t('awardCatalogue.verifyHelp')}`}
          rules={[{ required: true }]}
          style={{ width: 300 }}
        >
          <InputNumber min={1} max={60} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="bonusRoundingStep"
          label={t('awardCatalogue.settings.bonusRoundingStep')}
          rules={[{ required: true }]}
          style={{ width: 300 }}
        >
          <InputNumber min={1} max={1_000_000} step={1000} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="grantorTitle" label={t('awardCatalogue.settings.grantorTitle')}>
        <Input maxLength={300} />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="issuerCode"
          label={t('awardCatalogue.settings.issuerCode')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={30} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="place" label={t('awardCatalogue.settings.place')}>
          <Input maxLength={100} style={{ width: 300 }} />
        </Form.Item>
      </Space>
      {canManage && (
        <Button type="primary" loading={put.isPending} onClick={save}>
          {t('awardCatalogue.save')}
        </Button>
      )}
    </Form>
  );
}
