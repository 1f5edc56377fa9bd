/**
 * The campaign's criteria for its authors: grouped as the plan prints them, moved up or down
 * within their group (the whole order is saved with PUT …/criteria/order), added, changed and
 * removed in a drawer. Once the campaign is open the list is frozen — only guidance may change —
 * and the editor says so.
 */
import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Skeleton, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CRITERION_GROUPS, CRITERION_TARGETS } from '@thidua/contract';
import type { Campaign, Criterion, CriterionGroup, CriterionTarget } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem.ts';
import { useCriteria } from '../api/get-criteria.ts';
import { useDeleteCriterion } from '../api/delete-criterion.ts';
import { useReorderCriteria } from '../api/reorder-criteria.ts';
import { criteriaFrozen } from '../utils/campaign.ts';
import { groupCriteria, moveWithinSection } from '../utils/criteria.ts';
import { criterionColumns } from './criterion-columns.tsx';
import { CriterionDrawer, type CriterionTargetSpec } from './criterion-drawer.tsx';

export function CriteriaEditor({ campaign }: { campaign: Pick<Campaign, 'id' | 'status'> }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { data, isPending, isError, error } = useCriteria(campaign.id);
  const reorder = useReorderCriteria();
  const remove = useDeleteCriterion();
  const [spec, setSpec] = useState<CriterionTargetSpec | null>(null);
  const frozen = criteriaFrozen(campaign.status);
  const criteria = data?.items ?? [];

  async function move(id: string, direction: -1 | 1) {
    const ids = moveWithinSection(criteria, id, direction);
    if (!ids) return;
    try {
      await reorder.mutateAsync({ campaignId: campaign.id, ids });
    } catch (err) {
      void message.error(problemMessage(err));
    }
  }

  function confirmDelete(c: Criterion) {
    modal.confirm({
      title: t('campaigns.criteria.editor.deleteTitle', { code: c.code }),
      content: c.title,
      okText: t('campaigns.criteria.editor.delete'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ campaignId: campaign.id, criterionId: c.id });
          void message.success(t('campaigns.criteria.editor.deleted', { code: c.code }));
        } catch (err) {
          void message.error(problemMessage(err));
        }
      },
    });
  }

  if (isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (isError) return <Alert type="error" showIcon title={problemMessage(error)} />;

  const sections = groupCriteria(criteria);
  // Every target × group is shown while drafting, so a first criterion can be added to any of them.
  const shown = frozen
    ? sections
    : CRITERION_TARGETS.flatMap((target) =>
        CRITERION_GROUPS.map(
          (group) =>
            sections.find((s) => s.target === target && s.group === group) ?? {
              target,
              group,
              items: [] as Criterion[],
            },
        ),
      );

  const columns = (items: readonly Criterion[]): TableColumnsType<Criterion> => [
    ...(frozen
      ? []
      : [
          {
            key: 'order',
            width: 84,
            render: (_: unknown, c: Criterion, index: number) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('campaigns.criteria.editor.moveUp')}
                  title={t('campaigns.criteria.editor.moveUp')}
                  disabled={index === 0 || reorder.isPending}
                  onClick={() => void move(c.id, -1)}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('campaigns.criteria.editor.moveDown')}
                  title={t('campaigns.criteria.editor.moveDown')}
                  disabled={index === items.length - 1 || reorder.isPending}
                  onClick={() => void move(c.id, 1)}
                />
              </Space>
            ),
          },
        ]),
    ...criterionColumns<Criterion>(t),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      render: (_: unknown, c) => (
        <Space size={0}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('actions.edit')}
            title={frozen ? t('campaigns.criteria.editor.editGuidance') : t('actions.edit')}
            onClick={() => setSpec({ mode: 'edit', criterionId: c.id })}
          />
          {!frozen && (
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('campaigns.criteria.editor.delete')}
              title={t('campaigns.criteria.editor.delete')}
              onClick={() => confirmDelete(c)}
            />
          )}
        </Space>
      ),
    },
  ];

  const add = (target: CriterionTarget, group: CriterionGroup) => setSpec({ mode: 'create', target, group });

  return (
    <div data-testid="criteria-editor">
      {frozen && (
        <Alert
          type="info"
          showIcon
          title={t('campaigns.criteria.editor.frozenTitle')}
          description={t('campaigns.criteria.editor.frozen')}
          style={{ marginBottom: 16 }}
        />
      )}
      {!frozen && (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('campaigns.criteria.editor.intro')}</Typography.Text>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => add('collective', 'specific')}
            data-testid="criterion-add"
          >
            {t('campaigns.criteria.editor.add')}
          </Button>
        </Flex>
      )}
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.criteria.empty')} />
      ) : (
        <Flex vertical gap={16}>
          {shown.map((s) => (
            <div key={`${s.target}-${s.group}`} data-testid={`editor-section-${s.target}-${s.group}`}>
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t(`campaigns.criteria.targets.${s.target}`)} — {t(`campaigns.criteria.groups.${s.group}`)}
                </Typography.Title>
                {!frozen && (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add(s.target, s.group)}>
                    {t('campaigns.criteria.editor.addHere')}
                  </Button>
                )}
              </Flex>
              <Table<Criterion>
                rowKey="id"
                size="small"
                bordered
                columns={columns(s.items)}
                dataSource={s.items}
                pagination={false}
                locale={{ emptyText: t('campaigns.criteria.editor.sectionEmpty') }}
                scroll={{ x: 'max-content' }}
              />
            </div>
          ))}
        </Flex>
      )}
      <CriterionDrawer campaignId={campaign.id} frozen={frozen} spec={spec} onClose={() => setSpec(null)} />
    </div>
  );
}
