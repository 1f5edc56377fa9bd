/** The admin page of the award catalogue: five tabs, read-only for those without award_type.manage. */
import type { ReactNode } from 'react';
import { Alert, Skeleton, Tabs } from 'antd';
import type { Unit } from '@thidua/contract';
import { useCan } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { useAwardTypes } from '../api/catalogue.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';
import { AwardTypesTab } from './award-types-tab.tsx';
import { BaseSalariesTab } from './base-salaries-tab.tsx';
import { GrantPowersTab } from './grant-powers-tab.tsx';
import { HolidaysTab } from './holidays-tab.tsx';
import { SettingsTab } from './settings-tab.tsx';

export function AwardCatalogue({ units }: { units: readonly Unit[] }) {
  const { t } = useAwardCatalogueTranslation();
  const can = useCan();
  const canManage = can('award_type.manage');
  const types = useAwardTypes();
  const items = types.data?.items ?? [];
  // The first two tabs show the award types: the list's error or skeleton until it has loaded.
  const loaded = (node: ReactNode): ReactNode =>
    types.error ? (
      <Alert type="error" showIcon message={problemMessage(types.error)} />
    ) : types.isLoading ? (
      <Skeleton active />
    ) : (
      node
    );
  return (
    <>
      {!canManage && <Alert type="info" showIcon message={t('awardCatalogue.readOnly')} style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          {
            key: 'types',
            label: t('awardCatalogue.tabs.types'),
            children: loaded(<AwardTypesTab items={items} canManage={canManage} />),
          },
          {
            key: 'powers',
            label: t('awardCatalogue.tabs.powers'),
            children: loaded(<GrantPowersTab items={items} canManage={canManage} />),
          },
          {
            key: 'salaries',
            label: t('awardCatalogue.tabs.salaries'),
            children: <BaseSalariesTab canManage={canManage} />,
          },
          {
            key: 'holidays',
            label: t('awardCatalogue.tabs.holidays'),
            children: <HolidaysTab canManage={canManage} />,
          },
          {
            key: 'settings',
            label: t('awardCatalogue.tabs.settings'),
            children: <SettingsTab units={units} canManage={canManage} />,
          },
        ]}
      />
    </>
  );
}
