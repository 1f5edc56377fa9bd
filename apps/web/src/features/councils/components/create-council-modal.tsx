/** Setting up a council (POST /councils): the authority, its name, the term and its dates. */
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CreateCouncilBody, PageOf, Unit } from '@thidua/contract';
import type { Dayjs } from 'dayjs';
import { api } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/permissions.ts';
import { useCreateDialog } from '../../../lib/use-create-dialog.ts';
import { useCreateCouncil } from '../api/councils.ts';
import { useCouncilsTranslation } from '../locales/register.ts';

interface Values {
  authorityUnitId: string;
  name: string;
  term: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

export function CreateCouncilModal({ onClose }: { onClose: () => void }) {
  const { t } = useCouncilsTranslation();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const dialog = useCreateDialog(form, onClose);
  const create = useCreateCouncil();
  const authorities = useQuery({
    queryKey: ['councils', 'authorities'],
    queryFn: ({ signal }) => api.get<PageOf<Unit>>('/units', { kind: 'authority', pageSize: 100 }, signal),
  });
  const options = (authorities.data?.items ?? [])
    .filter((u) => can('council.manage', { unitId: u.id }))
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      open
      title={t('councils.createCouncil.title')}
      onCancel={dialog.close}
      confirmLoading={create.isPending}
      onOk={() =>
        void dialog.save(
          (v): CreateCouncilBody => ({
            authorityUnitId: v.authorityUnitId,
            name: v.name,
            term: v.term,
            validFrom: v.validFrom.format('YYYY-MM-DD'),
            validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
          }),
          (body, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
          t('councils.createCouncil.saved'),
        )
      }
      destroyOnHidden
    >
      {dialog.error && <Alert type="error" showIcon message={dialog.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="authorityUnitId" label={t('councils.fields.authority')} rules={[{ required: true }]}>
          <Select options={options} loading={authorities.isLoading} />
        </Form.Item>
        <Form.Item name="name" label={t('councils.fields.name')} rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="term" label={t('councils.fields.term')} rules={[{ required: true, max: 50 }]}>
          <Input placeholder="2026–2031" />
        </Form.Item>
        <Form.Item name="validFrom" label={t('councils.fields.validFrom')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="validTo" label={t('councils.fields.validTo')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
