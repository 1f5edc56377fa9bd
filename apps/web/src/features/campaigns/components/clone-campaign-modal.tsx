/** "Nhân bản cho năm sau": a new draft with the same plan and criteria, its dates moved to the chosen year. */
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { Campaign, CloneCampaignBody } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCloneCampaign } from '../api/clone-campaign.ts';

interface Props {
  campaign: Campaign | null;
  onClose: () => void;
  onCloned: (clone: Campaign) => void;
}

interface Values {
  year: number;
  number: string;
  title: string;
}

export function CloneCampaignModal({ campaign, onClose, onCloned }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const clone = useCloneCampaign();
  const keyFor = useIdempotencyKey(campaign);

  async function submit(v: Values) {
    if (!campaign) return;
    const body: CloneCampaignBody = {
      year: v.year,
      ...(v.number?.trim() && v.number.trim() !== campaign.number ? { number: v.number.trim() } : {}),
      ...(v.title?.trim() ? { title: v.title.trim() } : {}),
    };
    try {
      const created = await clone.mutateAsync({ id: campaign.id, body, idempotencyKey: keyFor(body) });
      void message.success(t('campaigns.clone.done', { year: created.year }));
      onCloned(created);
    } catch (err) {
      const rest = applyProblemToForm(form, err);
      if (rest) void message.error(rest);
    }
  }

  return (
    <Modal
      open={campaign !== null}
      title={t('campaigns.clone.title')}
      okText={t('campaigns.clone.submit')}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={clone.isPending}
      destroyOnHidden
    >
      {campaign && (
        <Form<Values>
          form={form}
          name="cloneCampaign"
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ year: campaign.year + 1, number: campaign.number, title: '' }}
        >
          <Typography.Paragraph type="secondary">{t('campaigns.clone.intro')}</Typography.Paragraph>
          <Form.Item
            name="year"
            label={t('campaigns.clone.year')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={1900} max={2200} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('campaigns.fields.number')}
            rules={[{ max: 64, message: t('validation.maxLength', { max: 64 }) }]}
          >
            <Input style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('campaigns.fields.title')}
            extra={t('campaigns.clone.titleHint')}
            rules={[{ max: 1000, message: t('validation.maxLength', { max: 1000 }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder={campaign.title} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
