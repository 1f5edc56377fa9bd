/**
 * The criteria as the plan's section III reads: for collectives, then for individuals, each split
 * into general and specific criteria, with each criterion's threshold as printed ("> 30%", "≥ 1").
 * Read-only; shared by the campaign page and the public page.
 */
import { Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { groupCriteria, thresholdText, type CriterionView } from '../utils/criteria.ts';

interface Props {
  criteria: readonly CriterionView[];
  /** Hide the score column (the public page shows what is assessed, not the scoring). */
  showScores?: boolean;
}

export function CriteriaGroups({ criteria, showScores = true }: Props) {
  const { t } = useTranslation();
  const sections = groupCriteria(criteria);
  if (sections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.criteria.empty')} />;

  const columns: TableColumnsType<CriterionView> = [
    { title: t('campaigns.criteria.fields.code'), dataIndex: 'code', width: 96, render: (code: string) => <Typography.Text strong>{code}</Typography.Text> },
    {
      title: t('campaigns.criteria.fields.title'),
      dataIndex: 'title',
      render: (title: string, c) => (
        <div>
          <div>{title}</div>
          {c.guidance && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {c.guidance}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('campaigns.criteria.fields.kind'),
      dataIndex: 'kind',
      width: 170,
      responsive: ['md'],
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2}>
          <span>{t(`campaigns.criteria.kinds.${c.kind}`)}</span>
          {c.derivedSource && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`campaigns.criteria.sources.${c.derivedSource}`)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('campaigns.criteria.fields.threshold'),
      key: 'threshold',
      width: 100,
      align: 'center',
      render: (_: unknown, c) => {
        const text = thresholdText(c);
        return text ? (
          <Tag color="geekblue" style={{ fontSize: 14, marginInlineEnd: 0 }} data-testid="criterion-threshold">
            {text}
          </Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    ...(showScores
      ? [
          {
            title: t('campaigns.criteria.fields.maxScore'),
            dataIndex: 'maxScore',
            width: 90,
            align: 'center' as const,
            render: (score: number) => formatNumber(score, 2),
          },
        ]
      : []),
    {
      title: t('campaigns.criteria.fields.evidenceRequired'),
      dataIndex: 'evidenceRequired',
      width: 110,
      align: 'center',
      responsive: ['sm'],
      render: (required: boolean) => (required ? <Tag color="gold">{t('campaigns.criteria.evidenceTag')}</Tag> : null),
    },
  ];

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
                  <Table<CriterionView> rowKey="id" size="small" columns={columns} dataSource={s.items} pagination={false} bordered />
                </div>
              ))}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}
