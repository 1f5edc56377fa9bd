/**
 * The columns a criterion shows wherever criteria are listed (the campaign page, the public page,
 * the editor): code, text with its guidance, how it is assessed, the threshold as printed
 * ("> 30%"), the maximum score, the weight and whether evidence is required.
 */
import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../../lib/format.ts';
import { thresholdText, type CriterionView } from '../utils/criteria.ts';

export function criterionColumns<T extends CriterionView>(
  t: TFunction,
  { showScores = true }: { showScores?: boolean } = {},
): TableColumnsType<T> {
  return [
    {
      title: t('campaigns.criteria.fields.code'),
      dataIndex: 'code',
      width: 96,
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
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
          {
            title: t('campaigns.criteria.fields.weight'),
            dataIndex: 'weight',
            width: 80,
            align: 'center' as const,
            responsive: ['md' as const],
            render: (weight: number | undefined) => (weight === undefined ? '—' : formatNumber(weight, 2)),
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
}
