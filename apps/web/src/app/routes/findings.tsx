/**
 * /ton-tai: the inspection findings register, one campaign at a time (?phong-trao=… keeps the
 * choice in the URL; by default the first running campaign). Campaigns and units come from their
 * features, the file widget from the files feature.
 */
import { useMemo } from 'react';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.ts';
import { EvidenceField } from '../../features/files/components/evidence-field.tsx';
import { FindingsRegister } from '../../features/findings/components/findings-register.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { SearchSelect } from '../../components/search-select.tsx';

const route = getRouteApi('/_app/ton-tai');

export default function FindingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chosenId = route.useSearch({ select: (s) => s['phong-trao'] });
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  const tree = useUnitTree();
  // Findings belong to launched campaigns; running ones first.
  const options = useMemo(() => {
    const items = (campaigns.data?.items ?? []).filter((c) => c.status !== 'draft');
    return [...items.filter((c) => c.status === 'open'), ...items.filter((c) => c.status !== 'open')];
  }, [campaigns.data]);
  const selected = options.find((c) => c.id === chosenId) ?? options[0];

  return (
    <div>
      <PageHeader
        title={t('findings.pages.register.title')}
        subtitle={t('findings.pages.register.description')}
        extra={
          options.length > 0 && (
            <SearchSelect
              value={selected?.id}
              aria-label={t('campaigns.pages.list.title')}
              style={{ width: 420, maxWidth: '100%' }}
              options={options.map((c) => ({ value: c.id, label: c.title }))}
              onChange={(id: string) => void navigate({ to: '/ton-tai', search: { 'phong-trao': id }, replace: true })}
            />
          )
        }
      />
      {campaigns.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : campaigns.isError ? (
        <Alert type="error" showIcon title={problemMessage(campaigns.error)} />
      ) : !selected ? (
        <Card>
          <Empty />
        </Card>
      ) : (
        <FindingsRegister
          key={selected.id}
          campaignId={selected.id}
          campaignActive={selected.status === 'open' || selected.status === 'closed'}
          units={tree.data?.items ?? []}
          Evidence={EvidenceField}
        />
      )}
    </div>
  );
}
