/**
 * The campaign's scoring rules, read-only, on the campaign page: how a unit's total is made
 * (weights, penalties), the bands, the tie-break order, the named groups, four-eyes, reminders and
 * whether the campaign opens and closes on its dates. Authors change them in the editor while the
 * campaign is a draft.
 */
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { Campaign, Unit } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { bandRange } from '../utils/scoring.ts';

interface Props {
  campaign: Campaign;
  units: readonly Unit[];
}

export function ScoringSummary({ campaign, units }: Props) {
  const { t } = useTranslation();
  const names = new Map(units.map((u) => [u.id, u.name]));
  const { scoring } = campaign;
  const none = <Typography.Text type="secondary">{t('campaigns.scoring.none')}</Typography.Text>;
  return (
    <Descriptions column={1} size="small" bordered data-testid="scoring-summary">
      <Descriptions.Item label={t('campaigns.scoring.summary.total')}>
        {t('campaigns.scoring.summary.totalRule')}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.scoring.sections.penalties')}>
        {scoring.penalties.length
          ? scoring.penalties.map((p) => (
              <div key={p.kind}>
                {t(`campaigns.scoring.penalties.${p.kind}`)}: <b>−{formatNumber(p.points, 2)}</b>{' '}
                {t('campaigns.scoring.pointsSuffix')}
              </div>
            ))
          : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.scoring.sections.bands')}>
        {scoring.bands.length ? (
          <Space wrap>
            {scoring.bands.map((b, i) => (
              <Tag key={b.label} color={['gold', 'green', 'blue', 'default'][Math.min(i, 3)]}>
                {b.label}: {bandRange(b, i, scoring.bands.length, t('campaigns.scoring.otherwise'))}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('campaigns.scoring.noBands')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.scoring.sections.tieBreak')}>
        {scoring.tieBreak.length ? (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {scoring.tieBreak.map((k) => (
              <li key={k}>{t(`campaigns.scoring.tieBreaks.${k}`)}</li>
            ))}
          </ol>
        ) : (
          <Typography.Text type="secondary">{t('campaigns.scoring.noTieBreak')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.scoring.sections.groups')}>
        {campaign.unitGroups.length
          ? campaign.unitGroups.map((g) => (
              <div key={g.code}>
                <b>
                  {g.name} ({g.code})
                </b>
                : {g.unitIds.map((id) => names.get(id) ?? id).join('; ') || '—'}
              </div>
            ))
          : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.scoring.fields.requireSecondReviewer')}>
        {campaign.requireSecondReviewer ? t('campaigns.details.yes') : t('campaigns.details.no')}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.scoring.fields.reminderDaysBefore')}>
        {campaign.reminderDaysBefore.length
          ? campaign.reminderDaysBefore.map((d) => t('campaigns.scoring.daysBefore', { count: d })).join(', ')
          : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.scoring.fields.followsDates')}>
        {campaign.followsDates ? t('campaigns.details.yes') : t('campaigns.details.no')}
      </Descriptions.Item>
    </Descriptions>
  );
}
