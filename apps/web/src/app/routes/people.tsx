/** /can-bo: every unit's staff, searchable; managers add and edit; a row opens the person's awards. */
import { useMemo, useState } from 'react';
import { Button, Card } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { canUser, unitsFor } from '../../lib/permissions.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { PeopleTable } from '../../features/people/components/people-table.tsx';
import { peopleKeys } from '../../features/people/api/keys.ts';
import { unitKeys } from '../../features/units/api/keys.ts';
import { ImportSheetDialog } from '../../features/imports/components/import-sheet-dialog.tsx';
import { useImportsTranslation } from '../../features/imports/locales/register.ts';
import { AwardHistory } from '../../features/awards/components/award-history.tsx';

export default function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const tree = useUnitTree();
  const units = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const manageable = useMemo(() => unitsFor(user, 'person.manage'), [user]);
  const { t: ti } = useImportsTranslation();
  const qc = useQueryClient();
  const [importing, setImporting] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('pages.people.title')}
        subtitle={t('pages.people.description')}
        extra={
          canUser(user, 'person.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="people-import">
              {ti('imports.open.people')}
            </Button>
          )
        }
      />
      <ImportSheetDialog
        kind="people"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          void qc.invalidateQueries({ queryKey: peopleKeys.all });
          void qc.invalidateQueries({ queryKey: unitKeys.all });
        }}
      />
      <Card>
        <PeopleTable
          units={units}
          manageableUnitIds={manageable}
          personDetails={(p) => <AwardHistory of="people" id={p.id} />}
        />
      </Card>
    </div>
  );
}
