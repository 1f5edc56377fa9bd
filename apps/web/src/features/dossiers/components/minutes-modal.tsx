/** "Soạn tự động" for the minutes: what the meeting was (all optional; blanks print as dotted lines). */
import { DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DraftDossierDocumentBody } from '@thidua/contract';
import { useDossiersTranslation } from '../locales/register.ts';

interface Values {
  heldAt?: Dayjs;
  place?: string;
  chair?: string;
  secretary?: string;
  attendees?: string;
  absent?: string;
  votesFor?: number;
  votesAgainst?: number;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function MinutesModal({
  open,
  busy,
  onCancel,
  onDraft,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onDraft: (body: DraftDossierDocumentBody) => void;
}) {
  const { t } = useDossiersTranslation();
  const [form] = Form.useForm<Values>();
  function ok() {
    const v = form.getFieldsValue();
    const body: DraftDossierDocumentBody = {
      ...(v.heldAt ? { heldAt: v.heldAt.toISOString() } : {}),
      ...(v.place?.trim() ? { place: v.place.trim() } : {}),
      ...(v.chair?.trim() ? { chair: v.chair.trim() } : {}),
      ...(v.secretary?.trim() ? { secretary: v.secretary.trim() } : {}),
      ...(lines(v.attendees).length ? { attendees: lines(v.attendees) } : {}),
      ...(lines(v.absent).length ? { absent: lines(v.absent) } : {}),
      ...(v.votesFor != null ? { votesFor: v.votesFor } : {}),
      ...(v.votesAgainst != null ? { votesAgainst: v.votesAgainst } : {}),
    };
    onDraft(body);
  }
  return (
    <Modal
      open={open}
      title={t('dossiers.minutes.title')}
      okText={t('dossiers.minutes.ok')}
      onOk={ok}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('dossiers.minutes.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item name="heldAt" label={t('dossiers.minutes.heldAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('dossiers.minutes.place')}>
          <Input maxLength={500} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="chair" label={t('dossiers.minutes.chair')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="secretary" label={t('dossiers.minutes.secretary')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="attendees" label={t('dossiers.minutes.attendees')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="absent" label={t('dossiers.minutes.absent')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space>
          <Form.Item name="votesFor" label={t('dossiers.minutes.votesFor')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="votesAgainst" label={t('dossiers.minutes.votesAgainst')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
