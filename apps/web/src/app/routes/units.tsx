/**
 * /don-vi: the unit tree on the left; the selected unit's details and staff on the right.
 * The selected unit is kept in the URL (?id=…) so a link or the back button returns to it.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Empty, Row, Skeleton, Space } from 'antd';
import { ApartmentOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/auth.ts';
import { canUser, unitsFor } from '../../lib/permissions.ts';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useUnit } from '../../features/units/api/get-unit.ts';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { UnitTreePanel } from '../../features/units/components/unit-tree-panel.tsx';
import { UnitDetailsCard } from '../../features/units/components/unit-details-card.tsx';
import { UnitFormModal, type UnitFormTarget } from '../../features/units/components/unit-form-modal.tsx';
import { LevelNamesDialog } from '../../features/units/components/level-names-dialog.tsx';
import { PeopleTable } from '../../features/people/components/people-table.tsx';
import { unitKeys } from '../../features/units/api/keys.ts';
import { ImportSheetDialog } from '../../features/imports/components/import-sheet-dialog.tsx';
import { useImportsTranslation } from '../../features/imports/locales/register.ts';
import { AwardHistoryCard } from '../../features/awards/components/award-history.tsx';

const route = getRouteApi('/_app/don-vi');

export default function UnitsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const selectedId = route.useSearch({ select: (s) => s.id ?? null });
  // Creating, changing, archiving and importing units, and naming the tree levels.
  const managesUnits = canUser(user, 'unit.manage');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [namingLevels, setNamingLevels] = useState(false);
  const { t: ti } = useImportsTranslation();
  const qc = useQueryClient();
  const tree = useUnitTree(includeArchived);
  const units = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const peopleUnits = useMemo(() => unitsFor(user, 'person.manage'), [user]);
  // Shares the details card's query: decides whether there is a unit whose staff to list.
  const selected = useUnit(selectedId);

  const select = (id: string | null) => void navigate({ to: '/don-vi', search: id ? { id } : {}, replace: true });

  return (
    <div>
      <PageHeader
        title={t('pages.units.title')}
        subtitle={t('pages.units.description')}
        extra={
          <Space>
            {managesUnits && (
              <Button
                icon={<ApartmentOutlined />}
                onClick={() => setNamingLevels(true)}
                data-testid="units-level-names"
              >
                {t('units.levelNames.open')}
              </Button>
            )}
            {managesUnits && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="units-import">
                {ti('imports.open.units')}
              </Button>
            )}
            {managesUnits && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormTarget({ mode: 'create', parentId: selectedId })}
              >
                {t('units.add')}
              </Button>
            )}
          </Space>
        }
      />
      <LevelNamesDialog open={namingLevels} onClose={() => setNamingLevels(false)} />
      <ImportSheetDialog
        kind="units"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void qc.invalidateQueries({ queryKey: unitKeys.all })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card
            title={t('units.treeTitle')}
            size="small"
            extra={
              managesUnits && (
                <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
                  {t('units.includeArchived')}
                </Checkbox>
              )
            }
          >
            {tree.isPending ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : tree.isError ? (
              <Alert type="error" showIcon title={problemMessage(tree.error)} />
            ) : (
              <UnitTreePanel units={units} selectedId={selectedId} onSelect={select} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          {selectedId && selected.isError ? (
            <Alert type="error" showIcon title={problemMessage(selected.error)} />
          ) : selectedId ? (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <UnitDetailsCard
                unitId={selectedId}
                units={units}
                canManage={managesUnits}
                onEdit={() => setFormTarget({ mode: 'edit', unitId: selectedId })}
                onAddChild={() => setFormTarget({ mode: 'create', parentId: selectedId })}
              />
              <Card title={t('units.staffTitle')} size="small">
                <PeopleTable key={selectedId} units={units} fixedUnitId={selectedId} manageableUnitIds={peopleUnits} />
              </Card>
              <AwardHistoryCard of="units" id={selectedId} />
            </Space>
          ) : (
            <Card>
              <Empty description={t('units.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <UnitFormModal
        target={formTarget}
        units={units}
        onClose={() => setFormTarget(null)}
        onSaved={(unit) => {
          setFormTarget(null);
          select(unit.id);
        }}
      />
    </div>
  );
}
