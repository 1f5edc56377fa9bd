/**
 * The rank table of a scoreboard: rank, unit (and person), group, weighted score, criteria met,
 * penalties, total, band and the self-assessment's status. Presentational: it shows the board it
 * is given (the signed-in page and the public campaign page fetch it their own way).
 */
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { Scoreboard, ScoreboardRow } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';
import { useScoreboardTranslation } from '../locales/register.ts';

const BAND_COLORS = ['gold', 'green', 'blue', 'default'];
const STATUS_COLORS: Record<ScoreboardRow['submissionStatus'], string> = {
  not_started: 'default',
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

const score = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 2);

interface Props {
  board: Scoreboard | undefined;
  loading: boolean;
}

export function ScoreboardTable({ board, loading }: Props) {
  const { t } = useScoreboardTranslation();
  const bandOrder = [...(board?.rules.bands ?? [])].sort((a, b) => b.minPoints - a.minPoints).map((b) => b.label);
  const individual = board?.target === 'individual';
  const grouped = board !== undefined && board.groupBy !== 'none';
  return (
    <Table<ScoreboardRow>
      data-testid="scoreboard-table"
      size="small"
      loading={loading}
      dataSource={board?.rows ?? []}
      rowKey={(r) => `${r.group?.code ?? ''}|${r.unit.id}|${r.person?.id ?? ''}`}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('scoreboard.empty') }}
      columns={[
        {
          title: t('scoreboard.columns.rank'),
          dataIndex: 'rank',
          width: 70,
          align: 'center',
          render: (rank: number) => <strong>{rank}</strong>,
        },
        ...(grouped
          ? [
              {
                title: t('scoreboard.columns.group'),
                key: 'group',
                render: (_: unknown, r: ScoreboardRow) => r.group?.name ?? t('scoreboard.group.none'),
              },
            ]
          : []),
        ...(individual
          ? [
              {
                title: t('scoreboard.columns.person'),
                key: 'person',
                render: (_: unknown, r: ScoreboardRow) => r.person?.fullName,
              },
            ]
          : []),
        {
          title: t('scoreboard.columns.unit'),
          key: 'unit',
          render: (_: unknown, r: ScoreboardRow) => (
            <span>
              {r.unit.name} <Typography.Text type="secondary">({r.unit.code})</Typography.Text>
            </span>
          ),
        },
        { title: t('scoreboard.columns.weighted'), dataIndex: 'weightedScore', align: 'right', render: score },
        {
          title: t('scoreboard.columns.met'),
          key: 'met',
          align: 'center',
          render: (_: unknown, r: ScoreboardRow) => `${r.criteriaMet}/${r.criteriaTotal}`,
        },
        {
          title: t('scoreboard.columns.penalties'),
          key: 'penalties',
          align: 'right',
          render: (_: unknown, r: ScoreboardRow) => {
            if (!r.penalties.points) return <Typography.Text type="secondary">—</Typography.Text>;
            const why = [
              r.penalties.openFindings ? t('scoreboard.openFindings', { count: r.penalties.openFindings }) : null,
              r.penalties.late ? t('scoreboard.late') : null,
            ]
              .filter(Boolean)
              .join(', ');
            return (
              <Tooltip title={why}>
                <Typography.Text type="danger">−{score(r.penalties.points)}</Typography.Text>
              </Tooltip>
            );
          },
        },
        {
          title: t('scoreboard.columns.total'),
          dataIndex: 'total',
          align: 'right',
          render: (n: number) => <strong>{score(n)}</strong>,
        },
        {
          title: t('scoreboard.columns.band'),
          dataIndex: 'band',
          render: (band: string | null) =>
            band ? (
              <Tag color={BAND_COLORS[Math.min(bandOrder.indexOf(band), BAND_COLORS.length - 1)]}>{band}</Tag>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: t('scoreboard.columns.status'),
          dataIndex: 'submissionStatus',
          render: (s: ScoreboardRow['submissionStatus']) => (
            <Tag color={STATUS_COLORS[s]}>{t(`scoreboard.status.${s}`)}</Tag>
          ),
        },
      ]}
    />
  );
}
