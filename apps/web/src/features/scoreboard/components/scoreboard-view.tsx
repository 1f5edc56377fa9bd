/**
 * The scoreboard page's body: target and grouping filters, the provisional / final banner, the
 * rules in one line, the export buttons (XLSX, CSV) and the rank table. Filters live in the URL
 * (the page passes them in and hears changes).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import type { Scoreboard, ScoreboardGroupBy, ScoreboardTarget } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { downloadScoreboard, useScoreboard } from '../api/get-scoreboard.ts';
import type { ScoreboardParams } from '../api/keys.ts';
import { useScoreboardTranslation } from '../locales/register.ts';
import { ScoreboardTable } from './scoreboard-table.tsx';

interface Props {
  campaignId: string;
  params: ScoreboardParams;
  onParamsChange: (params: ScoreboardParams) => void;
  /** Whether the campaign assesses individuals too (offers the target switch). */
  individuals: boolean;
}

/** The banner and the rules line shared by the signed-in page and the public section. */
export function ScoreboardHeading({ board }: { board: Scoreboard }) {
  const { t } = useScoreboardTranslation();
  const penalties = board.rules.penalties
    .filter((p) => p.points > 0)
    .map((p) => t(`scoreboard.penalty.${p.kind}`, { points: formatNumber(p.points) }));
  return (
    <Flex vertical gap={8}>
      <Alert
        data-testid="scoreboard-banner"
        type={board.provisional ? 'warning' : 'success'}
        showIcon
        title={board.provisional ? t('scoreboard.provisional') : t('scoreboard.final')}
        description={board.provisional ? t('scoreboard.provisionalHint') : t('scoreboard.finalHint')}
      />
      <Typography.Text type="secondary">
        {t('scoreboard.summary', {
          count: board.rows.length,
          criteria: board.criteriaTotal,
          max: formatNumber(board.maxWeightedScore, 1),
        })}
        {penalties.length > 0 && ` · ${t('scoreboard.penaltyRules', { rules: penalties.join('; ') })}`}
      </Typography.Text>
    </Flex>
  );
}

export function ScoreboardView({ campaignId, params, onParamsChange, individuals }: Props) {
  const { t } = useScoreboardTranslation();
  const { message } = App.useApp();
  const query = useScoreboard(campaignId, params);
  const [downloading, setDownloading] = useState<'xlsx' | 'csv' | null>(null);
  const board = query.data;

  const download = async (format: 'xlsx' | 'csv') => {
    setDownloading(format);
    try {
      await downloadScoreboard(campaignId, params, format);
    } catch (err) {
      void message.error(t('scoreboard.export.failed', { message: problemMessage(err) }));
    } finally {
      setDownloading(null);
    }
  };

  const groupOptions = board?.groups.map((g) => ({ value: g.code, label: `${g.name} (${g.count})` })) ?? [];

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex wrap gap={12} justify="space-between" align="center">
          <Space wrap>
            {individuals && (
              <Segmented<ScoreboardTarget>
                data-testid="scoreboard-target"
                value={params.target}
                onChange={(target) => onParamsChange({ ...params, target })}
                options={[
                  { value: 'collective', label: t('scoreboard.target.collective') },
                  { value: 'individual', label: t('scoreboard.target.individual') },
                ]}
              />
            )}
            <Segmented<ScoreboardGroupBy>
              data-testid="scoreboard-group-by"
              value={params.groupBy}
              onChange={(groupBy) => onParamsChange({ ...params, groupBy, group: undefined })}
              options={[
                { value: 'none', label: t('scoreboard.groupBy.none') },
                { value: 'kind', label: t('scoreboard.groupBy.kind') },
                { value: 'group', label: t('scoreboard.groupBy.group') },
              ]}
            />
            {params.groupBy !== 'none' && (
              <Select
                data-testid="scoreboard-group"
                allowClear
                style={{ minWidth: 240 }}
                placeholder={t('scoreboard.group.all')}
                value={params.group}
                options={groupOptions}
                onChange={(group?: string) => onParamsChange({ ...params, group })}
              />
            )}
          </Space>
          <Space wrap>
            <Button
              icon={<FileExcelOutlined />}
              loading={downloading === 'xlsx'}
              onClick={() => void download('xlsx')}
              data-testid="scoreboard-xlsx"
            >
              {t('scoreboard.export.xlsx')}
            </Button>
            <Button
              icon={<FileTextOutlined />}
              loading={downloading === 'csv'}
              onClick={() => void download('csv')}
              data-testid="scoreboard-csv"
            >
              {t('scoreboard.export.csv')}
            </Button>
          </Space>
        </Flex>
      </Card>
      {query.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : query.isError && !board ? (
        <Alert type="error" showIcon title={problemMessage(query.error)} />
      ) : (
        <>
          {board && <ScoreboardHeading board={board} />}
          {query.isError && <Alert type="error" showIcon title={problemMessage(query.error)} />}
          <Card size="small">
            <ScoreboardTable board={board} loading={query.isFetching} />
          </Card>
        </>
      )}
    </Flex>
  );
}
