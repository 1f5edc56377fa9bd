/**
 * The "Khen thưởng" card of the campaign page: the award types the campaign leads to and whether it
 * is thematic; its authors change them (with the campaign's ETag) until it is finalized.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Skeleton, Space, Tag, Typography } from 'antd';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { useCan } from '../../../lib/permissions.ts';
import { useAwardTypes, useCampaignAwardTypes, usePutCampaignAwardTypes } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';
import { SearchSelect } from '../../../components/search-select.tsx';

interface Props {
  campaignId: string;
  /** The campaign's authority and status (from the campaign page), for the edit button. */
  authorityUnitId: string | undefined;
  status: string | undefined;
}

export function CampaignAwardsCard({ campaignId, authorityUnitId, status }: Props) {
  const { t } = useAwardCatalogueTranslation();
  const can = useCan();
  const data = useCampaignAwardTypes(campaignId);
  const [editing, setEditing] = useState(false);
  const frozen = status === 'finalized' || status === 'archived';
  const mayEdit = Boolean(authorityUnitId) && can('campaign.author', { unitId: authorityUnitId! }) && !frozen;
  return (
    <Card
      title={t('campaignAwards.title')}
      style={{ marginTop: 16 }}
      data-testid="campaign-awards"
      extra={
        mayEdit &&
        !editing &&
        data.data && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('campaignAwards.edit')}
          </Button>
        )
      }
    >
      {data.error ? (
        <Alert type="error" showIcon message={problemMessage(data.error)} />
      ) : !data.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : editing ? (
        <EditForm current={data.data} campaignId={campaignId} onDone={() => setEditing(false)} />
      ) : (
        <Space direction="vertical">
          <div>
            <Typography.Text type="secondary">{t('campaignAwards.awardTypes')}: </Typography.Text>
            {data.data.awardTypes.length === 0
              ? t('campaignAwards.none')
              : data.data.awardTypes.map((a) => (
                  <Tag key={a.id} color={a.archived ? 'default' : 'blue'}>
                    {a.name}
                    {a.archived && ` (${t('campaignAwards.archived')})`}
                  </Tag>
                ))}
          </div>
          <div>
            <Tag color={data.data.thematic ? 'purple' : 'default'}>
              {data.data.thematic ? t('campaignAwards.thematicYes') : t('campaignAwards.thematicNo')}
            </Tag>
            {data.data.thematic && (
              <Typography.Text type="secondary">{t('campaignAwards.thematicHelp')}</Typography.Text>
            )}
          </div>
          {frozen && authorityUnitId && can('campaign.author', { unitId: authorityUnitId }) && (
            <Typography.Text type="secondary">{t('campaignAwards.frozen')}</Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

function EditForm({
  current,
  campaignId,
  onDone,
}: {
  current: { awardTypeIds: string[]; thematic: boolean; version: number };
  campaignId: string;
  onDone: () => void;
}) {
  const { t } = useAwardCatalogueTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ awardTypeIds: string[]; thematic: boolean }>();
  const [error, setError] = useState<string | null>(null);
  const types = useAwardTypes();
  const put = usePutCampaignAwardTypes();
  const options = (types.data?.items ?? [])
    .filter((a) => !a.archived || current.awardTypeIds.includes(a.id))
    .map((a) => ({ value: a.id, label: a.name }));
  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await put.mutateAsync({
        campaignId,
        version: current.version,
        body: { awardTypeIds: v.awardTypeIds ?? [], thematic: v.thematic },
      });
      void message.success(t('campaignAwards.saved'));
      onDone();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ awardTypeIds: current.awardTypeIds, thematic: current.thematic }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="awardTypeIds" label={t('campaignAwards.awardTypes')}>
        <SearchSelect
          mode="multiple"
          loading={types.isLoading}
          options={options}
          aria-label={t('campaignAwards.awardTypes')}
        />
      </Form.Item>
      <Form.Item name="thematic" valuePropName="checked" extra={t('campaignAwards.thematicHelp')}>
        <Checkbox>{t('campaignAwards.thematic')}</Checkbox>
      </Form.Item>
      <Space>
        <Button type="primary" loading={put.isPending} onClick={save}>
          {t('campaignAwards.save')}
        </Button>
        <Button onClick={onDone}>{t('campaignAwards.cancel')}</Button>
      </Space>
    </Form>
  );
}
