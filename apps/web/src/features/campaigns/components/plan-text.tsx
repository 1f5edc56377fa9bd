/**
 * The plan's text in the order of the official document: legal basis; I. purpose and
 * requirements; II. participants and emulation contents (for collectives, for individuals);
 * III.2 awards; IV. implementation; closing, signer and distribution list. Section III.1 (the
 * criteria) is shown by CriteriaGroups.
 */
import type { ReactNode } from 'react';
import { Divider, Typography } from 'antd';
import type { Campaign } from '@thidua/contract';
import { useTranslation } from 'react-i18next';

type PlanText = Pick<
  Campaign,
  | 'legalBasis'
  | 'purposes'
  | 'requirements'
  | 'participantsText'
  | 'contents'
  | 'awardProvisions'
  | 'implementation'
  | 'closing'
  | 'signer'
  | 'recipients'
>;

/** Items print as "- item"; an award item starting with "+ " is a sub-item of the one before. */
function Lines({ lines, numbered = false }: { lines: readonly string[]; numbered?: boolean }) {
  const { t } = useTranslation();
  if (lines.length === 0)
    return <Typography.Paragraph type="secondary">{t('campaigns.plan.empty')}</Typography.Paragraph>;
  return (
    <div>
      {lines.map((line, i) => {
        const sub = line.startsWith('+ ');
        return (
          <Typography.Paragraph key={i} style={{ marginBottom: 6, paddingInlineStart: sub ? 40 : 16, textIndent: -12 }}>
            {numbered ? `${i + 1}. ` : sub ? '' : '- '}
            {line}
          </Typography.Paragraph>
        );
      })}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}

export function PlanTextView({ plan, criteriaSlot }: { plan: PlanText; criteriaSlot?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <article style={{ maxWidth: 900 }} data-testid="plan-text">
      {plan.legalBasis && <Typography.Paragraph style={{ textIndent: 24 }}>{plan.legalBasis}</Typography.Paragraph>}
      <Typography.Title level={4}>{t('campaigns.plan.sectionPurpose')}</Typography.Title>
      <Section title={t('campaigns.plan.purposes')}>
        <Lines lines={plan.purposes} />
      </Section>
      <Section title={t('campaigns.plan.requirements')}>
        <Lines lines={plan.requirements} />
      </Section>
      <Typography.Title level={4}>{t('campaigns.plan.sectionContents')}</Typography.Title>
      <Section title={t('campaigns.plan.participants')}>
        <Lines lines={plan.participantsText} />
      </Section>
      <Section title={t('campaigns.plan.contents')}>
        <Typography.Text strong>{t('campaigns.plan.contentsCollective')}</Typography.Text>
        <Lines lines={plan.contents.collective} />
        <Typography.Text strong>{t('campaigns.plan.contentsIndividual')}</Typography.Text>
        <Lines lines={plan.contents.individual} />
      </Section>
      <Typography.Title level={4}>{t('campaigns.plan.sectionCriteria')}</Typography.Title>
      {criteriaSlot && <Section title={t('campaigns.plan.criteria')}>{criteriaSlot}</Section>}
      <Section title={t('campaigns.plan.awards')}>
        <Lines lines={plan.awardProvisions} />
      </Section>
      <Typography.Title level={4}>{t('campaigns.plan.sectionImplementation')}</Typography.Title>
      <Lines lines={plan.implementation} numbered />
      {plan.closing && <Typography.Paragraph style={{ textIndent: 24 }}>{plan.closing}</Typography.Paragraph>}
      <Divider />
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 24, flexWrap: 'wrap' }}>
        <div>
          <Typography.Text strong italic>
            {t('campaigns.plan.recipients')}:
          </Typography.Text>
          {plan.recipients.map((r, i) => (
            <div key={i} style={{ fontSize: 13 }}>
              - {r}
            </div>
          ))}
        </div>
        <div style={{ textAlign: 'center', minWidth: 240 }}>
          {plan.signer.onBehalfOf && <div style={{ fontWeight: 600 }}>{plan.signer.onBehalfOf}</div>}
          <div style={{ fontWeight: 600 }}>{plan.signer.title}</div>
          <div style={{ height: 48 }} />
          <div style={{ fontWeight: 600 }}>{plan.signer.name}</div>
        </div>
      </div>
    </article>
  );
}
