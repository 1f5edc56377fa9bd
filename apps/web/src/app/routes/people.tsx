/** /can-bo: every unit's staff, searchable; managers add and edit. */
import { useMemo } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { manageablePeopleUnits } from '../../lib/permissions.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { PeopleTable } from '../../features/people/components/people-table.tsx';

export default function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const tree = useUnitTree();
  const units = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const manageable = useMemo(() => manageablePeopleUnits(user), [user]);
  return (
    <div>
      <PageHeader title={t('pages.people.title')} subtitle={t('pages.people.description')} />
      <Card>
        <PeopleTable units={units} manageableUnitIds={manageable} />
      </Card>
    </div>
  );
}
