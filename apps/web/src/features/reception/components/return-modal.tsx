/** "Trả lại để bổ sung": the desk lists the reasons (a line each, as many as needed) and an optional note. */
import { Button, Form, Input, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReceptionDossier } from '@thidua/contract';
import { ReasonDialog } from '../../../components/reason-dialog.tsx';
import { useReturnDossier } from '../api/desk-actions.ts';
import { useReceptionTranslation } from '../locales/register.ts';

interface Values {
  reasons: string[];
  note?: string;
}

export function ReturnModal({
  dossier,
  open,
  onClose,
}: {
  dossier: ReceptionDossier;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useReceptionTranslation();
  const send = useReturnDossier();
  return (
    <ReasonDialog<Values>
      open={open}
      title={t('reception.returnDialog.title')}
      okText={t('reception.returnDialog.save')}
      cancelText={t('reception.desk.cancel')}
      danger
      okTestId="return-save"
      width={640}
      saving={send.isPending}
      savedMessage={t('reception.desk.returned')}
      onSubmit={(values) =>
        send.mutateAsync({
          id: dossier.id,
          version: dossier.version,
          reasons: values.reasons.map((r) => r.trim()).filter(Boolean),
          note: (values.note ?? '').trim(),
        })
      }
      onClose={onClose}
      initialValues={{ reasons: [''] }}
      fields={<ReturnFields />}
    >
      <Typography.Paragraph type="secondary">{t('reception.returnDialog.intro')}</Typography.Paragraph>
    </ReasonDialog>
  );
}

/** The reasons, a line each (at least one), and the optional note. */
function ReturnFields() {
  const { t } = useReceptionTranslation();
  return (
    <>
      <Form.List
        name="reasons"
        rules={[
          {
            validator: async (_, reasons: string[] | undefined) => {
              if (!reasons?.some((r) => r?.trim())) throw new Error(t('reception.returnDialog.atLeastOne'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Typography.Text strong>{t('reception.returnDialog.reasons')}</Typography.Text>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item
                  name={field.name}
                  rules={[{ required: true, whitespace: true, message: t('reception.returnDialog.reasonRequired') }]}
                  style={{ marginBottom: 0, width: 520 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    aria-label={t('reception.returnDialog.reason', { n: i + 1 })}
                    placeholder={t('reception.returnDialog.reasonPlaceholder')}
                    data-testid="return-reason"
                  />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('reception.returnDialog.remove')}
                    onClick={() => remove(field.name)}
                  />
                )}
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add('')}
              style={{ marginTop: 8 }}
              data-testid="return-add-reason"
            >
              {t('reception.returnDialog.add')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t('reception.returnDialog.note')} style={{ marginTop: 16 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
    </>
  );
}
