/** A unit's details, with the administrator's actions: edit, add a child unit, archive or restore. */
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, InboxOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import type { Unit } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useConfirmedAction } from '../../../lib/use-confirmed-action.ts';
import { useUnit } from '../api/get-unit.ts';
import { useUpdateUnit } from '../api/update-unit.ts';

interface Props {
  unitId: string;
  units: readonly Unit[];
  canManage: boolean;
  onEdit: () => void;
  onAddChild: () => void;
}

export function UnitDetailsCard({ unitId, units, canManage, onEdit, onAddChild }: Props) {
  const { t } = useTranslation();
  const confirmAction = useConfirmedAction();
  const { data, isPending, isError, error } = useUnit(unitId);
  const update = useUpdateUnit();

  if (isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  if (isError) return <Alert type="error" showIcon title={problemMessage(error)} />;

  const { unit, etag } = data;
  const parent = unit.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  const dash = <span aria-label={t('common.none')}>—</span>;

  function toggleArchived() {
    const archiving = !unit.archived;
    confirmAction({
      title: archiving
        ? t('units.archiveConfirmTitle', { name: unit.name })
        : t('units.restoreConfirmTitle', { name: unit.name }),
      content: archiving ? t('units.archiveConfirm') : t('units.restoreConfirm'),
      okText: archiving ? t('units.archive') : t('units.restore'),
      danger: archiving,
      run: () => update.mutateAsync({ id: unit.id, etag, body: { archived: archiving } }),
      doneMessage: archiving ? t('units.archived', { name: unit.name }) : t('units.restored', { name: unit.name }),
    });
  }

  return (
    <Card
      title={
        <Space wrap>
          <span>{unit.name}</span>
          {unit.archived && <Tag>{t('units.archivedTag')}</Tag>}
        </Space>
      }
      extra={
        canManage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('actions.edit')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={onAddChild} disabled={unit.archived}>
              {t('units.addChild')}
            </Button>
            <Button
              icon={unit.archived ? <UndoOutlined /> : <InboxOutlined />}
              danger={!unit.archived}
              onClick={toggleArchived}
              loading={update.isPending}
            >
              {unit.archived ? t('units.restore') : t('units.archive')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="unit-details">
        <Descriptions.Item label={t('units.fields.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('units.fields.kind')}>{t(`unitKinds.${unit.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('units.fields.level')}>{unit.levelName}</Descriptions.Item>
        <Descriptions.Item label={t('units.fields.parent')}>
          {parent ? parent.name : t('units.fields.parentNone')}
        </Descriptions.Item>
        <Descriptions.Item label={t('units.fields.address')}>{unit.address || dash}</Descriptions.Item>
        <Descriptions.Item label={t('units.fields.phone')}>{unit.phone || dash}</Descriptions.Item>
        <Descriptions.Item label={t('units.fields.email')}>{unit.email || dash}</Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(unit.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
