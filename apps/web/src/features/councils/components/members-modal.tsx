/** The council's members edited as one list (PUT /councils/:id/members): a person and a role per row. */
import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Select, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { COUNCIL_ROLES, type Council, type CouncilRole } from '@thidua/contract';
import { problemMessage } from '../../../lib/problem.ts';
import { useSetMembers } from '../api/councils.ts';
import { useCouncilsTranslation } from '../locales/register.ts';
import { PersonPicker } from './person-picker.tsx';

interface Row {
  personId: string;
  label: string;
  role: CouncilRole;
}

export function MembersModal({ council, onClose }: { council: Council; onClose: () => void }) {
  const { t } = useCouncilsTranslation();
  const { message } = App.useApp();
  const save = useSetMembers();
  const [rows, setRows] = useState<Row[]>(
    council.members.map((m) => ({ personId: m.personId, label: `${m.fullName} (${m.unitName})`, role: m.role })),
  );
  const [error, setError] = useState<string | null>(null);
  const update = (i: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function submit() {
    setError(null);
    try {
      await save.mutateAsync({
        councilId: council.id,
        members: rows.map(({ personId, role }) => ({ personId, role })),
      });
      void message.success(t('councils.members.saved'));
      onClose();
    } catch (err) {
      setError(problemMessage(err));
    }
  }

  return (
    <Modal
      open
      width={820}
      title={`${t('councils.members.title')} - ${council.name}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      data-testid="members-modal"
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {error && <Alert type="error" showIcon message={error} />}
        <Typography.Text type="secondary">{t('councils.members.secretaryNote')}</Typography.Text>
        <Table
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('councils.fields.person'), dataIndex: 'label' },
            {
              title: t('councils.fields.role'),
              key: 'role',
              width: 220,
              render: (_: unknown, r, i) => (
                <Select
                  value={r.role}
                  style={{ width: 200 }}
                  onChange={(role: CouncilRole) => update(i, { role })}
                  options={COUNCIL_ROLES.map((x) => ({ value: x, label: t(`councils.role.${x}`) }))}
                />
              ),
            },
            {
              key: 'remove',
              width: 60,
              render: (_: unknown, _r, i) => (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('councils.members.remove')}
                  onClick={() => setRows((list) => list.filter((_x, j) => j !== i))}
                />
              ),
            },
          ]}
        />
        <Flex gap={8} align="center">
          <Typography.Text>{t('councils.members.add')}:</Typography.Text>
          <PersonPicker
            placeholder={t('councils.members.searchPerson')}
            exclude={rows.map((r) => r.personId)}
            value={undefined}
            onChange={(personId, label) => setRows((list) => [...list, { personId, label, role: 'member' }])}
            data-testid="member-picker"
          />
        </Flex>
      </Flex>
    </Modal>
  );
}
