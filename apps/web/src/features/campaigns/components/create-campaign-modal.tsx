/**
 * "Tạo phong trào": from a template (the plan text and criteria are copied, the dates move with the
 * new start date, a date range in the title is rewritten) or blank (then the editor opens to write
 * the plan and its criteria). Templates are passed in by the page, which loads them.
 */
import { useEffect, useMemo } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Campaign, CampaignTemplateSummary, CreateCampaignBody } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { useCreateCampaign } from '../api/create-campaign.ts';
import { DATE_FORMAT, toDateOnly } from '../utils/dates.ts';

interface Props {
  open: boolean;
  templates: readonly CampaignTemplateSummary[];
  templatesLoading?: boolean;
  /** Preselects a template (from the template gallery). */
  initialTemplateId?: string | null;
  onClose: () => void;
  onCreated: (campaign: Campaign, source: 'template' | 'blank') => void;
}

interface Values {
  source: 'template' | 'blank';
  templateId?: string;
  number: string;
  title?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs | null;
}

export function CreateCampaignModal({
  open,
  templates,
  templatesLoading,
  initialTemplateId,
  onClose,
  onCreated,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  // A new key space per opening: the same campaign typed again later is a new campaign, not a replay.
  const opening = useMemo(() => ({ open }), [open]);
  const keyFor = useIdempotencyKey(opening);
  const source = Form.useWatch('source', form);
  const templateId = Form.useWatch('templateId', form);
  const chosen = templates.find((tp) => tp.id === templateId);

  // Defaults once the templates have loaded (until then "from a template", its list loading) —
  // never over a choice the person has already made: choosing "blank" before the list arrived
  // used to be switched back to the template.
  useEffect(() => {
    if (!open || templatesLoading) return;
    if (!form.isFieldTouched('source'))
      form.setFieldsValue({ source: initialTemplateId || templates.length > 0 ? 'template' : 'blank' });
    if (!form.isFieldTouched('templateId')) form.setFieldsValue({ templateId: initialTemplateId ?? templates[0]?.id });
  }, [open, templatesLoading, initialTemplateId, templates, form]);

  async function submit(v: Values) {
    const fromTemplate = v.source === 'template';
    const body: CreateCampaignBody = {
      number: v.number.trim(),
      startsOn: toDateOnly(v.startsOn)!,
      ...(fromTemplate ? { templateId: v.templateId } : {}),
      ...(v.title?.trim() ? { title: v.title.trim() } : {}),
      ...(v.endsOn ? { endsOn: toDateOnly(v.endsOn)! } : {}),
    };
    try {
      const campaign = await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
      void message.success(t('campaigns.create.created', { title: campaign.title }));
      form.resetFields();
      onCreated(campaign, v.source);
    } catch (err) {
      const rest = applyProblemToForm(form, err);
      if (rest) void message.error(rest);
    }
  }

  return (
    <Modal
      open={open}
      title={t('campaigns.create.title')}
      okText={t('campaigns.create.submit')}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        name="createCampaign"
        layout="vertical"
        onFinish={submit}
        initialValues={{ source: 'template', number: '/KH-UBND' }}
        data-testid="create-campaign-form"
      >
        <Form.Item name="source" label={t('campaigns.create.source')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'template', label: t('campaigns.create.fromTemplate') },
              { value: 'blank', label: t('campaigns.create.blank') },
            ]}
          />
        </Form.Item>
        {source !== 'blank' && (
          <Form.Item
            name="templateId"
            label={t('campaigns.fields.template')}
            rules={[{ required: true, message: t('campaigns.create.templateRequired') }]}
            extra={chosen?.description ?? undefined}
          >
            <Select
              loading={templatesLoading}
              options={templates.map((tp) => ({
                value: tp.id,
                label: `${tp.name}${tp.source === 'saved' ? ` (${t('campaigns.templates.source.saved')})` : ''}`,
              }))}
              placeholder={t('campaigns.create.templatePlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item
          name="number"
          label={t('campaigns.fields.number')}
          extra={t('campaigns.create.numberHint')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 64, message: t('validation.maxLength', { max: 64 }) },
          ]}
        >
          <Input style={{ maxWidth: 280 }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('campaigns.fields.title')}
          extra={source !== 'blank' ? t('campaigns.create.titleHintTemplate') : undefined}
          rules={[
            { required: source === 'blank', whitespace: true, message: t('validation.required') },
            { max: 1000, message: t('validation.maxLength', { max: 1000 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={source !== 'blank' ? chosen?.campaignTitle : undefined}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="startsOn"
            label={t('campaigns.fields.startsOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('campaigns.fields.endsOn')}
            rules={[{ required: source === 'blank', message: t('validation.required') }]}
            extra={source !== 'blank' ? t('campaigns.create.endsOnHintTemplate') : undefined}
            style={{ maxWidth: 300 }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
          </Form.Item>
        </div>
        {source === 'blank' && (
          <Typography.Paragraph type="secondary">{t('campaigns.create.blankHint')}</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
