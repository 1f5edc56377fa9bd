/**
 * /ton-tai: the inspection findings register, one campaign at a time (?phong-trao=… keeps the
 * choice in the URL, and the last choice is remembered on this browser; by default the campaign in
 * progress). Campaigns and units come from their
 * features, the file widget from the files feature.
 */
import { useMemo } from 'react';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.ts';
import { chooseCampaign, orderForPicking, pickerLabel, rememberCampaign } from '../../lib/campaign-picker.ts';
import { EvidenceField } from '../../features/files/components/evidence-field.tsx';
import { FindingsRegister } from '../../features/findings/components/findings-register.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { SearchSelect } from '../../components/search-select.tsx';

const route = getRouteApi('/_app/ton-tai');
/** Where the page's last campaign choice is remembered. */
const PAGE = 'ton-tai';

export default function FindingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chosenId = route.useSearch({ select: (s) => s['phong-trao'] });
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  const tree = useUnitTree();
  // Findings belong to launched campaigns; the one in progress first, the page's last choice remembered.
  const options = useMemo(
    () => orderForPicking((campaigns.data?.items ?? []).filter((c) => c.status !== 'draft')),
    [campaigns.data],
  );
  const selected = chooseCampaign(options, chosenId, PAGE);

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
              options={options.map((c) => ({ value: c.id, label: pickerLabel(c, options) }))}
              onChange={(id: string) => {
                rememberCampaign(PAGE, id);
                void navigate({ to: '/ton-tai', search: { 'phong-trao': id }, replace: true });
              }}
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
