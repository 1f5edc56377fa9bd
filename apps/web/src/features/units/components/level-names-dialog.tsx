/** Renaming the levels of the unit tree, root first (admin): one name per level, levels added or removed at the end. */
import { Alert, App, Button, Form, Input, Modal, Skeleton, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { useLevelNames, useUpdateLevelNames } from '../api/level-names.ts';

interface Props {
  open: boolean;
  onClose: () => void;
}

const MAX_LEVELS = 10;

export function LevelNamesDialog({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ levels: string[] }>();
  const current = useLevelNames(open);
  const save = useUpdateLevelNames();

  async function submit({ levels }: { levels: string[] }) {
    try {
      await save.mutateAsync({ levels: levels.map((l) => l.trim()) });
      void message.success(t('units.levelNames.saved'));
      onClose();
    } catch (err) {
      const rest = applyProblemToForm(form, err);
      if (rest) void message.error(rest);
    }
  }

  return (
    <Modal
      open={open}
      title={t('units.levelNames.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !current.data }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('units.levelNames.intro')}</Typography.Paragraph>
      {current.isError ? (
        <Alert type="error" showIcon title={problemMessage(current.error)} />
      ) : !current.data ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          name="levelNames"
          layout="horizontal"
          labelCol={{ span: 7 }}
          initialValues={{ levels: current.data.levels.length ? current.data.levels : [''] }}
          onFinish={submit}
        >
          <Form.List
            name="levels"
            rules={[
              {
                validator: async (_, levels: string[] | undefined) => {
                  if (!levels || levels.length === 0) throw new Error(t('units.levelNames.atLeastOne'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Form.Item
                    key={field.key}
                    label={t(index === 0 ? 'units.levelNames.root' : 'units.levelNames.level', { n: index + 1 })}
                    required
                  >
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item
                        name={field.name}
                        noStyle
                        rules={[
                          { required: true, whitespace: true, message: t('validation.required') },
                          { max: 100, message: t('validation.maxLength', { max: 100 }) },
                        ]}
                      >
                        <Input aria-label={t('units.levelNames.level', { n: index + 1 })} />
                      </Form.Item>
                      {fields.length > 1 && index === fields.length - 1 && (
                        <Button
                          icon={<MinusCircleOutlined />}
                          aria-label={t('units.levelNames.remove')}
                          title={t('units.levelNames.remove')}
                          onClick={() => remove(field.name)}
                        />
                      )}
                    </Space.Compact>
                  </Form.Item>
                ))}
                <Form.ErrorList errors={errors} />
                {fields.length < MAX_LEVELS && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block>
                    {t('units.levelNames.add')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
