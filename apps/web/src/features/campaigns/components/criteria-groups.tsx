/**
 * The criteria as the plan's section III reads: for collectives, then for individuals, each split
 * into general and specific criteria, with each criterion's threshold as printed ("> 30%", "≥ 1").
 * Read-only; shared by the campaign page and the public page.
 */
import { Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupCriteria, type CriterionView } from '../utils/criteria.ts';
import { criterionColumns } from './criterion-columns.tsx';

interface Props {
  criteria: readonly CriterionView[];
  /** Hide the score column (the public page shows what is assessed, not the scoring). */
  showScores?: boolean;
}

export function CriteriaGroups({ criteria, showScores = true }: Props) {
  const { t } = useTranslation();
  const sections = groupCriteria(criteria);
  if (sections.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.criteria.empty')} />;

  const columns = criterionColumns<CriterionView>(t, { showScores });

  // One heading per target, then one table per group, as the plan prints them.
  const targets = [...new Set(sections.map((s) => s.target))];
  return (
    <Flex vertical gap={20}>
      {targets.map((target) => (
        <section key={target} data-testid={`criteria-target-${target}`}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t(`campaigns.criteria.targetHeadings.${target}`)}
          </Typography.Title>
          <Flex vertical gap={12}>
            {sections
              .filter((s) => s.target === target)
              .map((s) => (
                <div key={s.group} data-testid={`criteria-section-${s.target}-${s.group}`}>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {t(`campaigns.criteria.groups.${s.group}`)}{' '}
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                      ({t('campaigns.criteria.count', { count: s.items.length })})
                    </Typography.Text>
                  </Typography.Title>
                  <Table<CriterionView>
                    rowKey="id"
                    size="small"
                    columns={columns}
                    dataSource={s.items}
                    pagination={false}
                    bordered
                  />
                </div>
              ))}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}
